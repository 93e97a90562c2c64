"""The impact view: how the indicators the plan's actions should move have moved since
the actions started, by priority (issue 12, section 3). Every member of staff reads it."""

from django.views.generic import TemplateView

from improvement_plan.domain import impact
from improvement_plan.impact_selectors import plan_impact, verdict_counts
from improvement_plan.views.lists import PlanPageMixin


class PlanImpactView(PlanPageMixin, TemplateView):
    template_name = "improvement_plan/impact_list.html"

    def get_context_data(self, **kwargs):
        priorities = plan_impact(self.plan, today=self.today) if self.plan else []
        return super().get_context_data(
            priorities=priorities,
            counts=verdict_counts(priorities),
            verdict_words=impact.VERDICT_WORDS,
            **kwargs,
        )
