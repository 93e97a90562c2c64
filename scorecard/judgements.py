"""The scorecard's judgements of one indicator's month, from the pure rules in domain/.

Every page, report and export that shows a RAG or a direction goes through judge(),
so the scorecard, the exceptions, the packs and the export never disagree.
"""

from dataclasses import dataclass
from decimal import Decimal

from scorecard.domain.direction import Direction, direction_of_travel
from scorecard.domain.rag import TargetRag, rag_against_target
from scorecard.models import Indicator, Target


@dataclass(frozen=True)
class Judgement:
    rag: TargetRag
    on_previous_period: Direction | None
    on_last_year: Direction | None


def _band(target: Target | None) -> tuple[Decimal | None, Decimal | None]:
    return (target.low, target.high) if target is not None else (None, None)


def judge(
    *,
    indicator: Indicator,
    value: Decimal | None,
    previous: Decimal | None,
    year_earlier: Decimal | None,
    target: Target | None,
) -> Judgement:
    """RAG against the target in force, and direction against the previous period (the
    caller passes the figure for scorecard.domain.periods.previous_period) and last year."""
    rag = rag_against_target(
        value=value,
        kind=target.kind if target else None,
        low=target.low if target else None,
        high=target.high if target else None,
        polarity=indicator.polarity,
        is_percentage=indicator.unit == Indicator.Unit.PERCENTAGE,
        own_tolerance=indicator.amber_tolerance,
    )

    def travel(before: Decimal | None) -> Direction | None:
        return direction_of_travel(
            current=value,
            previous=before,
            polarity=indicator.polarity,
            decimal_places=indicator.decimal_places,
            band=_band(target),
        )

    return Judgement(
        rag=rag, on_previous_period=travel(previous), on_last_year=travel(year_earlier)
    )
