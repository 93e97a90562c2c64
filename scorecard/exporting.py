"""Exporting the scorecard: one row per indicator and period, as CSV or XLSX.

Only approved values, the ones that reach board reports. Columns (EXPORT_COLUMNS):
`period` as YYYY-MM; `value`, targets, benchmarks and `previous_year` as plain numbers
(78.1 for 78.1%); `target` as written with its kind and bounds, the one in force for
the period; `Our RAG` Red, Amber or Green, and `direction` in words against the
previous period (a month, a quarter or a year before, by the indicator's frequency),
both from scorecard.judgements.judge(), empty when they cannot be said; beside ours,
`Council's RAG`, the council's own letter as imported, in words (Red, Amber, Green,
N/A; empty when it gave none); `previous_year` the figure the council quoted, else the
approved value held for a year earlier; each benchmark the latest year's;
`reported_direction` and `last_12_months` as imported.
Indicators come in scorecard order (service area, then indicator), periods in order.
"""

import csv
import datetime
from collections.abc import Iterator
from decimal import Decimal
from typing import BinaryIO, TextIO

from django.db.models import Prefetch, QuerySet
from openpyxl import Workbook

from common.cells import csv_row, plain_number, xlsx_row
from scorecard.domain.periods import add_months, previous_period
from scorecard.judgements import judge
from scorecard.models import Benchmark, Indicator, IndicatorValue, Target

FORMATS = ("csv", "xlsx")
OUR_RAG, COUNCILS_RAG = "Our RAG", "Council's RAG"
EXPORT_COLUMNS = (
    "ref", "indicator", "service_area", "section", "period", "value", "missing_reason",
    "unit", "target", "target_kind", "target_low", "target_high", "polarity", OUR_RAG,
    COUNCILS_RAG, "direction", "previous_year", "benchmark_gm", "benchmark_nw",
    "benchmark_sn", "benchmark_england", "reported_direction", "last_12_months",
)  # fmt: skip
COUNCIL_LETTERS = {"R": "Red", "A": "Amber", "G": "Green", "N/A": "N/A"}
COMPARATORS = ("gm", "nw", "sn", "england")


def exported_indicators(*, start=None, end=None) -> QuerySet[Indicator]:
    """Indicators in scorecard order with their approved values from a year before `start`
    to `end`, targets newest first and benchmarks latest year first: four queries."""
    values = IndicatorValue.objects.filter(state=IndicatorValue.State.APPROVED)
    if start is not None:
        values = values.filter(period__gte=add_months(start, -12))
    if end is not None:
        values = values.filter(period__lte=end)
    return (
        Indicator.objects.select_related("service_area", "section")
        .prefetch_related(
            Prefetch("values", queryset=values.order_by("period"), to_attr="approved_values"),
            Prefetch(
                "targets",
                queryset=Target.objects.order_by("-effective_from"),
                to_attr="targets_newest_first",
            ),
            Prefetch(
                "benchmarks",
                queryset=Benchmark.objects.order_by("comparator", "-year"),
                to_attr="benchmarks_latest_first",
            ),
        )
        .order_by("service_area__order", "service_area__prefix", "order", "ref")
    )


def target_in_force(indicator: Indicator, period: datetime.date) -> Target | None:
    """The latest target taking effect on or before the period."""
    return next((t for t in indicator.targets_newest_first if t.effective_from <= period), None)


def latest_benchmarks(indicator: Indicator) -> dict[str, Decimal]:
    """Each comparator's value for the latest year given (a value with no year comes last)."""
    latest: dict[str, Decimal] = {}
    for benchmark in indicator.benchmarks_latest_first:
        latest.setdefault(benchmark.comparator, benchmark.value)
    return latest


def value_row(indicator: Indicator, value: IndicatorValue, held: dict) -> list:
    """One approved value as a row of EXPORT_COLUMNS; numbers stay Decimal."""
    target = target_in_force(indicator, value.period)
    previous = held.get(previous_period(value.period, indicator.frequency))
    year_earlier = held.get(add_months(value.period, -12))
    previous_year = value.previous_year if value.previous_year is not None else year_earlier
    judgement = judge(
        indicator=indicator, value=value.value, previous=previous,
        year_earlier=previous_year, target=target,
    )  # fmt: skip
    benchmarks = latest_benchmarks(indicator)
    return [
        indicator.ref, indicator.title, indicator.service_area.title,
        indicator.section.title if indicator.section else "",
        f"{value.period:%Y-%m}", value.value, value.missing_reason, indicator.unit,
        target.written if target else "", target.kind if target else "",
        target.low if target else None, target.high if target else None,
        indicator.polarity,
        judgement.rag.rag.capitalize() if judgement.rag.rag else "",
        COUNCIL_LETTERS.get(value.reported_rag, value.reported_rag),
        judgement.on_previous_period.words if judgement.on_previous_period else "",
        previous_year, *(benchmarks.get(code) for code in COMPARATORS),
        value.reported_direction, value.last_12_months,
    ]  # fmt: skip


def export_rows(*, start=None, end=None) -> Iterator[list]:
    """The header row, then one row per approved value from `start` to `end` (months)."""
    yield list(EXPORT_COLUMNS)
    for indicator in exported_indicators(start=start, end=end):
        held = {v.period: v.value for v in indicator.approved_values}
        for value in indicator.approved_values:
            if start is None or value.period >= start:
                yield value_row(indicator, value, held)


def plain(number: Decimal) -> str:
    """A number as a person writes it: 78.1000 is "78.1", 1302.0000 is "1302"."""
    return plain_number(number)


def write_csv(stream: TextIO, *, start=None, end=None) -> None:
    """RFC 4180 CSV; the stream should be opened with newline="". Every cell goes through
    common.cells, so formula-like text is never live."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerows(csv_row(row) for row in export_rows(start=start, end=end))


def write_xlsx(stream: BinaryIO, *, start=None, end=None) -> None:
    """One worksheet, "Scorecard", with the same rows as the CSV; numbers as numbers."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Scorecard")
    for row in export_rows(start=start, end=end):
        sheet.append(xlsx_row(sheet, row))
    workbook.save(stream)
