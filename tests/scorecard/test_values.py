"""Scorecard cell rules as tables: value cells and units (scorecard.domain.values), and
reference codes and header cells (scorecard.domain.references)."""

import datetime
from decimal import Decimal

import pytest

from scorecard.domain.references import (
    classify_column,
    is_header_row,
    parse_benchmark,
    parse_month,
    parse_ref,
    service_area_title,
)
from scorecard.domain.values import decimal_places, guess_unit, parse_value
from scorecard.models import Benchmark, Indicator


@pytest.mark.parametrize(
    ("written", "value", "is_percentage"),
    [
        ("7,362", Decimal("7362"), False),
        ("1355", Decimal("1355"), False),
        ("13.9", Decimal("13.9"), False),
        ("78.1%", Decimal("78.1"), True),
        ("33.33%", Decimal("33.33"), True),
        ("0%", Decimal("0"), True),
        (" 59% ", Decimal("59"), True),
        ("1,234.5", Decimal("1234.5"), False),
        ("-2", Decimal("-2"), False),
        (".5", Decimal("0.5"), False),
    ],
)
def test_numbers(written, value, is_percentage):
    cell = parse_value(written)

    assert cell.value == value
    assert cell.is_percentage is is_percentage
    assert not cell.error
    assert not cell.missing_reason


@pytest.mark.parametrize("written", ["n/a", "N/A", "-", "Not Yet Available", "NOT YET AVAILABLE"])
def test_missing_values_keep_their_reason(written):
    cell = parse_value(written)

    assert cell.value is None
    assert cell.missing_reason == written
    assert not cell.error


@pytest.mark.parametrize("written", ["", "   ", None])
def test_an_empty_cell_reports_nothing(written):
    assert parse_value(written).is_empty


@pytest.mark.parametrize("written", ["(44%)", "73 (44%)", "1,23", "12.3.4", "abc", "%", "↑"])
def test_anything_else_is_an_error(written):
    cell = parse_value(written)

    assert cell.error
    assert cell.value is None


@pytest.mark.parametrize(
    ("title", "values", "unit"),
    [
        ("EHM Contact - % Received by CSC", ["73%"], Indicator.Unit.PERCENTAGE),
        ("EHAP Screening within 5 Working days (%)", [], Indicator.Unit.PERCENTAGE),
        ("Supporting Families Successful outcome", ["70%"], Indicator.Unit.PERCENTAGE),
        ("Early Help Episodes (all teams Rate per 10k 0-17 population)", ["106.8"], "rate_10k"),
        ("Cared for Children (Rate)", ["127"], Indicator.Unit.RATE_PER_10K),
        ("Time from Contact to Decision (Ave Days)", ["2.2"], Indicator.Unit.DAYS),
        ("Social Worker Caseload - Raw Average", ["13.9"], Indicator.Unit.AVERAGE),
        ("Contact Received - (No. in Month)", ["1302"], Indicator.Unit.COUNT),
    ],
)
def test_unit_guessed_from_values_and_title(title, values, unit):
    assert guess_unit(title, [parse_value(v) for v in values]) == unit


@pytest.mark.parametrize(
    ("values", "places"),
    [(["13.9", "18.5"], 1), (["78.1%", "33.33%"], 2), (["1302"], 0), ([], 0), (["n/a"], 0)],
)
def test_decimal_places_as_written(values, places):
    assert decimal_places([parse_value(v) for v in values]) == places


@pytest.mark.parametrize(
    ("written", "prefix", "number", "suffix"),
    [
        ("FD2a", "FD", 2, "a"),
        ("CIN10c", "CIN", 10, "c"),
        ("SG14", "SG", 14, ""),
        ("WF5d", "WF", 5, "d"),
        (" EH1 ", "EH", 1, ""),
    ],
)
def test_reference_codes(written, prefix, number, suffix):
    ref = parse_ref(written)

    assert (ref.prefix, ref.number, ref.suffix) == (prefix, number, suffix)


@pytest.mark.parametrize(
    "written", ["", "Ref", "1. Parenting-", "Where We Live", "FD", "FD2A", "FD 2", "2a"]
)
def test_not_reference_codes(written):
    assert parse_ref(written) is None


def test_the_prefix_names_the_service_area():
    areas = {"FD": "Front Door", "CIN": "Child in Need and Child Protection"}

    assert service_area_title("CIN", areas) == "Child in Need and Child Protection"
    assert service_area_title("XX", areas) is None


@pytest.mark.parametrize(
    ("written", "month"),
    [
        ("Aug-23", datetime.date(2023, 8, 1)),
        ("Aug 23", datetime.date(2023, 8, 1)),
        ("August 2023", datetime.date(2023, 8, 1)),
        ("2023-08", datetime.date(2023, 8, 1)),
        ("Sept-22", datetime.date(2022, 9, 1)),
        ("sep 2022", datetime.date(2022, 9, 1)),
        ("Current", None),
        ("Target", None),
        ("2023-13", None),
        ("Augu 23", None),
    ],
)
def test_month_headers(written, month):
    assert parse_month(written) == month


@pytest.mark.parametrize(
    ("written", "comparator", "year"),
    [
        ("Greater Manchester Average", Benchmark.Comparator.GREATER_MANCHESTER, ""),
        ("North West Average (2020/21)", Benchmark.Comparator.NORTH_WEST, "2020/21"),
        (
            "Statistical Neighbour Average (2021/22)",
            Benchmark.Comparator.STATISTICAL_NEIGHBOURS,
            "2021/22",
        ),
        ("England  Average (2021-22)", Benchmark.Comparator.ENGLAND, "2021/22"),
        ("england average (2022)", Benchmark.Comparator.ENGLAND, "2022"),
    ],
)
def test_benchmark_headers(written, comparator, year):
    assert parse_benchmark(written) == (comparator, year)


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("Ref", "ref"),
        ("Ref.", "ref"),
        ("Indicator", "indicator"),
        ("Current", "current"),
        ("Current Performance", "current"),
        ("Previous Year", "previous_year"),
        ("TARGET", "target"),
        ("Last 12 Months", "last_12_months"),
        ("Performance", "performance"),
        ("Direction of Travel", "direction"),
        ("Direction of", "direction"),
        ("Direction of T", "direction"),
        ("Aug-23", "month"),
        ("England Average (2022/23)", "benchmark"),
        ("Commentary", "unknown"),
    ],
)
def test_header_cells(written, kind):
    assert classify_column(written).kind == kind


@pytest.mark.parametrize(
    ("cells", "is_header"),
    [
        (["Ref", "Indicator", "Current"], True),
        (["Ref.", "Indicator"], True),
        (["Ref", "Title"], False),
        (["Highlig", "ht Indicators"], False),
        ([], False),
    ],
)
def test_a_table_starts_at_ref_with_an_indicator_column(cells, is_header):
    assert is_header_row(cells) is is_header
