"""Polarity is known, or nothing is judged (issue 12).

Rules:
- Higher is better, lower is better and within a band are judged: RAG, a good or bad
  direction, SPC improvement or concern labels and the assurance icon.
- Not set (the default for a new or imported indicator whose polarity is not evidenced):
  nothing is judged, and the page says why in words. A guess would show false Reds.
- Neither is a deliberate choice: the indicator is tracked, never judged.
"""

HIGHER, LOWER, BAND, NEITHER, NOT_SET = "higher", "lower", "band", "neither", "not_set"
JUDGED = frozenset({HIGHER, LOWER, BAND})

NOT_SET_WORDS = "Not judged: whether higher or lower is better is not set"
NEITHER_WORDS = "Not judged: this indicator is tracked, not judged"


def is_judged(polarity: str) -> bool:
    """Rule: only a known direction of better (higher, lower, band) is judged."""
    return polarity in JUDGED


def withheld_because(polarity: str) -> str | None:
    """Why no judgement is given, in words; None when the indicator is judged.
    Anything unknown reads as not set: nothing is judged on a guess."""
    if is_judged(polarity):
        return None
    return NEITHER_WORDS if polarity == NEITHER else NOT_SET_WORDS


def polarity_from_words(text: str) -> str | None:
    """A polarity written in a fixture ("higher", "Lower is better", "within a band",
    "neither"); None when the words name none. "Not set" is never read from a file:
    a file that sets a polarity must choose one."""
    words = " ".join(text.strip().lower().replace("_", " ").split())
    return WRITTEN.get(words)


WRITTEN = {
    "higher": HIGHER,
    "higher is better": HIGHER,
    "lower": LOWER,
    "lower is better": LOWER,
    "band": BAND,
    "within a band": BAND,
    "neither": NEITHER,
    "tracked": NEITHER,
}


def polarity_table(rows: list[dict[str, str]]) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """A polarity file's rows (reference, polarity, reason) read into {reference:
    (polarity, reason)}, with a problem per bad row by its line number (the header is
    line 1). Rule: every row names a polarity other than not set and says why, and each
    reference comes once; the file is applied only when there is no problem."""
    table: dict[str, tuple[str, str]] = {}
    problems = []
    for line, row in enumerate(rows, start=2):
        ref = (row.get("reference") or "").strip()
        polarity = polarity_from_words(row.get("polarity") or "")
        reason = " ".join((row.get("reason") or "").split())
        if not ref:
            problems.append(f"Line {line}: the reference is empty")
        elif ref in table:
            problems.append(f"Line {line}: {ref} is given more than once")
        elif polarity is None:
            problems.append(f"Line {line}: {ref} needs a polarity: higher, lower, band or neither")
        elif not reason:
            problems.append(f"Line {line}: {ref} needs a reason for its polarity")
        else:
            table[ref] = (polarity, reason)
    return table, problems
