"""The improvement plan's actions linked to one scorecard indicator, for the indicator
page (the `linked_actions` template tag, improvement_plan.templatetags.plan_links), in
two queries however many actions are linked. Kept here, not in scorecard, so the
scorecard never reads the plan: imports run governance > improvement_plan > scorecard.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch

from improvement_plan.domain.rag import RagJudgement
from improvement_plan.impact_selectors import LinkImpact
from improvement_plan.models import Action, ActionIndicatorLink
from improvement_plan.rag_selectors import judge, with_computed_rag
from scorecard.models import Indicator


@dataclass(frozen=True)
class LinkedAction:
    action: Action
    rag: RagJudgement
    link: ActionIndicatorLink | None = None  # the effect it expects

    @property
    def expected_words(self) -> str:
        """The effect as the impact page writes it, the value in the indicator's unit and
        decimal places: "Down, to 15% by March 2023"."""
        return LinkImpact(self.link, None).expected_words if self.link else ""


def linked_actions(indicator: Indicator, *, today: datetime.date) -> list[LinkedAction]:
    """The improvement plan's actions that should move the indicator, with computed RAG,
    status and the effect each link expects (two queries)."""
    links = ActionIndicatorLink.objects.filter(indicator=indicator).select_related("indicator")
    actions = (
        with_computed_rag(
            Action.objects.filter(indicators=indicator).select_related("objective"), today=today
        )
        .prefetch_related(Prefetch("indicator_links", queryset=links))
        .order_by(
            "objective__priority__plan", "objective__priority__number", "objective__order", "order"
        )
    )
    return [
        LinkedAction(action, judge(action, today=today), _link_to(action, indicator))
        for action in actions
    ]


def _link_to(action: Action, indicator: Indicator):
    """The action's link to this indicator, from its prefetched links."""
    return next((i for i in action.indicator_links.all() if i.indicator_id == indicator.pk), None)
