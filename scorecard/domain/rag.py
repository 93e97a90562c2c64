"""RAG of an indicator's value against its target.

Rules:
- The target's kind says what passing is: `min` at least `low`; `max` at most `high`;
  `band` and `single` read by polarity: higher is better, at least `low` (above a band
  is better still); lower is better, at most `high` (a caseload below its band is good,
  as a council marking it Green says); within a band, from `low` to `high` (a single
  figure: that figure).
- Green when passing. Amber when short of passing by no more than the amber tolerance.
  Red when short by more.
- The tolerance is the indicator's own, else 5 percentage points for a percentage and
  5% of the target figure otherwise.
- No target or no value: no RAG, and the words say which.
- Polarity not set, or neither (scorecard.domain.polarity): no RAG, and the words say why.
"""

from dataclasses import dataclass
from decimal import Decimal

from scorecard.domain.polarity import withheld_because

RED, AMBER, GREEN = "red", "amber", "green"
DEFAULT_POINTS = Decimal(5)
DEFAULT_SHARE = Decimal("0.05")


@dataclass(frozen=True)
class Passing:
    """What passing means: at least `low` and/or at most `high` (None: no such bound)."""

    low: Decimal | None
    high: Decimal | None


@dataclass(frozen=True)
class TargetRag:
    rag: str | None
    words: str


def passing_range(
    *, kind: str, low: Decimal | None, high: Decimal | None, polarity: str
) -> Passing:
    """The range a value must be in to pass, by the target's kind (module docstring)."""
    if kind == "min":
        return Passing(low, None)
    if kind == "max":
        return Passing(None, high)
    if kind in ("single", "band") and polarity == "higher":
        return Passing(low, None)
    if kind in ("single", "band") and polarity == "lower":
        return Passing(None, high)
    return Passing(low, high)


def tolerance(*, is_percentage: bool, figure: Decimal, own: Decimal | None = None) -> Decimal:
    """The amber tolerance: the indicator's own, else 5 points (%) or 5% of the figure."""
    if own is not None:
        return own
    return DEFAULT_POINTS if is_percentage else abs(figure) * DEFAULT_SHARE


def shortfall(value: Decimal, passing: Passing) -> tuple[Decimal, Decimal | None]:
    """How far the value is outside the passing range, and the bound it misses."""
    if passing.low is not None and value < passing.low:
        return passing.low - value, passing.low
    if passing.high is not None and value > passing.high:
        return value - passing.high, passing.high
    return Decimal(0), None


def rag_against_target(
    *,
    value: Decimal | None,
    kind: str | None,
    low: Decimal | None,
    high: Decimal | None,
    polarity: str,
    is_percentage: bool,
    own_tolerance: Decimal | None = None,
) -> TargetRag:
    """Red, Amber or Green with the reason in words; None with words when it cannot be said."""
    withheld = withheld_because(polarity)
    if withheld:
        return TargetRag(None, withheld)
    if not kind:
        return TargetRag(None, "No target set")
    if value is None:
        return TargetRag(None, "No value for this month")
    passing = passing_range(kind=kind, low=low, high=high, polarity=polarity)
    distance, bound = shortfall(value, passing)
    if bound is None:
        return TargetRag(GREEN, "Meets the target")
    unit = " points" if is_percentage else ""
    side = "below" if value < bound else "above"
    words = f"{_plain(distance)}{unit} {side} the target"
    allowed = tolerance(is_percentage=is_percentage, figure=bound, own=own_tolerance)
    return TargetRag(AMBER if distance <= allowed else RED, words)


def _plain(number: Decimal) -> str:
    """A number without trailing zeros: 3.20 is "3.2", 5.00 is "5"."""
    text = f"{number.normalize():f}"
    return text
