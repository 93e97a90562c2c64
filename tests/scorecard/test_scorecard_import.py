"""Importing scorecard files (scorecard.importing.scorecard_import) against the project's
copies of the published October 2022 and June 2023 scorecards."""

import datetime
import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from scorecard.importing import ScorecardFileError, scorecard_import
from scorecard.models import Benchmark, Indicator, IndicatorValue, ServiceArea, Target

DEMO = Path(__file__).resolve().parents[2] / "governance" / "fixtures" / "demo"
OCTOBER_2022 = (DEMO / "scorecard-2022-10.tsv", datetime.date(2022, 10, 1))
JUNE_2023 = (DEMO / "scorecard-2023-06.tsv", datetime.date(2023, 6, 1))
MODELS = (ServiceArea, Indicator, IndicatorValue, Target, Benchmark)
MADE_UP = (
    "Ref\tIndicator\tAug-23\tSep-23\tOct-23\tPrevious Year\tTarget\tEngland Average (2022/23)"
    "\tPerformance\tDirection of Travel\n"
    "XX1\tExample timeliness (%)\t81.0%\t82.0%\tn/a\t76%\t85%\t82%\tA\t↑\n"
    "Caseloads\n"
    "XX2\tExample caseload - Raw Average\t14.4\t15.0\t14.6\t14.3\t16-18\t\tG\t↓\n"
)

pytestmark = pytest.mark.django_db


def run(source, period=None, filename=None, dry_run=False, **kwargs):
    if isinstance(source, Path):
        filename = filename or source.name
    return scorecard_import(
        source=source, filename=filename, period=period, dry_run=dry_run, **kwargs
    )


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def value(ref: str, period: datetime.date) -> IndicatorValue:
    return IndicatorValue.objects.get(indicator__ref=ref, period=period)


def test_both_scorecards_import():
    october = run(*OCTOBER_2022)
    june = run(*JUNE_2023)

    assert (october.tables, october.indicators_created, october.values_created) == (6, 118, 118)
    assert (june.tables, june.indicators_created, june.values_created) == (6, 8, 123)
    assert Indicator.objects.count() == 126
    assert IndicatorValue.objects.count() == 241
    assert ServiceArea.objects.count() == 6


@pytest.mark.parametrize(
    ("ref", "period", "expected", "missing"),
    [
        ("FD8", datetime.date(2023, 6, 1), Decimal("78.1"), ""),
        ("FD8", datetime.date(2022, 10, 1), Decimal("58"), ""),
        ("FD1", datetime.date(2023, 6, 1), Decimal("1302"), ""),
        ("WF6", datetime.date(2023, 6, 1), Decimal("13.9"), ""),
        ("CIN25", datetime.date(2023, 6, 1), None, "Not Yet Available"),
    ],
)
def test_values_are_stored_by_month(ref, period, expected, missing):
    run(*OCTOBER_2022)
    run(*JUNE_2023)

    stored = value(ref, period)
    assert stored.value == expected
    assert stored.missing_reason == missing


def test_indicators_targets_and_benchmarks():
    run(*OCTOBER_2022)
    run(*JUNE_2023)

    fd8 = Indicator.objects.get(ref="FD8")
    assert (fd8.service_area.title, fd8.unit) == ("Front Door", Indicator.Unit.PERCENTAGE)
    assert fd8.targets.get(effective_from=datetime.date(2023, 6, 1)).kind == Target.Kind.BAND
    assert Indicator.objects.get(ref="CF4").polarity == Indicator.Polarity.LOWER_IS_BETTER
    assert Indicator.objects.get(ref="CF7").polarity == Indicator.Polarity.HIGHER_IS_BETTER
    assert Indicator.objects.get(ref="CIN1").polarity == Indicator.Polarity.NEITHER
    assert Indicator.objects.get(ref="EH1").unit == Indicator.Unit.DAYS
    cin2 = Indicator.objects.get(ref="CIN2")
    assert cin2.benchmarks.get(comparator="gm", year="2021/22").value == Decimal("700")
    assert cin2.benchmarks.get(comparator="nw", year="2020/21").value == Decimal("548")
    assert cin2.benchmarks.get(comparator="england", year="").value == Decimal("494")
    assert Indicator.objects.get(ref="FD1").title.startswith("Contact Received inc LCS")


def test_the_small_table_in_october_is_reported_not_guessed():
    report = run(*OCTOBER_2022)

    skipped = [w for w in report.warnings if w.message.startswith("Skipped")]
    assert [w.row for w in skipped] == list(range(18, 28))
    assert "1. Parenting- | 73 | (44%)" in skipped[0].message
    assert report.rows_skipped == 10
    assert not Indicator.objects.filter(title__icontains="Parenting").exists()


def test_every_warning_has_a_row_number():
    reports = [run(*OCTOBER_2022), run(source=MADE_UP.encode(), filename="made-up.tsv")]

    assert all(w.row >= 1 for report in reports for w in report.warnings)


def test_importing_the_same_files_again_changes_nothing():
    run(*OCTOBER_2022)
    run(*JUNE_2023)
    before = counts()

    again = [run(*OCTOBER_2022), run(*JUNE_2023)]

    assert counts() == before
    for report in again:
        assert report.values_unchanged == report.values_created + report.values_unchanged
        assert (report.values_updated, report.indicators_updated) == (0, 0)
        assert (report.targets_created, report.targets_updated) == (0, 0)
        assert (report.benchmarks_created, report.benchmarks_updated) == (0, 0)


def test_a_later_file_with_a_different_value_updates_it():
    run(*JUNE_2023)
    text = JUNE_2023[0].read_text(encoding="utf-8").replace("78.1%", "79.4%")

    report = run(source=text.encode(), period=JUNE_2023[1], filename="revised.tsv")

    assert (report.values_created, report.values_updated) == (0, 1)
    assert value("FD8", JUNE_2023[1]).value == Decimal("79.4")


def test_a_dry_run_reports_but_writes_nothing():
    report = run(*OCTOBER_2022, dry_run=True)

    assert counts() == dict.fromkeys(counts(), 0)
    assert report.indicators_created == 118
    assert report.rolled_back


def test_month_columns_and_sections():
    ServiceArea.objects.create(prefix="XX", title="Example")

    report = run(source=MADE_UP.encode("utf-8"), filename="made-up.tsv")

    assert report.values_created == 6
    assert value("XX1", datetime.date(2023, 8, 1)).value == Decimal("81.0")
    assert value("XX1", datetime.date(2023, 10, 1)).missing_reason == "n/a"
    assert value("XX2", datetime.date(2023, 10, 1)).value == Decimal("14.6")
    target = Target.objects.get(indicator__ref="XX2")
    assert (target.kind, target.effective_from) == (Target.Kind.BAND, datetime.date(2023, 10, 1))
    assert Benchmark.objects.get(indicator__ref="XX1").year == "2022/23"
    assert "Direction of Travel" in report.columns_not_stored


def test_an_unknown_prefix_is_reported_and_the_row_skipped():
    report = run(source=MADE_UP.encode("utf-8"), filename="made-up.tsv")

    assert not Indicator.objects.exists()
    assert [w.row for w in report.warnings if 'prefix "XX"' in w.message] == [2, 4]


def test_a_bad_cell_is_reported_with_row_and_column_and_the_rest_imports():
    data = (
        "\ufeffRef,Indicator,Current,Target\n"
        'FD1,Contacts,"1,302",\n'
        "FD2,Rate,about 3000,\n"
        "Stray note,,x\n"
    )

    report = run(source=data.encode("utf-8"), period=JUNE_2023[1], filename="june.csv")

    errors = [(w.row, w.column) for w in report.warnings if "not a number" in w.message]
    assert errors == [(3, "Current")]
    assert value("FD1", JUNE_2023[1]).value == Decimal("1302")
    assert report.rows_skipped == 1


def test_all_or_nothing_rolls_back_a_file_with_a_bad_cell():
    data = "Ref\tIndicator\tCurrent\nFD1\tContacts\t1302\nFD2\tRate\tabout 3000\n"

    report = run(
        source=data.encode(), period=JUNE_2023[1], filename="june.tsv", all_or_nothing=True
    )

    assert report.rolled_back
    assert not IndicatorValue.objects.exists()


def test_xlsx_reads_every_sheet_and_percent_formatted_cells():
    workbook = Workbook()
    first = workbook.active
    first.append(["Ref", "Indicator", "Current"])
    first.append(["FD8", "MASH Screenings Completed within 72 WORKING hours", 0.781])
    first["C2"].number_format = "0.0%"
    second = workbook.create_sheet("Early Help")
    second.append(["Ref.", "Indicator", "Current Performance"])
    second.append(["EH2", "Early Help Episodes (all teams No. Open)", 544])
    buffer = io.BytesIO()
    workbook.save(buffer)

    report = run(source=buffer.getvalue(), period=JUNE_2023[1], filename="june.xlsx")

    assert report.tables == 2
    assert value("FD8", JUNE_2023[1]).value == Decimal("78.1")
    assert Indicator.objects.get(ref="FD8").unit == Indicator.Unit.PERCENTAGE
    assert value("EH2", JUNE_2023[1]).value == Decimal("544")


@pytest.mark.parametrize(
    ("data", "filename", "period", "error"),
    [
        (b"Ref\tIndicator\n", "june.pdf", datetime.date(2023, 6, 1), ScorecardFileError),
        (b"\xff\xfe\x00", "june.tsv", datetime.date(2023, 6, 1), ScorecardFileError),
        (b"not a workbook", "june.xlsx", datetime.date(2023, 6, 1), ScorecardFileError),
        (b"Ref\tIndicator\n", "june.tsv", datetime.date(2023, 6, 15), ValueError),
    ],
)
def test_unreadable_files_and_bad_periods_are_refused(data, filename, period, error):
    with pytest.raises(error):
        run(source=data, period=period, filename=filename)

    assert not ServiceArea.objects.exists()
