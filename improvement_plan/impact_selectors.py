"""Reads for the impact view: each link between the plan's actions and the indicators
they should move, by priority, with the indicator's approved figures before the action
started and since (or, with no monthly figure before, the previous-year figure the
council quoted), judged by improvement_plan.domain.impact.

Where the action started: its plan's start (the plan says when its actions begin);
where the plan has no start, the day the link was made. The figures are the approved
ones only (board figures). Four queries, whatever the number of links.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch

from improvement_plan.domain.impact import Impact, judge_impact, start_month
from improvement_plan.domain.link_effects import Effect
from improvement_plan.models import ActionIndicatorLink, Plan, Priority
from scorecard.domain.rag import passing_range
from scorecard.models import Indicator, IndicatorValue, Target
from scorecard.selectors import target_in_force
from scorecard.tables import format_value


@dataclass(frozen=True)
class LinkImpact:
    link: ActionIndicatorLink
    impact: Impact

    @property
    def expected_words(self) -> str:
        link = self.link
        effect = Effect(link.expected_direction, link.expected_value, link.expected_by)
        return effect.words(show=self.shown)

    def shown(self, value) -> str:
        indicator = self.link.indicator
        return format_value(value, unit=indicator.unit, decimal_places=indicator.decimal_places)

    @property
    def before_mean(self) -> str:
        return self.shown(self.impact.before.mean) if self.impact.before else ""

    @property
    def before_latest(self) -> str:
        return self.shown(self.impact.before.latest) if self.impact.before else ""

    @property
    def before_words(self) -> str:
        """The figure the link is judged from: the latest before, or the quoted one."""
        return self.impact.before.words(self.shown) if self.impact.before else ""

    @property
    def since_mean(self) -> str:
        return self.shown(self.impact.since.mean) if self.impact.since else ""

    @property
    def since_latest(self) -> str:
        return self.shown(self.impact.since.latest) if self.impact.since else ""


@dataclass(frozen=True)
class PriorityImpact:
    priority: Priority
    links: list[LinkImpact]


def impact_links(plan: Plan):
    """The plan's links with their action, priority, indicator, approved figures (oldest
    first) and targets (newest first), in four queries."""
    approved = IndicatorValue.objects.filter(state=IndicatorValue.State.APPROVED)
    indicators = Indicator.objects.select_related("service_area").prefetch_related(
        Prefetch("values", queryset=approved.order_by("period"), to_attr="approved_values"),
        Prefetch(
            "targets",
            queryset=Target.objects.order_by("-effective_from"),
            to_attr="targets_newest_first",
        ),
    )
    return (
        ActionIndicatorLink.objects.filter(action__objective__priority__plan=plan)
        .select_related("action__objective__priority")
        .prefetch_related(Prefetch("indicator", queryset=indicators))
        .order_by(
            "action__objective__priority__number",
            "action__objective__order",
            "action__order",
            "indicator__service_area__order",
            "indicator__order",
            "indicator__ref",
        )  # fmt: skip
    )


def band_of(indicator: Indicator, values: list[IndicatorValue]) -> tuple | None:
    """The target band in force at the latest figure, when the target has both ends."""
    period = values[-1].period if values else None
    target = target_in_force(indicator.targets_newest_first, period=period) if period else None
    if target is None:
        return None
    passing = passing_range(
        kind=target.kind, low=target.low, high=target.high, polarity=indicator.polarity
    )
    if passing.low is None or passing.high is None:
        return None
    return (passing.low, passing.high)


def link_impact(link: ActionIndicatorLink, *, plan: Plan, today: datetime.date) -> LinkImpact:
    indicator, values = link.indicator, link.indicator.approved_values
    start = start_month(plan.starts_on, link.created_at.date())
    item = LinkImpact(link, None)  # for its value formatting
    impact = judge_impact(
        series=[(value.period, value.value) for value in values],
        polarity=indicator.polarity, direction=link.expected_direction, start=start,
        today=today, band=band_of(indicator, values), expected_value=link.expected_value,
        expected_by=link.expected_by, show=item.shown,
        year_earlier=[(value.period, value.previous_year) for value in values],
        is_percentage=indicator.unit == Indicator.Unit.PERCENTAGE,
        own_tolerance=indicator.amber_tolerance,
    )  # fmt: skip
    return LinkImpact(link, impact)


def plan_impact(plan: Plan, *, today: datetime.date) -> list[PriorityImpact]:
    """The plan's links by priority, each judged."""
    grouped: dict[int, PriorityImpact] = {}
    for link in impact_links(plan):
        priority = link.action.objective.priority
        grouped.setdefault(priority.pk, PriorityImpact(priority, []))
        grouped[priority.pk].links.append(link_impact(link, plan=plan, today=today))
    return list(grouped.values())


def verdict_counts(priorities: list[PriorityImpact]) -> dict[str, int]:
    """How many links have each judgement, in the order the page lists them."""
    counts: dict[str, int] = {}
    for priority in priorities:
        for item in priority.links:
            counts[item.impact.words] = counts.get(item.impact.words, 0) + 1
    return counts
