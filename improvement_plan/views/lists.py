"""Pages of the improvement plan. Every signed-in member of staff may read them."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils import timezone
from django.views.generic import TemplateView

from improvement_plan.selectors import current_plan, priority_summaries
from improvement_plan.tables import PlanActionsTable


class PlanOverviewView(LoginRequiredMixin, TemplateView):
    """The current plan: each priority's progress in counts and its actions in a table."""

    template_name = "improvement_plan/plan_overview.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        plan = current_plan()
        summaries = priority_summaries(plan, today=today) if plan else []
        return super().get_context_data(
            plan=plan,
            priorities=[
                (
                    summary,
                    PlanActionsTable(summary.actions, today=today, number=summary.priority.number),
                )
                for summary in summaries
            ],
            today=today,
            **kwargs,
        )
