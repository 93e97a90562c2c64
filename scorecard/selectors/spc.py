"""SPC for an indicator's approved values, through scorecard.domain.spc.spc(), or read
from the stored judgements (scorecard.models.IndicatorJudgement, issue 13).

Rules:
- The series is every approved value up to the month shown, oldest first; a missing
  value (no figure, a reason) is skipped by spc(), never read as zero.
- The baseline is the indicator's fixed one (spc_baseline_from to spc_baseline_to),
  else every point; a fixed baseline holding no values leaves the limits to every point.
- The target's passing range (domain.rag.passing_range) gives the assurance icon.
- Stored: a month's SPC is the newest stored judgement on or before it (a month with
  no approved value of its own judges the same values as the month before); its
  assurance icon is worked out on reading, from the target in force in the month shown.
  The result holds only the latest point, which is all the pages show of it.
"""

import datetime
from decimal import Decimal

from django.db.models import OuterRef, QuerySet, Subquery

from scorecard.domain.rag import passing_range
from scorecard.domain.spc import (
    COMMON_CAUSE,
    Limits,
    SpcPoint,
    SpcResult,
    assurance_icon,
    baseline_by_period,
    spc,
    variation_icon,
)
from scorecard.models import Indicator, IndicatorJudgement, IndicatorValue, ServiceArea, Target


def _passing(indicator: Indicator, target: Target | None):
    if target is None:
        return None
    return passing_range(
        kind=target.kind, low=target.low, high=target.high, polarity=indicator.polarity
    )


def indicator_spc(
    indicator: Indicator, values: list[IndicatorValue], target: Target | None
) -> SpcResult | None:
    """The XmR judgement of `values` (oldest first); None when there are none."""
    if not values:
        return None
    periods = [value.period for value in values]
    baseline = None
    if indicator.spc_baseline_from or indicator.spc_baseline_to:
        baseline = baseline_by_period(
            periods, indicator.spc_baseline_from, indicator.spc_baseline_to
        )
    passing = _passing(indicator, target)
    return spc(
        [value.value for value in values],
        polarity=indicator.polarity,
        periods=periods,
        baseline=baseline,
        passing_low=passing.low if passing else None,
        passing_high=passing.high if passing else None,
    )


def newest_judgements(period: datetime.date) -> QuerySet[IndicatorJudgement]:
    """An indicator's (OuterRef("pk")) stored judgements on or before `period`, newest
    first: the first is the judgement a month's pages read for it."""
    return IndicatorJudgement.objects.filter(
        indicator_id=OuterRef("pk"), period__lte=period
    ).order_by("-period")


def newest_judgement_ids(indicators: QuerySet[Indicator], *, period: datetime.date) -> QuerySet:
    """The ids of each of `indicators`' newest stored judgement on or before `period`
    (None for an indicator with none), for a `pk__in`."""
    newest = newest_judgements(period).values("pk")[:1]
    return indicators.annotate(judgement=Subquery(newest)).values("judgement")


def stored_judgements(
    *, period: datetime.date, area: ServiceArea | None = None
) -> dict[int, IndicatorJudgement]:
    """Each indicator's (in one area, or all) newest stored judgement on or before
    `period`, by indicator id, in one query; an indicator with none is left out."""
    indicators = Indicator.objects.all()
    if area is not None:
        indicators = indicators.filter(service_area=area)
    chosen = newest_judgement_ids(indicators, period=period)
    return {j.indicator_id: j for j in IndicatorJudgement.objects.filter(pk__in=chosen)}


def _limits(stored: dict | None) -> Limits | None:
    return Limits(**{name: Decimal(text) for name, text in stored.items()}) if stored else None


def stored_spc(
    judgement: IndicatorJudgement | None, indicator: Indicator, target: Target | None
) -> SpcResult | None:
    """The SpcResult a stored judgement holds (module docstring); None without one."""
    if judgement is None:
        return None
    limits = _limits(judgement.limits)
    latest = None
    if judgement.point_period is not None:
        latest = SpcPoint(
            judgement.point_index, judgement.point_period, judgement.point_value,
            judgement.label or COMMON_CAUSE, judgement.side or None, tuple(judgement.rules),
            judgement.in_baseline,
        )  # fmt: skip
    passing = _passing(indicator, target)
    assurance = assurance_icon(
        limits,
        passing_low=passing.low if passing else None,
        passing_high=passing.high if passing else None,
        polarity=indicator.polarity,
    )
    baseline = tuple(judgement.baseline) if judgement.baseline is not None else None
    return SpcResult(
        (latest,) if latest else (),
        limits,
        variation_icon(latest) if limits else None,
        assurance,
        judgement.message,
        baseline,
    )
