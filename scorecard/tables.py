"""django-tables2 tables for the performance scorecard, and the words its cells use.

Rules for words (never colour or an arrow alone):
- Figures: rounded half up to the indicator's decimal places, thousands separated, "%"
  for a percentage. A missing figure is "No value" with its reason in words; a month
  without an approved value is "Not reported".
- RAG: a tag with the word (Red, Amber, Green), or "No target" / "No value"; an
  indicator whose polarity is not set (or neither) says "Not judged" and why, with no tag.
- Direction: "Up, improving" and its arrow; without a figure for both periods, says so.
- The council's own RAG letter and arrow are shown beside ours where held, in words and
  labelled as theirs ("Council: Green").
- The service-area table fits a 1280 px screen at first (ScorecardTable says how).
"""

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from urllib.parse import quote

import django_tables2 as tables
from django.template.loader import get_template
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from scorecard.council_words import council_arrow_in_words, council_rag_in_words
from scorecard.domain import spc as spc_rules
from scorecard.domain.periods import period_name
from scorecard.models import Benchmark, Indicator, IndicatorValue

NUMERIC = {
    "th": {"class": "govuk-table__header--numeric"},
    "td": {"class": "govuk-table__cell--numeric"},
}
RAG_TAGS = {"red": ("red", "Red"), "amber": ("orange", "Amber"), "green": ("green", "Green")}
SPC_RULE_WORDS = {
    spc_rules.OUTSIDE: "a point outside the process limits",
    spc_rules.TWO_OF_THREE: "2 of 3 points close to a process limit",
    spc_rules.RUN: "7 or more points in a row on one side of the mean",
    spc_rules.TREND: "7 or more points in a row rising or falling",
}
SPC_ICONS = "scorecard/includes/spc_icons.html"


def format_value(value: Decimal, *, unit: str, decimal_places: int) -> str:
    """A figure as the scorecard writes it: rounded half up to the indicator's decimal
    places, thousands separated, and a percentage followed by "%".
    """
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-decimal_places), rounding=ROUND_HALF_UP)
    shown = f"{rounded:,f}"
    return f"{shown}%" if unit == Indicator.Unit.PERCENTAGE else shown


def month_in_words(period) -> str:
    """A period as a month and year: "June 2023" (each month worked out once per
    language: the month pickers write every month held on every page)."""
    return _month_in_words(period, get_language())


@lru_cache(maxsize=4096)
def _month_in_words(period, language: str | None) -> str:
    return date_format(period, "F Y")


def month_label(period) -> str:
    """A period as the scorecard's column headers write it: "Jan 23"."""
    return date_format(period, "M y")


MISSING_IN_WORDS = {
    "n/a": "not available",
    "na": "not available",
    "not available": "not available",
    "not yet available": "not yet available",
    "-": "no reason given",
    "–": "no reason given",
    "—": "no reason given",
}


def missing_in_words(reason: str) -> str:
    """Why a figure is missing, in words: the scorecard's usual marks ("n/a", "-",
    "Not Yet Available") in plain lower case, any other reason as it was written.
    """
    text = " ".join(reason.split())
    if not text:
        return "no reason given"
    return MISSING_IN_WORDS.get(text.lower(), text)


def value_in_words(reported: IndicatorValue, indicator: Indicator) -> str:
    """A reported figure, or for a missing one "No value" and the reason, in words."""
    if reported.value is not None:
        return format_value(
            reported.value, unit=indicator.unit, decimal_places=indicator.decimal_places
        )
    return f"No value ({missing_in_words(reported.missing_reason)})"


def figure_in_words(reported: IndicatorValue | None, indicator: Indicator) -> str:
    """A month's approved figure in words; "Not reported" when none was approved."""
    return "Not reported" if reported is None else value_in_words(reported, indicator)


def number_in_words(value: Decimal | None, indicator: Indicator, *, empty: str) -> str:
    if value is None:
        return empty
    return format_value(value, unit=indicator.unit, decimal_places=indicator.decimal_places)


def no_rag_in_words(rag) -> str:
    """Why there is no RAG: "No target", "No value", or why it is not judged
    (scorecard.domain.polarity), in words."""
    if rag.words.startswith("Not judged"):
        return rag.words
    return "No target" if rag.words == "No target set" else "No value"


def rag_tag(rag) -> str:
    """Our RAG as a GOV.UK tag with the word, and what it is short of in words; with no
    RAG, a grey tag saying why (a not judged indicator says so in words, no tag)."""
    if rag.rag is None:
        word = no_rag_in_words(rag)
        if word.startswith("Not judged"):
            return format_html('<span class="govuk-body-s">{}</span>', word)
        return format_html('<strong class="govuk-tag govuk-tag--grey">{}</strong>', word)
    colour, word = RAG_TAGS[rag.rag]
    return format_html(
        '<strong class="govuk-tag govuk-tag--{}">{}</strong> <span class="govuk-body-s">{}</span>',
        colour,
        word,
        rag.words,
    )


def direction_beside_council(row) -> str:
    """Our direction in words, and beside it the council's own arrow where held."""
    ours = direction_in_words(row)
    theirs = council_arrow_in_words(row.current.reported_direction if row.current else "")
    if not theirs:
        return ours
    return format_html('{}<br><span class="govuk-body-s">{}</span>', ours, theirs)


def direction_in_words(row) -> str:
    """Direction on the previous period in words with its arrow (module docstring)."""
    travel = row.judgement.on_previous_period
    if travel is not None:
        return format_html('{} <span aria-hidden="true">{}</span>', travel.words, travel.arrow)
    if row.value is None:
        return "No value this month"
    return f"No figure for the previous {period_name(row.indicator.frequency)}"


def rag_beside_council(rag, current: IndicatorValue | None) -> str:
    """Our RAG (rag_tag), and beside it the council's letter where it is held, saying
    when the two differ (the indicator page says why)."""
    ours = rag_tag(rag)
    letter = current.reported_rag.strip().upper() if current else ""
    theirs = council_rag_in_words(letter)
    if not theirs:
        return ours
    differs = rag.rag is not None and letter in {"R", "A", "G"} and rag.rag[0].upper() != letter
    return format_html(
        '{}<br><span class="govuk-body-s">{}{}</span>',
        ours,
        theirs,
        ", not as ours" if differs else "",
    )


class IndicatorLinks:
    """Links to indicators' pages (the indicator's title), the URL reversed once
    for a whole table and each ref put in its place, quoted as reverse() quotes it
    (issue 13: a reverse() per row was a tenth of a long table's time)."""

    MARK = "-ref-"

    def __init__(self):
        url = reverse("indicator_detail", kwargs={"ref": self.MARK})
        self.before, _, self.after = url.partition(self.MARK)

    def __call__(self, indicator) -> str:
        ref = quote(indicator.ref, safe=RFC3986_SUBDELIMS + "/~:@")
        url = escape(f"{self.before}{ref}{self.after}")
        return mark_safe(f'<a class="govuk-link" href="{url}">{escape(indicator.title)}</a>')  # noqa: S308


def exception_reason_in_words(reason: str, row) -> str:
    """Why an indicator is an exception, in words (scorecard.selectors.pages)."""
    indicator = row.indicator
    if reason == "red":
        return f"Red: {row.judgement.rag.words} ({row.target.written})"
    if reason == "worsening":
        before = figure_in_words(row.previous, indicator)
        now = figure_in_words(row.current, indicator)
        moved = row.judgement.on_previous_period.words.split(",")[0].lower()
        since = f"the previous {period_name(indicator.frequency)}"
        return f"Worsening on {since}: {moved} from {before} to {now}"
    rules = ", ".join(SPC_RULE_WORDS.get(rule, rule) for rule in row.spc.latest.rules)
    return f"Special cause concern (SPC): {rules}"


def spc_icons_key(spc) -> tuple | None:
    """All the SPC_ICONS include reads of a result (compact): rows alike draw alike."""
    if spc is None:
        return None
    return (spc.enough_data, spc.message, spc.variation, spc.assurance)


class SpcColumn(tables.Column):
    """The SPC variation and assurance icons with their words (the SPC_ICONS include),
    its template loaded once per table, and drawn once for each different pair of icons
    (spc_icons_key) in the process, rather than once per cell or per table (issue 13):
    the include reads nothing but the key's parts, so a drawing never goes stale."""

    drawn: dict[tuple, str] = {}
    MOST_DRAWN = 512  # a bound on the keys kept; in practice a few dozen pairs of icons

    def __init__(self, accessor: str):
        super().__init__("SPC", accessor=accessor, orderable=False, empty_values=())
        self.template = get_template(SPC_ICONS)

    def render(self, value):
        key = (get_language(), spc_icons_key(value))  # the words are the language's
        drawn = SpcColumn.drawn
        if key not in drawn:
            if len(drawn) >= self.MOST_DRAWN:
                drawn.clear()
            drawn[key] = self.template.render({"spc": value, "compact": True})
        return drawn[key]


class ScorecardMonthColumn(tables.Column):
    """One of the months shown: header "Jan 23", the approved figure in words."""

    def __init__(self, index: int, period):
        super().__init__(
            month_label(period), accessor="indicator", orderable=False, empty_values=(),
            attrs=NUMERIC,
        )  # fmt: skip
        self.index = index

    def render(self, record):
        return figure_in_words(record.months[self.index][1], record.indicator)


class BenchmarkColumn(tables.Column):
    """A comparator's benchmark; its year in the header when every row shares one."""

    def __init__(self, comparator: str, label: str, year: str | None):
        header = f"{label} ({year})" if year else label
        super().__init__(
            header, accessor="indicator", orderable=False, empty_values=(), attrs=NUMERIC
        )
        self.comparator, self.year_in_header = comparator, bool(year)

    def render(self, record):
        benchmark = record.benchmarks.get(self.comparator)
        if benchmark is None:
            return "None"
        shown = number_in_words(benchmark.value, record.indicator, empty="None")
        if self.year_in_header or not benchmark.year:
            return shown
        return f"{shown} ({benchmark.year})"


def _shared_year(rows, comparator: str) -> str | None:
    years = {r.benchmarks[comparator].year for r in rows if comparator in r.benchmarks}
    return years.pop() if len(years) == 1 else None


ALL_COLUMNS = "all"  # ?columns=all: every month held, the previous year and benchmarks
MONTHS_AT_FIRST = 3


def shows_all_columns(request) -> bool:
    """Whether the service-area table was opened at its full width (?columns=all)."""
    return request is not None and request.GET.get("columns") == ALL_COLUMNS


class ScorecardTable(tables.Table):
    """A service area's indicators: the latest months' figures, the target, and our RAG
    (with the council's letter beside it), direction and SPC.

    Rule: at first it shows the last MONTHS_AT_FIRST months, so value, RAG, direction
    and SPC fit a 1280 px screen without scrolling sideways; opened with ?columns=all it
    shows every month the rows hold, the previous year and the benchmarks, in the
    council's layout, as a wider table that scrolls sideways."""

    ref = tables.Column("Ref", accessor="indicator__ref", orderable=False)
    title = tables.Column(
        "Indicator", accessor="indicator", orderable=False,
        attrs={"th": {"class": "govuk-!-width-one-quarter"}},
    )  # fmt: skip
    previous_year = tables.Column("Previous year", orderable=False, empty_values=(), attrs=NUMERIC)
    target = tables.Column(
        "Target", accessor="target__written", orderable=False, default="No target"
    )
    rag = tables.Column("RAG", accessor="judgement__rag", orderable=False)
    direction = tables.Column(
        "Direction on previous period", accessor="indicator", orderable=False, empty_values=()
    )

    class Meta:
        attrs = {"class": "govuk-table govuk-!-font-size-16"}

    def __init__(self, rows, *, months, with_spc: bool, label: str):
        extra = [(f"month_{i}", ScorecardMonthColumn(i, p)) for i, p in enumerate(months)]
        benchmarks = [
            (f"benchmark_{code}", BenchmarkColumn(code, name, _shared_year(rows, code)))
            for code, name in Benchmark.Comparator.choices
        ]
        extra += benchmarks + ([("spc", SpcColumn("spc"))] if with_spc else [])
        month_names = [name for name, _ in extra[: len(months)]]
        sequence = ("ref", "title", *month_names, "previous_year", "target")
        sequence += (*[name for name, _ in benchmarks], "rag", "direction")
        sequence += ("spc",) if with_spc else ()
        super().__init__(rows, extra_columns=extra, sequence=sequence)
        self.region_label, self.indicator_link = label, IndicatorLinks()
        self.at_first = [
            *month_names[:-MONTHS_AT_FIRST],
            "previous_year",
            *[n for n, _ in benchmarks],
        ]
        self.all_columns = False

    def before_render(self, request):
        """At first, the earlier months, previous year and benchmarks are hidden."""
        self.all_columns = shows_all_columns(request)
        for name in self.at_first:
            (self.columns.show if self.all_columns else self.columns.hide)(name)

    def render_title(self, value):
        return self.indicator_link(value)

    def render_previous_year(self, record):
        return number_in_words(record.previous_year, record.indicator, empty="Not given")

    def render_rag(self, value, record):
        return rag_beside_council(value, record.current)

    def render_direction(self, record):
        return direction_beside_council(record)


def head_of_service_in_words(area, holders) -> str:
    """The head-of-service post and who holds it today ("acting" when so)."""
    if area.head_of_service is None:
        return "Not set"
    if not holders:
        return f"{area.head_of_service.name}: no current holder recorded"
    names = ", ".join(
        f"{h.person.get_full_name() or h.person.email}{' (acting)' if h.is_acting else ''}"
        for h in holders
    )
    return f"{area.head_of_service.name}: {names}"


def area_url(area, period) -> str:
    url = reverse("scorecard_service_area", kwargs={"prefix": area.prefix})
    return f"{url}?period={period:%Y-%m}" if period else url


class OverviewTable(tables.Table):
    """Each service area with its indicators counted by RAG for the month."""

    area = tables.Column("Service area", orderable=False)
    head = tables.Column("Head of service", accessor="area", orderable=False)
    indicators = tables.Column("Indicators", orderable=False, attrs=NUMERIC)
    red = tables.Column("Red", accessor="rag__red", orderable=False, default=0, attrs=NUMERIC)
    amber = tables.Column("Amber", accessor="rag__amber", orderable=False, default=0, attrs=NUMERIC)
    green = tables.Column("Green", accessor="rag__green", orderable=False, default=0, attrs=NUMERIC)
    none = tables.Column(
        "No RAG (no target or no value)", accessor="rag__none", orderable=False, default=0,
        attrs=NUMERIC,
    )  # fmt: skip

    class Meta:
        empty_text = "No service areas have been set up yet."

    region_label = "Service areas"

    def __init__(self, data, *, period):
        super().__init__(data)
        self.period = period

    def render_area(self, value):
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>', area_url(value, self.period), value.title
        )

    def render_head(self, record):
        return head_of_service_in_words(record.area, record.head_holders)


class ExceptionTable(tables.Table):
    """One service area's exceptions for the month, each with why in words."""

    ref = tables.Column("Ref", accessor="row__indicator__ref", orderable=False)
    title = tables.Column("Indicator", accessor="row__indicator", orderable=False)
    value = tables.Column("This month", accessor="row", orderable=False, attrs=NUMERIC)
    target = tables.Column(
        "Target", accessor="row__target__written", orderable=False, default="No target"
    )
    reasons = tables.Column("Why it is an exception", orderable=False)

    def __init__(self, data, *, label: str, with_spc: bool):
        extra = []
        if with_spc:
            extra.append(("spc", SpcColumn("row__spc")))
        super().__init__(data, extra_columns=extra)
        self.region_label, self.indicator_link = label, IndicatorLinks()

    def render_title(self, value):
        return self.indicator_link(value)

    def render_value(self, value):
        return figure_in_words(value.current, value.indicator)

    def render_reasons(self, value, record):
        words = [exception_reason_in_words(reason, record.row) for reason in value]
        if len(words) == 1:
            return words[0]
        return format_html(
            '<ul class="govuk-list govuk-list--bullet">{}</ul>',
            format_html_join("", "<li>{}</li>", ((w,) for w in words)),
        )
