"""The amber tolerance learned from the council's RAG letters (issue 12, section 1).

Rules:
- A month counts when the indicator's polarity is judged (held or learned), the target in
  force then is missed, and the council marked it Amber or Red: its distance is how far
  the value is short of passing (scorecard.domain.rag), in percentage points for a
  percentage and in the indicator's own figures otherwise.
- The tolerance is the widest distance the council still marks Amber, provided it is
  nearer than every distance it marks Red. The true tolerance lies between the two; the
  widest Amber is the one the council has shown, so no Amber it gave turns Red here.
- An Amber as far as or further than a Red is a conflict: nothing is learned, and those
  Ambers and Reds are listed. Only Reds, or no letters, say nothing.
- Percentages share one tolerance, the council's default, learned from every percentage
  indicator's letters together (councils use one rule for all); any other unit is learned
  from its own indicator's letters, as its figures are its own.
- Who decides is the same rule as polarity (scorecard.domain.polarity_evidence): a
  tolerance a person set, or a person's reason, is never overwritten.
"""

from dataclasses import dataclass
from decimal import Decimal

from scorecard.domain.polarity import is_judged
from scorecard.domain.polarity_evidence import (
    LEARNED,
    NOT_LEARNED,
    EvidenceRow,
    LetterReading,
    evidence_row,
    may_learn,
    plain,
)
from scorecard.domain.rag import passing_range, shortfall

CONFLICT_REASON = NOT_LEARNED + "the council marks Amber as far from the target as it marks Red"


@dataclass(frozen=True)
class Marked:
    """A month the council marked Amber or Red, and how far it was short of passing."""

    reading: LetterReading
    distance: Decimal


@dataclass(frozen=True)
class ToleranceVerdict:
    tolerance: Decimal | None
    reason: str = ""
    conflict: tuple[EvidenceRow, ...] = ()


def marked_months(readings: list[LetterReading], polarity: str) -> list[Marked]:
    """The months marked Amber or Red that missed their target, with the distance."""
    if not is_judged(polarity):
        return []
    marked = []
    for reading in readings:
        if reading.letter not in ("A", "R"):
            continue
        passing = passing_range(
            kind=reading.kind, low=reading.low, high=reading.high, polarity=polarity
        )
        distance, bound = shortfall(reading.value, passing)
        if bound is not None:
            marked.append(Marked(reading, distance))
    return marked


def learn_tolerance(marked: list[Marked], *, unit: str) -> ToleranceVerdict:
    """The tolerance the marked months show (module docstring); `unit` is " points" or ""."""
    ambers = [m for m in marked if m.reading.letter == "A"]
    reds = [m for m in marked if m.reading.letter == "R"]
    if not ambers:
        return ToleranceVerdict(None)
    widest = max(ambers, key=lambda m: (m.distance, m.reading.period, m.reading.ref))
    nearest = min(reds, key=lambda m: (m.distance, m.reading.period, m.reading.ref), default=None)
    if nearest is not None and widest.distance >= nearest.distance:
        clash = [m for m in ambers if m.distance >= nearest.distance]
        clash += [m for m in reds if m.distance <= widest.distance]
        return ToleranceVerdict(None, conflict=tuple(_row(m, unit) for m in clash))
    reason = f"{LEARNED}the council's RAG: Amber up to {_far(widest, unit, 'short of the target')}"
    if nearest is not None:
        reason += f"; Red from {_far(nearest, unit, 'short')}"
    return ToleranceVerdict(widest.distance, reason=reason[:300])


def _far(marked: Marked, unit: str, words: str) -> str:
    reading = marked.reading
    return f"{plain(marked.distance)}{unit} {words} ({reading.ref}, {reading.period:%B %Y})"


def _row(marked: Marked, unit: str) -> EvidenceRow:
    letter = "Amber" if marked.reading.letter == "A" else "Red"
    return evidence_row(marked.reading, f"{letter} at {plain(marked.distance)}{unit} short")


@dataclass(frozen=True)
class ToleranceDecision:
    tolerance: Decimal | None
    reason: str


def decide_tolerance(
    *, held: Decimal | None, held_reason: str, verdict: ToleranceVerdict
) -> ToleranceDecision | None:
    """Who decides (module docstring): the new tolerance and reason, or None to leave it."""
    if not may_learn(held=held, held_reason=held_reason, unset=None):
        return None
    if verdict.conflict:
        decision = ToleranceDecision(None, CONFLICT_REASON)
    elif verdict.tolerance is not None:
        decision = ToleranceDecision(verdict.tolerance, verdict.reason)
    else:
        return None
    same = held is not None and decision.tolerance is not None and held == decision.tolerance
    unchanged = (same or held is decision.tolerance) and held_reason == decision.reason
    return None if unchanged else decision
