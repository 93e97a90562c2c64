"""The indicator page: definition, target, full history, SPC chart, benchmarks, actions.

Every member of staff may read it (scorecard.view_indicator); people signed out are sent
to sign in, and an unknown reference is 404. Figures not yet approved are shown only to
those who work on them (scorecard.view_unapproved).
"""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from scorecard.charts import spc_chart
from scorecard.domain.periods import PERIOD_MONTHS
from scorecard.domain.polarity import is_judged, withheld_because
from scorecard.domain.rag import passing_range
from scorecard.indicator_selectors import chart_target, indicator_page, indicators_for_page
from scorecard.models import Indicator, ServiceArea, Target
from scorecard.selectors.polarity import not_set_indicators
from scorecard.selectors.provenance import figure_sources
from scorecard.tables import format_value, missing_in_words, value_in_words

REPORTED_RAG = {"R": "Red", "A": "Amber", "G": "Green"}
REPORTED_ARROW = {"↑": "up", "↓": "down", "↔": "level", "→": "level"}


def target_in_words(target: Target | None, indicator: Indicator) -> str:
    """What the target asks, in words: "At least 65%", "Between 85% and 90%"."""
    if target is None:
        return "No target set"

    def shown(figure):
        return format_value(figure, unit=indicator.unit, decimal_places=indicator.decimal_places)

    if target.kind == Target.Kind.SINGLE and not is_judged(indicator.polarity):
        if indicator.polarity == Indicator.Polarity.NEITHER:
            return "A single figure, not judged: this indicator is tracked, not judged"
        return "A single figure, not judged: whether above or below it is better is not set"
    passing = passing_range(
        kind=target.kind, low=target.low, high=target.high, polarity=indicator.polarity
    )
    if passing.low is not None and passing.high is not None:
        if passing.low == passing.high:
            return f"As close to {shown(passing.low)} as possible"
        return f"Between {shown(passing.low)} and {shown(passing.high)}"
    if passing.low is not None:
        return f"At least {shown(passing.low)}"
    if passing.high is not None:
        return f"At most {shown(passing.high)}"
    return "The target cannot be read"


def reported_in_words(rag: str, arrow: str) -> str:
    """The council's own RAG letter and arrow as imported, in words."""
    parts = []
    if rag:
        parts.append(f"RAG {rag} ({REPORTED_RAG.get(rag.upper(), 'not rated')})")
    if arrow:
        parts.append(f"arrow {arrow} ({REPORTED_ARROW.get(arrow, 'unknown')})")
    return ", ".join(parts) if parts else "Nothing reported"


def missing_reasons(values) -> dict:
    """Each approved month reported missing, to why in words (for the chart's table)."""
    return {v.period: missing_in_words(v.missing_reason) for v in values if v.value is None}


def history_rows(values, indicator: Indicator, sources: dict[int, str]) -> list[dict]:
    """Each value with its figure (or why it is missing), the council's own RAG and where
    the figure came from (scorecard.selectors.provenance)."""
    return [
        {
            "value": value,
            "shown": value_in_words(value, indicator),
            "reported": reported_in_words(value.reported_rag, value.reported_direction),
            "source": sources.get(value.pk, ""),
        }
        for value in values
    ]


def benchmark_rows(benchmarks, indicator: Indicator) -> list[dict]:
    """Each benchmark's comparator, figure as the scorecard writes it, and year."""
    return [
        {
            "name": benchmark.get_comparator_display(),
            "value": format_value(
                benchmark.value, unit=indicator.unit, decimal_places=indicator.decimal_places
            ),
            "year": benchmark.year,
        }
        for benchmark in benchmarks
    ]


class IndicatorDetailView(PermissionRequiredMixin, TemplateView):
    permission_required = "scorecard.view_indicator"
    template_name = "scorecard/indicator_detail.html"

    def get_permission_object(self):
        return None

    def get_context_data(self, **kwargs):
        indicator = get_object_or_404(indicators_for_page(), ref=self.kwargs["ref"])
        page = indicator_page(
            indicator,
            today=timezone.localdate(),
            with_unapproved=self.request.user.has_perm("scorecard.view_unapproved", indicator),
        )
        chart = None
        if page.spc is not None:
            chart = spc_chart(
                page.spc,
                unit=indicator.unit,
                decimal_places=indicator.decimal_places,
                title=f"SPC chart of {indicator.ref} {indicator.title}",
                target=chart_target(page.target),
                months_apart=PERIOD_MONTHS.get(indicator.frequency, 1),
                reasons=missing_reasons(page.approved),
            )
        latest = page.latest
        sources = figure_sources(indicator, [*page.approved, *page.pending])
        return super().get_context_data(
            indicator=indicator,
            page=page,
            chart=chart,
            history=history_rows(reversed(page.approved), indicator, sources),
            pending=history_rows(page.pending, indicator, sources),
            benchmark_rows=benchmark_rows(page.benchmarks, indicator),
            target_words=target_in_words(page.target, indicator),
            not_judged=withheld_because(indicator.polarity),
            reported_words=reported_in_words(
                latest.reported_rag, latest.reported_direction
            ) if latest else "Nothing reported",
            nav_section="scorecard",
            **kwargs,
        )  # fmt: skip


class NotJudgedView(PermissionRequiredMixin, TemplateView):
    """Indicators not judged for want of a polarity, ?area=PREFIX for one service area
    (scorecard.selectors.polarity); an unknown area shows every one."""

    permission_required = "scorecard.view_indicator"
    template_name = "scorecard/not_judged.html"

    def get_context_data(self, **kwargs):
        area = ServiceArea.objects.filter(prefix=self.request.GET.get("area", "")).first()
        return super().get_context_data(
            area=area,
            indicators=list(not_set_indicators(area)),
            nav_section="scorecard",
            **kwargs,
        )
