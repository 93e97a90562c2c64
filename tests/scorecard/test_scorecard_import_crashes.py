"""Issue 11's crash classes for the scorecard importer: a figure of 10^10 or more, a
reference over 20 characters, NUL bytes, damaged workbooks, impossible months: each a
message with its row and column, never a traceback, in the dry run and the real run."""

import datetime
from decimal import Decimal

import pytest

from scorecard.importing import ScorecardFileError, scorecard_import
from scorecard.models import Benchmark, Indicator, IndicatorValue, Target
from tests.fuzz.files import damaged, xlsx_bytes

JUNE = datetime.date(2023, 6, 1)

pytestmark = pytest.mark.django_db


def run(text: str, *, dry_run=False, filename="june.tsv"):
    return scorecard_import(source=text.encode(), filename=filename, period=JUNE, dry_run=dry_run)


def problems(report) -> list[str]:
    return [f"{w.where}: {w.message}" for w in report.warnings]


@pytest.mark.parametrize("dry_run", [True, False])
@pytest.mark.parametrize(
    ("figure", "column"),
    [
        ("10000000000", "Current"),
        ("-10,000,000,000", "Current"),
        ("9999999999.99999", "Current"),
        ("1" + "0" * 400, "Previous Year"),
        ("99999999999", "England Average (2022/23)"),
        ("<=99999999999", "Target"),
    ],
)
def test_a_figure_of_ten_billion_or_more_is_a_cell_error(dry_run, figure, column):
    """numeric overflow on PostgreSQL before: the fields hold 14 digits, 4 decimals."""
    header = "Ref\tIndicator\tCurrent\tPrevious Year\tTarget\tEngland Average (2022/23)"
    cells = {"Current": "5", "Previous Year": "4", "Target": "6", "England Average (2022/23)": "3"}
    cells[column] = figure
    text = f"{header}\nFD1\tContacts\t" + "\t".join(cells.values()) + "\n"

    report = run(text, dry_run=dry_run)

    assert report.cell_errors == 1
    assert any(f"Row 2, {column}" in line and "too large" in line for line in problems(report)), (
        problems(report)
    )
    if not dry_run:
        assert Indicator.objects.filter(ref="FD1").exists()


def test_figures_just_under_the_limit_are_kept():
    report = run("Ref\tIndicator\tCurrent\nFD1\tContacts\t9999999999.9999\n")

    assert report.cell_errors == 0
    assert IndicatorValue.objects.get().value == Decimal("9999999999.9999")


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_reference_over_20_characters_is_skipped_with_a_message(dry_run):
    ref = "FD" + "1" * 30
    report = run(f"Ref\tIndicator\tCurrent\n{ref}\tToo long\t5\nFD2\tFine\t6\n", dry_run=dry_run)

    assert any("Row 2, Ref" in line and "at most 20" in line for line in problems(report))
    if not dry_run:
        assert list(Indicator.objects.values_list("ref", flat=True)) == ["FD2"]


def test_nul_characters_are_removed_with_a_row_message():
    report = run("Ref\tIndicator\tCurrent\nFD1\tCon\x00tacts\t5\n")

    assert any("Row 2, column B" in line and "NUL" in line for line in problems(report))
    assert Indicator.objects.get().title == "Contacts"


@pytest.mark.parametrize("how", ["broken_xml", "nul_xml", "truncate"])
def test_a_damaged_workbook_is_refused_and_nothing_saved(how):
    data = damaged(xlsx_bytes([["Ref", "Indicator", "Current"], ["FD1", "C", "5"]]), how, 900)

    with pytest.raises(ScorecardFileError, match="could not be read as an Excel workbook"):
        scorecard_import(source=data, filename="june.xlsx", period=JUNE, dry_run=False)
    assert not IndicatorValue.objects.exists()


def test_a_workbook_claiming_a_zip_version_python_cannot_read_is_refused():
    """zipfile raised NotImplementedError ("zip file version 23.5"): found by the fuzz."""
    data = xlsx_bytes([["Ref", "Indicator", "Current"], ["FD1", "C", "5"]])
    entry = data.index(b"PK\x01\x02")  # the first central directory entry
    data = data[: entry + 6] + b"\xeb\x00" + data[entry + 8 :]  # version needed: 23.5

    with pytest.raises(ScorecardFileError, match="could not be read as an Excel workbook"):
        scorecard_import(source=data, filename="june.xlsx", period=JUNE, dry_run=False)
    assert not IndicatorValue.objects.exists()


def test_a_month_header_of_year_zero_is_an_unknown_column_not_an_error():
    report = run("Ref\tIndicator\t0000-01\tCurrent\nFD1\tContacts\t4\t5\n")

    assert any("0000-01" in line and "not known" in line for line in problems(report))
    assert IndicatorValue.objects.count() == 1


def test_a_cell_over_the_limit_is_refused_with_its_row():
    with pytest.raises(ScorecardFileError, match=r"Row 2, column B holds 40,000 characters"):
        run("Ref\tIndicator\tCurrent\nFD1\t" + "x" * 40_000 + "\t5\n")
    assert not IndicatorValue.objects.exists()
    assert not Target.objects.exists()
    assert not Benchmark.objects.exists()
