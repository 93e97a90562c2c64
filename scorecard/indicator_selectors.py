"""Reads for the indicator page: the indicator, its values, targets and benchmarks (the
improvement plan's actions linked to it come from improvement_plan.link_selectors,
through the `linked_actions` template tag), in a number of queries that does not grow with
its history. Its SPC comes from scorecard.selectors.spc.indicator_spc(), as the
service-area page's does, so the two never disagree.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from scorecard.charts import ChartTarget
from scorecard.domain.spc import SpcResult
from scorecard.models import Benchmark, Indicator, IndicatorValue, Target
from scorecard.selectors import target_in_force
from scorecard.selectors.spc import indicator_spc


def chart_target(target: Target | None) -> ChartTarget | None:
    """The target as the chart draws it."""
    if target is None:
        return None
    return ChartTarget(written=target.written, low=target.low, high=target.high)


@dataclass(frozen=True)
class IndicatorPage:
    """Everything the indicator page shows. `approved` is oldest first; `pending` are the
    values not yet approved (draft or submitted), kept apart from board figures, and empty
    unless the page is for someone who may see them (scorecard.view_unapproved)."""

    indicator: Indicator
    approved: list[IndicatorValue]
    pending: list[IndicatorValue]
    target: Target | None
    targets: list[Target]
    benchmarks: list[Benchmark]
    spc: SpcResult | None

    @property
    def latest(self) -> IndicatorValue | None:
        return self.approved[-1] if self.approved else None


def indicators_for_page() -> QuerySet[Indicator]:
    """Indicators with what the page shows about them, in a fixed number of queries."""
    return Indicator.objects.select_related("service_area", "section", "owner").prefetch_related(
        Prefetch(
            "values", queryset=IndicatorValue.objects.order_by("period"), to_attr="all_values"
        ),
        Prefetch(
            "targets",
            queryset=Target.objects.order_by("-effective_from"),
            to_attr="targets_newest_first",
        ),
        Prefetch(
            "benchmarks",
            queryset=Benchmark.objects.order_by("comparator", "-year"),
            to_attr="benchmark_list",
        ),
    )


def indicator_page(
    indicator: Indicator, *, today: datetime.date, with_unapproved: bool = False
) -> IndicatorPage:
    """The page's contents for an indicator from indicators_for_page(); the figures not
    yet approved only `with_unapproved` (the user may see them: scorecard.rules)."""
    approved_state = IndicatorValue.State.APPROVED
    approved = [v for v in indicator.all_values if v.state == approved_state]
    pending = [v for v in indicator.all_values if v.state != approved_state]
    pending = pending if with_unapproved else []
    latest_period = approved[-1].period if approved else today
    target = target_in_force(indicator.targets_newest_first, period=latest_period)
    return IndicatorPage(
        indicator=indicator,
        approved=approved,
        pending=pending,
        target=target,
        targets=indicator.targets_newest_first,
        benchmarks=indicator.benchmark_list,
        spc=indicator_spc(indicator, approved, target),
    )
