"""django-tables2 tables for the performance scorecard."""

from decimal import ROUND_HALF_UP, Decimal

import django_tables2 as tables
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html

from scorecard.models import Indicator, IndicatorValue

NUMERIC = {
    "th": {"class": "govuk-table__header--numeric"},
    "td": {"class": "govuk-table__cell--numeric"},
}


def format_value(value: Decimal, *, unit: str, decimal_places: int) -> str:
    """A figure as the scorecard writes it: rounded half up to the indicator's decimal
    places, thousands separated, and a percentage followed by "%".
    """
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-decimal_places), rounding=ROUND_HALF_UP)
    shown = f"{rounded:,f}"
    return f"{shown}%" if unit == Indicator.Unit.PERCENTAGE else shown


def month_in_words(period) -> str:
    """A period as a month and year: "June 2023"."""
    return date_format(period, "F Y")


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


class ServiceAreaTable(tables.Table):
    """The scorecard's service areas, each linking to its own indicators."""

    title = tables.Column("Service area", orderable=False)
    head_of_service = tables.Column("Head of service", orderable=False, default="Not set")
    indicator_count = tables.Column("Indicators", orderable=False, attrs=NUMERIC)
    latest_period = tables.Column(
        "Latest month with values", orderable=False, default="No values yet"
    )

    class Meta:
        empty_text = "No service areas have been set up yet."

    region_label = "Service areas"

    def render_title(self, record):
        url = reverse("scorecard_service_area", kwargs={"prefix": record.prefix})
        return format_html('<a class="govuk-link" href="{}">{}</a>', url, record.title)

    def render_head_of_service(self, value):
        return value.name

    def render_latest_period(self, value):
        return month_in_words(value)


class IndicatorTable(tables.Table):
    """One service area's indicators: latest and previous figures, their month, the target."""

    ref = tables.Column("Ref", accessor="indicator__ref", orderable=False)
    title = tables.Column("Indicator", accessor="indicator__title", orderable=False)
    latest = tables.Column("Latest value", orderable=False, default="No values yet", attrs=NUMERIC)
    period = tables.Column("Month", accessor="latest__period", orderable=False, default="No month")
    previous = tables.Column(
        "Previous value", orderable=False, default="No earlier value", attrs=NUMERIC
    )
    target = tables.Column(
        "Target", accessor="target__written", orderable=False, default="No target set"
    )

    class Meta:
        empty_text = "This service area has no indicators yet."

    region_label = "Indicators"

    def render_latest(self, value, record):
        return value_in_words(value, record.indicator)

    def render_previous(self, value, record):
        return value_in_words(value, record.indicator)

    def render_period(self, value):
        return month_in_words(value)
