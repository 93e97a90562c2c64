"""The scorecard's reading pages: overview, a service area's month, and exceptions.

Every member of staff may read them (scorecard.view_indicator, scorecard/rules.py).
Each shows one month, ?period=YYYY-MM, defaulting to the latest month with approved
values; a month that cannot be shown falls back to that with a message
(scorecard.selectors.months). Only approved values appear.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from scorecard.entry_selectors import commentary_areas, may_enter_any
from scorecard.filters import MonthForm
from scorecard.models import ServiceArea
from scorecard.selectors import (
    MonthChoice,
    add_months,
    area_month,
    choose_month,
    exceptions,
    months_held,
    overview,
)
from scorecard.selectors.polarity import not_set_indicators
from scorecard.selectors.rows import MONTHS_SHOWN
from scorecard.tables import ExceptionTable, OverviewTable, ScorecardTable


class ScorecardPageMixin(PermissionRequiredMixin):
    permission_required = "scorecard.view_indicator"

    def month(self, held) -> MonthChoice:
        """The month to show; a message says why when the one asked for cannot be."""
        choice = choose_month(self.request.GET.get("period"), held)
        if choice.problem:
            messages.warning(self.request, choice.problem)
        return choice

    def month_context(self, choice: MonthChoice) -> dict:
        today = timezone.localdate()
        return {
            "choice": choice,
            "month_form": MonthForm(choice),
            "period": choice.period or today.replace(day=1),
            "today": today,
        }


class ScorecardOverviewView(ScorecardPageMixin, TemplateView):
    """Each service area with its indicators counted by RAG for the month."""

    template_name = "scorecard/scorecard_overview.html"

    def get_context_data(self, **kwargs):
        context = self.month_context(self.month(months_held()))
        rows = overview(period=context["period"], today=context["today"])
        table = OverviewTable(rows, period=context["choice"].period)
        user = self.request.user
        may_enter = may_enter_any(user) or bool(commentary_areas(user))
        return super().get_context_data(
            table=table,
            may_enter=may_enter,
            not_judged_count=not_set_indicators().count(),
            **context,
            **kwargs,
        )


class ServiceAreaView(ScorecardPageMixin, TemplateView):
    """A service area's month in the council's layout, with our judgements, the head of
    service and the approved commentary."""

    template_name = "scorecard/service_area.html"

    def get_context_data(self, **kwargs):
        area = get_object_or_404(
            ServiceArea.objects.select_related("head_of_service"), prefix=self.kwargs["prefix"]
        )
        context = self.month_context(self.month(months_held(area)))
        period = context["period"]
        month = area_month(area, period=period, today=context["today"], with_spc=True)
        months = [add_months(period, n) for n in range(1 - MONTHS_SHOWN, 1)]
        sections = [
            (
                group.section,
                ScorecardTable(
                    group.rows,
                    months=months,
                    with_spc=True,
                    label=f"{group.section or area.title} indicators",
                ),
            )
            for group in month.groups
        ]
        return super().get_context_data(
            area=area,
            month=month,
            sections=sections,
            not_judged_count=not_set_indicators(area).count(),
            **context,
            **kwargs,
        )


class ExceptionsView(ScorecardPageMixin, TemplateView):
    """Across all areas, indicators that are Red, worsening or special cause concern."""

    template_name = "scorecard/exceptions.html"

    def get_context_data(self, **kwargs):
        context = self.month_context(self.month(months_held()))
        groups = []
        if context["choice"].period:
            groups = [
                (area, ExceptionTable(rows, label=f"{area.title} exceptions", with_spc=True))
                for area, rows in exceptions(period=context["period"], with_spc=True)
            ]
        return super().get_context_data(
            groups=groups, not_judged_count=not_set_indicators().count(), **context, **kwargs
        )
