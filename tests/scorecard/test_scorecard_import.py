"""Importing scorecard files (scorecard.importing.scorecard_import) against the project's
copies of the published October 2022 and June 2023 scorecards."""

import datetime
import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from scorecard.importing import ScorecardFileError, ScorecardPeriodNeeded, scorecard_import
from scorecard.models import Benchmark, Indicator, IndicatorValue, Section, ServiceArea, Target
from tests.governance.factories import UserFactory

DEMO = Path(__file__).resolve().parents[2] / "governance" / "fixtures" / "demo"
OCTOBER_2022 = (DEMO / "scorecard-2022-10.tsv", datetime.date(2022, 10, 1))
JUNE_2023 = (DEMO / "scorecard-2023-06.tsv", datetime.date(2023, 6, 1))
MODELS = (ServiceArea, Section, Indicator, IndicatorValue, Target, Benchmark)
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
    assert Indicator.objects.get(ref="CIN1").polarity == Indicator.Polarity.NOT_SET
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
    assert report.columns_not_stored == []
    assert Indicator.objects.get(ref="XX2").section.title == "Caseloads"
    assert Indicator.objects.get(ref="XX1").section is None


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


def test_every_problem_row_of_both_samples_is_reported():
    october, june = run(*OCTOBER_2022), run(*JUNE_2023)

    assert [(w.row, w.column) for w in october.warnings] == [(row, "") for row in range(18, 28)]
    assert june.warnings == []
    assert (october.cell_errors, june.cell_errors) == (0, 0)


def test_sections_are_stored_per_service_area_in_order():
    run(*OCTOBER_2022)
    run(*JUNE_2023)

    sections = Section.objects.values_list("service_area__prefix", "title", "order")
    assert list(sections) == [
        ("CF", "Where We Live", 1), ("CF", "Outcomes", 2), ("WF", "Caseloads", 1),
    ]  # fmt: skip
    section = {i.ref: i.section and i.section.title for i in Indicator.objects.all()}
    assert (section["CF6"], section["CF7"], section["CF20"]) == (
        None,
        "Where We Live",
        "Where We Live",
    )
    assert (section["CF21"], section["WF6"], section["FD1"]) == ("Outcomes", "Caseloads", None)


@pytest.mark.parametrize(
    ("ref", "period", "previous_year", "direction"),
    [
        ("FD1", datetime.date(2023, 6, 1), Decimal("1221"), "↓"),
        ("FD8", datetime.date(2023, 6, 1), Decimal("62"), "↑"),
        ("CF2", datetime.date(2023, 6, 1), Decimal("133"), "→"),
        ("SG2", datetime.date(2023, 6, 1), Decimal("190"), "↓"),
        ("CIN25", datetime.date(2023, 6, 1), Decimal("17"), ""),
        ("FD16", datetime.date(2022, 10, 1), None, ""),
        ("EH6", datetime.date(2022, 10, 1), Decimal("602"), "↔"),
    ],
)
def test_the_councils_previous_year_and_arrow_are_kept_on_the_value(
    ref, period, previous_year, direction
):
    run(*OCTOBER_2022)
    run(*JUNE_2023)

    stored = value(ref, period)
    assert (stored.previous_year, stored.reported_direction) == (previous_year, direction)


def test_the_reported_rag_and_arrow_describe_the_tables_latest_month():
    ServiceArea.objects.create(prefix="XX", title="Example")

    run(source=MADE_UP.encode(), filename="made-up.tsv")

    october, august = (
        value("XX1", datetime.date(2023, 10, 1)),
        value("XX1", datetime.date(2023, 8, 1)),
    )
    assert (october.reported_rag, october.reported_direction, october.previous_year) == (
        "A", "↑", Decimal("76"),
    )  # fmt: skip
    assert (august.reported_rag, august.reported_direction, august.previous_year) == ("", "", None)
    assert value("XX2", datetime.date(2023, 10, 1)).reported_rag == "G"


def test_a_performance_letter_or_arrow_that_cannot_be_read_is_reported_by_column():
    data = (
        "Ref\tIndicator\tJun-23\tPerformance\tDirection of T\n"
        "FD1\tContacts\t1302\tBlue\tup\n"
        "FD2\tRate\t\tn/a\t↓\n"
    )

    report = run(source=data.encode(), filename="june.tsv")

    problems = [(w.row, w.column, w.message) for w in report.warnings]
    assert problems[:2] == [
        (2, "Performance", '"Blue" is not R, A, G or N/A.'),
        (2, "Direction of T", '"up" is not an arrow (↑ ↓ ↔ →).'),
    ]
    assert problems[2][:2] == (3, "")
    assert "no value for June 2023" in problems[2][2]
    assert value("FD1", JUNE_2023[1]).reported_rag == ""


def test_imported_values_arrive_approved_entered_by_the_importer():
    importer = UserFactory()

    run(*JUNE_2023, user=importer)

    stored = value("FD8", JUNE_2023[1])
    assert stored.state == IndicatorValue.State.APPROVED
    assert (stored.entered_by, stored.approved_by) == (importer, importer)
    assert stored.approved_at is not None
    assert stored.history.get().history_user == importer


def test_a_changed_value_keeps_its_history_naming_who_imported_it():
    first, second = UserFactory(), UserFactory()
    run(*JUNE_2023, user=first)
    text = JUNE_2023[0].read_text(encoding="utf-8").replace("78.1%", "79.4%")

    report = run(source=text.encode(), period=JUNE_2023[1], filename="revised.tsv", user=second)

    [change] = report.value_changes
    assert (change.row, change.ref, change.what) == (9, "FD8", "Value 78.1 to 79.4")
    history = value("FD8", JUNE_2023[1]).history.order_by("history_date")
    assert [(h.value, h.history_user) for h in history] == [
        (Decimal("78.1"), first), (Decimal("79.4"), second),
    ]  # fmt: skip
    assert value("FD8", JUNE_2023[1]).entered_by == second
    assert value("FD1", JUNE_2023[1]).history.count() == 1


def test_a_draft_of_the_same_figure_is_approved_by_the_import():
    run(*JUNE_2023)
    IndicatorValue.objects.filter(indicator__ref="FD1").update(state="draft")

    report = run(*JUNE_2023)

    assert report.values_updated == 1
    assert value("FD1", JUNE_2023[1]).state == IndicatorValue.State.APPROVED


def test_a_current_column_needs_the_period():
    with pytest.raises(ScorecardPeriodNeeded, match="Current"):
        run(JUNE_2023[0])

    assert not ServiceArea.objects.exists()


def test_last_12_months_is_kept_as_given_on_the_reporting_month():
    data = 'Ref,Indicator,May-23,Jun-23,Last 12 Months\nFD1,Contacts,1200,1302,"15,000"\n'

    report = run(source=data.encode(), filename="june.csv")

    assert report.columns_not_stored == []
    held = dict(IndicatorValue.objects.values_list("period", "last_12_months"))
    assert held == {datetime.date(2023, 5, 1): None, datetime.date(2023, 6, 1): 15000}


def test_a_month_given_twice_keeps_the_first_and_says_so():
    data = "Ref\tIndicator\tJun-23\tCurrent\nFD1\tContacts\t1302\t1300\n"

    report = run(source=data.encode(), period=JUNE_2023[1], filename="june.tsv")

    assert [(w.row, w.column) for w in report.warnings] == [(2, "Current")]
    assert value("FD1", JUNE_2023[1]).value == Decimal("1302")
