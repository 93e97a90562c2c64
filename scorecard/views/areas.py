"""The scorecard's reading pages: overview, a service area's month, and exceptions.

Every member of staff may read them (scorecard.view_indicator, scorecard/rules.py).
Each shows one month, ?period=YYYY-MM, offering every month with figures and opening on
the latest complete month (scorecard.selectors.completeness); a month that cannot be
shown falls back to that with a message (scorecard.selectors.months). Only approved
values appear. Each says at the top how complete its month is, and which later months
there are with what each lacks (templates/scorecard/includes/completeness.html).
"""

from collections import Counter

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
    area_month,
    choose_month,
    exceptions,
    overview,
)
from scorecard.selectors.completeness import ScorecardMonths, no_figure_rows, scorecard_months
from scorecard.selectors.polarity import not_set_indicators
from scorecard.selectors.rows import months_shown
from scorecard.tables import ExceptionTable, OverviewTable, ScorecardTable, shows_all_columns


class ScorecardPageMixin(PermissionRequiredMixin):
    permission_required = "scorecard.view_indicator"

    def month(self, months: ScorecardMonths) -> MonthChoice:
        """The month to show; a message says why when the one asked for cannot be."""
        choice = choose_month(
            self.request.GET.get("period"),
            months.held,
            opening=months.opening.period,
            opening_words=months.opening.words,
        )
        if choice.problem:
            messages.warning(self.request, choice.problem)
        return choice

    def month_context(self, months: ScorecardMonths, area=None) -> dict:
        """The month chosen, its picker and its completeness (in `area`, or all)."""
        choice = self.month(months)
        today = timezone.localdate()
        shown = months.months.get(choice.period)
        user = self.request.user
        return {
            "choice": choice,
            "month_form": MonthForm(choice),
            "period": choice.period or today.replace(day=1),
            "today": today,
            "completeness": shown.total if shown else None,
            "later_months": months.later_than(choice.period),
            "may_enter": may_enter_any(user, area=area)
            or (area is None and bool(commentary_areas(user))),
        }


class ScorecardOverviewView(ScorecardPageMixin, TemplateView):
    """Each service area with its indicators counted by RAG for the month."""

    template_name = "scorecard/scorecard_overview.html"

    def get_context_data(self, **kwargs):
        months = scorecard_months()
        context = self.month_context(months)
        rows = overview(period=context["period"], today=context["today"])
        table = OverviewTable(rows, period=context["choice"].period)
        shown = months.months.get(context["choice"].period)
        by_area = shown.by_area if shown else {}
        return super().get_context_data(
            table=table,
            area_completeness=[(row.area, by_area.get(row.area.pk)) for row in rows],
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
        context = self.month_context(scorecard_months(area), area=area)
        period = context["period"]
        month = area_month(
            area, period=period, today=context["today"], with_spc=True,
            with_benchmarks=shows_all_columns(self.request),  # hidden at first
        )  # fmt: skip
        months = months_shown(period)
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
    """Across all areas, indicators that are Red, worsening, special cause concern, or
    expected with no approved figure ("No figure")."""

    template_name = "scorecard/exceptions.html"

    def get_context_data(self, **kwargs):
        context = self.month_context(scorecard_months())
        judged, by_area, counts = [], [], {}
        if context["choice"].period:
            period = context["period"]
            judged = exceptions(period=period, with_spc=True)
            by_area, counts = exception_groups(judged, no_figure_rows(period))
        return super().get_context_data(
            groups=[(group["area"], group["table"]) for group in by_area if group["table"]],
            exception_areas=by_area,
            counts=counts,
            not_judged_count=not_set_indicators().count(),
            **context,
            **kwargs,
        )


def exception_groups(judged, no_figure) -> tuple[list[dict], dict[str, int]]:
    """Each area with exceptions, in the areas' order: its judged exceptions as a table
    and its indicators with no figure; and how many indicators each reason holds."""
    by_area: dict[int, dict] = {}
    for area, rows in judged:
        table = ExceptionTable(rows, label=f"{area.title} exceptions", with_spc=True)
        by_area[area.pk] = {"area": area, "table": table, "rows": rows, "no_figure": []}
    for area, missing in no_figure:
        entry = by_area.setdefault(area.pk, {"area": area, "table": None, "rows": []})
        entry["no_figure"] = missing
    counts = Counter(reason for e in by_area.values() for r in e["rows"] for reason in r.reasons)
    counts["no_figure"] = sum(len(e["no_figure"]) for e in by_area.values())
    for entry in by_area.values():
        entry["count"] = len(entry["rows"]) + len(entry["no_figure"])
    groups = sorted(by_area.values(), key=lambda e: (e["area"].order, e["area"].prefix))
    return groups, dict(counts)
