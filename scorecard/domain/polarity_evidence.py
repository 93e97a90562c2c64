"""Polarity learned from evidence at import, never guessed (issue 12, section 1).

Evidence, for one indicator, read across every row and file imported:
- A bound target fixes the polarity: "<7%" says lower is better, ">65%" higher
  (scorecard.domain.targets). Its reason is "from the target `<7%`".
- The council's own RAG letter (the `Performance` column) read against the month's value
  and the target in force then. Green says the side of the target the value lies on is
  good; Red, and Amber too, say it is not (Amber is "close, but short": a council marks
  Amber only a value that misses its target, as scorecard.domain.rag does):
  - a value above a single target (or above a band, or a minimum) that the council marks
    Green says higher is better; marked Red or Amber, lower is better;
  - below it, Green says lower is better, Red or Amber higher is better;
  - a value on the target, inside a band or passing a bound says nothing (Green inside a
    band is Green whichever way is better); nor does N/A.
  - a band marked Red or Amber on both sides (and Green on neither) says within a band.
  Its reason is "from the council's RAG, January 2024" (the months whose letters say
  something).
- Conflicting evidence (one side both good and bad, or both sides good) learns nothing:
  the polarity stays not set and every row that says something is listed with what it
  implies, for a person to decide.

Who decides (decide_polarity): a person's choice wins. Polarity is learned only where it
is not set and no person gave a reason for that, or where the polarity held was itself
learned (its reason starts "Learned from", or "Not learned" after a conflict). A learned
polarity follows the evidence when it changes; when the evidence comes to conflict, it
goes back to not set, since a polarity the evidence no longer supports would be a guess.
A person's reason (e.g. "Set by ...", or none at all on a polarity chosen by hand, as the
demo's fixture and the admin do) is never overwritten. The import also reads the
indicator's history (scorecard.importing.learning): a "Learned" reason counts only while
the last change to the field was the import's own, so a person who changed the value in
the admin, leaving the old reason, still wins.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from scorecard.domain.polarity import BAND, HIGHER, LOWER, NOT_SET

ABOVE, BELOW = "above", "below"
LEARNED, NOT_LEARNED = "Learned from ", "Not learned: "
MIN, MAX, SINGLE, BAND_KIND = "min", "max", "single", "band"
WORDS = {HIGHER: "higher is better", LOWER: "lower is better", BAND: "within a band"}
LETTER_WORDS = {"R": "Red", "A": "Amber", "G": "Green"}
REASON_MAX = 300
CONFLICT_REASON = NOT_LEARNED + "the evidence conflicts, so a person should choose"


@dataclass(frozen=True)
class LetterReading:
    """One month of an indicator: its value, the target in force and the council's letter."""

    ref: str
    period: datetime.date
    value: Decimal
    target_written: str
    kind: str
    low: Decimal | None
    high: Decimal | None
    letter: str


@dataclass(frozen=True)
class Implication:
    """What one piece of evidence says: which side of the target is good or bad."""

    side: str
    good: bool
    band: bool = False

    @property
    def words(self) -> str:
        polarity = HIGHER if (self.side == ABOVE) == self.good else LOWER
        if self.band and not self.good:
            return f"{WORDS[polarity]}, or within a band"
        return WORDS[polarity]


@dataclass(frozen=True)
class EvidenceRow:
    """A row listed for a person: where it came from and what it implies."""

    ref: str
    month: str
    value: str
    target: str
    letter: str
    implies: str


@dataclass(frozen=True)
class PolarityVerdict:
    """The evidence's answer: a polarity with its reason, a conflict with its rows, or
    nothing (polarity None, no conflict) when no evidence says anything."""

    polarity: str | None
    reason: str = ""
    conflict: tuple[EvidenceRow, ...] = ()


def side_of_target(value: Decimal, kind: str, low, high) -> str | None:
    """Which side of the target the value lies; None on it, inside a band or passing a bound."""
    if kind in (SINGLE, BAND_KIND, MIN) and low is not None and value < low:
        return BELOW
    if kind == SINGLE and low is not None and value > low:
        return ABOVE
    if kind in (BAND_KIND, MAX) and high is not None and value > high:
        return ABOVE
    return None


def letter_implies(reading: LetterReading) -> Implication | None:
    """What a Green, Amber or Red letter says about the side the value lies on (module
    docstring)."""
    if reading.letter not in ("G", "A", "R"):
        return None
    side = side_of_target(reading.value, reading.kind, reading.low, reading.high)
    if side is None:
        return None
    return Implication(side, reading.letter == "G", band=reading.kind == BAND_KIND)


def bound_implies(kind: str) -> tuple[Implication, ...]:
    """A bound target: below a minimum is bad, above a maximum is bad."""
    if kind == MIN:
        return (Implication(BELOW, False), Implication(ABOVE, True))
    if kind == MAX:
        return (Implication(ABOVE, False), Implication(BELOW, True))
    return ()


def polarity_from(implications: set[Implication]) -> str | None:
    """The polarity the implications agree on; None when they conflict (module docstring)."""
    facts = {(i.side, i.good) for i in implications}
    if any((side, True) in facts and (side, False) in facts for side in (ABOVE, BELOW)):
        return None
    if (ABOVE, True) in facts and (BELOW, True) in facts:
        return None
    if (ABOVE, True) in facts or (BELOW, False) in facts and (ABOVE, False) not in facts:
        return HIGHER
    if (BELOW, True) in facts or (ABOVE, False) in facts and (BELOW, False) not in facts:
        return LOWER
    return BAND if any(i.band for i in implications) else None


def learn_polarity(
    *, ref: str, bounds: list[tuple[str, str]], readings: list[LetterReading]
) -> PolarityVerdict:
    """The polarity an indicator's bound targets ((written, kind) of each) and the
    council's letters say, by the rules in the module docstring."""
    evidence: list[tuple[EvidenceRow, Implication]] = []
    for written, kind in dict.fromkeys(bounds):
        for implication in bound_implies(kind):
            row = EvidenceRow(ref, "", "", written, "", implication.words)
            evidence.append((row, implication))
    for reading in readings:
        implication = letter_implies(reading)
        if implication is not None:
            evidence.append((evidence_row(reading, implication.words), implication))
    if not evidence:
        return PolarityVerdict(None)
    polarity = polarity_from({implication for _, implication in evidence})
    if polarity is None:
        return PolarityVerdict(None, conflict=tuple(dict.fromkeys(row for row, _ in evidence)))
    written = [written for written, _ in bounds]
    return PolarityVerdict(polarity, reason=polarity_reason(written, readings))


def evidence_row(reading: LetterReading, implies: str) -> EvidenceRow:
    return EvidenceRow(
        ref=reading.ref,
        month=f"{reading.period:%B %Y}",
        value=plain(reading.value),
        target=reading.target_written,
        letter=LETTER_WORDS.get(reading.letter, reading.letter),
        implies=implies,
    )


def polarity_reason(bounds: list[str], readings: list[LetterReading]) -> str:
    """ "Learned from the target `>65%` and the council's RAG, June 2023 and January 2024"."""
    parts = []
    if bounds:
        written = " and ".join(f"`{b}`" for b in dict.fromkeys(bounds))
        parts.append(f"the target {written}" if len(set(bounds)) == 1 else f"the targets {written}")
    months = sorted({r.period for r in readings if letter_implies(r) is not None})
    if months:
        parts.append(f"the council's RAG, {months_in_words(months)}")
    return (LEARNED + " and ".join(parts))[:REASON_MAX]


def months_in_words(months: list[datetime.date]) -> str:
    """ "June 2023", "June 2023 and January 2024", or "7 months from June 2023 to December 2023"."""
    names = [f"{month:%B %Y}" for month in months]
    if len(names) <= 3:
        return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    return f"{len(names)} months from {names[0]} to {names[-1]}"


def is_learned(reason: str) -> bool:
    """Rule: a value was learned from evidence when its reason says so; any other reason,
    or none, on a value that is set, is a person's choice."""
    return reason.startswith((LEARNED, NOT_LEARNED))


def may_learn(*, held: str, held_reason: str, unset: str = NOT_SET) -> bool:
    """Rule (module docstring): learn where nothing is set and no person said why, or over
    what was itself learned."""
    return is_learned(held_reason) or (held == unset and not held_reason.strip())


@dataclass(frozen=True)
class Decision:
    """What to write: the new polarity and reason, or None to leave the indicator alone."""

    polarity: str
    reason: str


def decide_polarity(*, held: str, held_reason: str, verdict: PolarityVerdict) -> Decision | None:
    """The rule of who decides (module docstring) applied to the evidence's verdict."""
    if not may_learn(held=held, held_reason=held_reason):
        return None
    if verdict.conflict:
        decision = Decision(NOT_SET, CONFLICT_REASON)
        return None if (held, held_reason) == (NOT_SET, CONFLICT_REASON) else decision
    if verdict.polarity is None:
        return None
    if (verdict.polarity, verdict.reason) == (held, held_reason):
        return None
    return Decision(verdict.polarity, verdict.reason)


def plain(number: Decimal) -> str:
    """A number without trailing zeros: 3.20 is "3.2"."""
    return f"{number.normalize():f}"
