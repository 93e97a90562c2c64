"""Setting many indicators' polarity, amber tolerance and target at once (issue 12).

Rules:
- A target is written as the council writes it (scorecard.domain.targets): one that
  cannot be read is refused, with the words that say why.
- A bound fixes which way is better: a maximum ("<7%") says lower is better, a minimum
  (">65%") higher. A bound that contradicts the polarity chosen (or kept) is refused, as
  is a bound with "within a band": the scorecard would judge the figure both ways.
- A target once set is not removed from this page: an earlier month keeps its target,
  and a new one takes effect from the month chosen.
- The amber tolerance is 0 or more, in the indicator's own unit; empty means the default
  rule (scorecard.domain.rag.tolerance), said in words beside it.
- A reason is required whenever anything changes: it goes into the indicator's history,
  whose change reason holds 100 characters.
"""

import datetime
from decimal import Decimal

from scorecard.domain.polarity import BAND, HIGHER, LOWER
from scorecard.domain.rag import DEFAULT_POINTS, DEFAULT_SHARE
from scorecard.domain.targets import MAX, MIN, TargetReading, parse_target

PARTS = ("polarity", "amber_tolerance", "target", "target_from")
COMPARED = ("polarity", "amber_tolerance", "target")  # what the database holds
HISTORY_REASON_MAX = 100
FIGURE_LIMIT = Decimal(10) ** 10
POLARITY_WORDS = {HIGHER: "higher is better", LOWER: "lower is better", BAND: "within a band"}


def setting_field(indicator_id: int, part: str) -> str:
    """The form field (and error key) for one part of one indicator's row: "i12-target"."""
    return f"i{indicator_id}-{part}"


def _bound_contradicts(reading: TargetReading, polarity: str) -> bool:
    """Rule: a bound fixes the polarity; only the polarity it fixes (or none judged yet:
    not set, neither) may stand beside it."""
    if reading.kind not in (MIN, MAX):
        return False
    return polarity in (HIGHER, LOWER, BAND) and polarity != reading.polarity


def contradiction_words(reading: TargetReading, polarity: str, *, ref: str) -> str:
    """Why a bound and a polarity cannot stand together, or "" when they can."""
    if not _bound_contradicts(reading, polarity):
        return ""
    bound_says = POLARITY_WORDS[reading.polarity]
    return (
        f"{ref} target {reading.written} means {bound_says}, but the polarity is set to "
        f"{POLARITY_WORDS[polarity]}: change one of them"
    )


def target_problem(written: str, *, polarity: str, ref: str) -> str:
    """What is wrong with a target typed for an indicator with `polarity`; "" if nothing."""
    reading = parse_target(written)
    if reading is None:
        return f"{ref} target cannot be removed here: enter the new target"
    if reading.error:
        return (
            f'{ref} target "{reading.written}" cannot be read: write it as the council does, '
            'for example "85%", "85-90%" or "<7%"'
        )
    if any(f is not None and abs(f) >= FIGURE_LIMIT for f in (reading.low, reading.high)):
        return f"{ref} target must be under 10,000,000,000"
    return contradiction_words(reading, polarity, ref=ref)


def tolerance_problem(tolerance: Decimal | None, *, ref: str) -> str:
    """Rule: an amber tolerance is 0 or more (empty: the default rule)."""
    if tolerance is not None and tolerance < 0:
        return f"{ref} amber tolerance must be 0 or more"
    return ""


def default_tolerance_words(*, is_percentage: bool, figure: Decimal | None) -> str:
    """The default amber tolerance in words (scorecard.domain.rag.tolerance)."""
    if is_percentage:
        return f"{DEFAULT_POINTS:f} percentage points"
    share = f"{DEFAULT_SHARE * 100:f}".rstrip("0").rstrip(".")
    if figure is None:
        return f"{share}% of the target"
    shown = f"{abs(figure) * DEFAULT_SHARE:,.2f}".rstrip("0").rstrip(".")
    return f"{share}% of the target ({shown})"


def history_reason(reason: str, *, target: str = "", target_from: datetime.date | None = None):
    """The history's change reason: the person's reason, after the new target and its
    month when the target changed; cut to the 100 characters the history holds."""
    words = reason
    if target and target_from is not None:
        words = f"Target {target} from {target_from:%B %Y}: {reason}"
    if len(words) > HISTORY_REASON_MAX:
        words = words[: HISTORY_REASON_MAX - 1].rstrip() + "…"
    return words


def set_by_words(reason: str, *, name: str, day: datetime.date, limit: int = 300) -> str:
    """Why a polarity or tolerance is what it is, when a person chose it: "Set by Pat
    Officer on 3 December 2026: agreed at the clinic". Never read as learned from
    evidence, so an import does not overwrite it (scorecard.domain.polarity_evidence)."""
    words = f"Set by {name} on {day.day} {day:%B %Y}: {reason}"
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def months_offered(today: datetime.date, *, back: int = 24, ahead: int = 12):
    """The months a new target may take effect from, newest first: a year ahead of this
    month back to two years before it."""
    first = today.replace(day=1)
    index = first.year * 12 + first.month - 1
    months = []
    for step in range(index + ahead, index - back - 1, -1):
        months.append(datetime.date(step // 12, step % 12 + 1, 1))
    return months
