"""The impact view: how the indicators the plan's actions should move have moved since
the actions started, by priority (issue 12, section 3). Every member of staff reads it."""

from django.http import Http404
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from improvement_plan.domain import impact
from improvement_plan.impact_selectors import plan_impact, verdict_counts
from improvement_plan.models import Plan
from improvement_plan.views.lists import PlanPageMixin


class PlanImpactView(PlanPageMixin, TemplateView):
    """The current plan's impact, or with `?plan=<id>` an earlier plan's (an action's
    page links to its own plan's); an unknown plan is a 404."""

    template_name = "improvement_plan/impact_list.html"

    @cached_property
    def plan(self):
        asked = self.request.GET.get("plan", "")
        if not asked:
            return super().plan
        if not asked.isdigit():
            raise Http404("No such plan")
        try:
            return Plan.objects.get(pk=int(asked))
        except Plan.DoesNotExist as missing:
            raise Http404("No such plan") from missing

    def get_context_data(self, **kwargs):
        priorities = plan_impact(self.plan, today=self.today) if self.plan else []
        return super().get_context_data(
            priorities=priorities,
            counts=verdict_counts(priorities),
            verdict_words=impact.VERDICT_WORDS,
            **kwargs,
        )
