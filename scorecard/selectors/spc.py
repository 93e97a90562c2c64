"""SPC for an indicator's approved values, through scorecard.domain.spc.spc().

Rules:
- The series is every approved value up to the month shown, oldest first; a missing
  value (no figure, a reason) is skipped by spc(), never read as zero.
- The baseline is the indicator's fixed one (spc_baseline_from to spc_baseline_to),
  else every point; a fixed baseline holding no values leaves the limits to every point.
- The target's passing range (domain.rag.passing_range) gives the assurance icon.
"""

from scorecard.domain.rag import passing_range
from scorecard.domain.spc import SpcResult, baseline_by_period, spc
from scorecard.models import Indicator, IndicatorValue, Target


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
    passing = (
        passing_range(
            kind=target.kind, low=target.low, high=target.high, polarity=indicator.polarity
        )
        if target is not None
        else None
    )
    return spc(
        [value.value for value in values],
        polarity=indicator.polarity,
        periods=periods,
        baseline=baseline,
        passing_low=passing.low if passing else None,
        passing_high=passing.high if passing else None,
    )
