"""The indicator page: definition, target, full history, SPC chart, benchmarks, actions.

Every member of staff may read it (scorecard.view_indicator); people signed out are sent
to sign in, and an unknown reference is 404. Figures not yet approved are shown only to
those who work on them (scorecard.view_unapproved).
"""

from django.shortcuts import get_object_or_404
from django.template.defaultfilters import linebreaksbr
from django.utils import timezone
from django.utils.html import format_html
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from scorecard.charts import spc_chart
from scorecard.domain.periods import PERIOD_MONTHS, period_name, previous_period
from scorecard.domain.polarity import is_judged, withheld_because
from scorecard.domain.rag import passing_range
from scorecard.indicator_selectors import chart_target, indicator_page, indicators_for_page
from scorecard.judgements import Judgement, judge
from scorecard.models import Indicator, ServiceArea, Target
from scorecard.selectors.polarity import not_set_indicators
from scorecard.selectors.provenance import figure_sources
from scorecard.tables import (
    format_value,
    missing_in_words,
    month_in_words,
    rag_tag,
    value_in_words,
)
from scorecard.views.paging import page_of

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


def latest_judgement(page) -> Judgement | None:
    """Our RAG and direction for the latest approved figure, as the service-area page
    judges it: against the target in force, the previous period's figure and the
    council's figure for a year earlier (scorecard.judgements.judge)."""
    latest = page.latest
    if latest is None:
        return None
    before = previous_period(latest.period, page.indicator.frequency)
    previous = next((v.value for v in page.approved if v.period == before), None)
    return judge(
        indicator=page.indicator,
        value=latest.value,
        previous=previous,
        year_earlier=latest.previous_year,
        target=page.target,
    )


def direction_words(judgement: Judgement | None, indicator: Indicator) -> str:
    """The direction on the previous period in words, or why there is none."""
    travel = judgement.on_previous_period if judgement else None
    if travel is not None:
        return format_html('{} <span aria-hidden="true">{}</span>', travel.words, travel.arrow)
    return f"Not given: no figure for the previous {period_name(indicator.frequency)}"


def missing_reasons(values) -> dict:
    """Each approved month reported missing, to why in words (for the chart's table)."""
    return {v.period: missing_in_words(v.missing_reason) for v in values if v.value is None}


def history_rows(values, indicator: Indicator, sources: dict[int, str]) -> list[dict]:
    """Each value with its month and figure (or why it is missing) in words, the council's
    own RAG, where the figure came from (scorecard.selectors.provenance) and its note,
    each written here once rather than through template filters (issue 13)."""
    return [
        {
            "value": value,
            "month": month_in_words(value.period),
            "note": linebreaksbr(value.note or "", autoescape=True),
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
        judgement = latest_judgement(page)
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
            our_rag=rag_tag(judgement.rag) if judgement else "",
            our_direction=direction_words(judgement, indicator),
            period_word=period_name(indicator.frequency),
            reported_words=reported_in_words(
                latest.reported_rag, latest.reported_direction
            ) if latest else "Nothing reported",
            nav_section="scorecard",
            **kwargs,
        )  # fmt: skip


PER_PAGE = 50


class NotJudgedView(PermissionRequiredMixin, TemplateView):
    """Indicators not judged for want of a polarity, ?area=PREFIX for one service area
    (scorecard.selectors.polarity); an unknown area shows every one. PER_PAGE a page,
    ?page=N (scorecard.views.paging), the area kept in the page links."""

    permission_required = "scorecard.view_indicator"
    template_name = "scorecard/not_judged.html"

    def get_context_data(self, **kwargs):
        area = ServiceArea.objects.filter(prefix=self.request.GET.get("area", "")).first()
        page, page_query = page_of(self.request, not_set_indicators(area), per_page=PER_PAGE)
        return super().get_context_data(
            area=area,
            indicators=list(page.object_list),
            page_obj=page,
            page_query=page_query,
            nav_section="scorecard",
            **kwargs,
        )
