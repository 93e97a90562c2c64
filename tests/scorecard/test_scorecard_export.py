"""Exporting the scorecard (scorecard.exporting, manage.py export_scorecard): one row per
indicator and approved period, judged by judge(), with the target in force and the
latest benchmarks."""

import csv
import datetime
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from scorecard.exporting import EXPORT_COLUMNS, write_csv
from scorecard.importing import scorecard_import
from scorecard.models import Indicator, IndicatorValue
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, TargetFactory

DEMO = Path(__file__).resolve().parents[2] / "governance" / "fixtures" / "demo"
REQUIRED = [
    "ref", "indicator", "service_area", "section", "period", "value", "missing_reason",
    "unit", "target", "target_kind", "target_low", "target_high", "polarity", "Our RAG",
    "Council's RAG", "direction", "previous_year", "benchmark_gm", "benchmark_nw",
    "benchmark_sn", "benchmark_england", "reported_direction",
]  # fmt: skip
APPROVED = IndicatorValue.State.APPROVED

pytestmark = pytest.mark.django_db


@pytest.fixture
def samples():
    for name, period in (("2022-10", datetime.date(2022, 10, 1)), ("2023-06", None)):
        scorecard_import(
            source=DEMO / f"scorecard-{name}.tsv",
            filename=f"scorecard-{name}.tsv",
            period=period or datetime.date(2023, 6, 1),
            dry_run=False,
        )


def export(**kwargs) -> list[dict[str, str]]:
    stream = io.StringIO(newline="")
    write_csv(stream, **kwargs)
    return list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))


def row(rows, ref: str, period: str) -> dict[str, str]:
    return next(r for r in rows if (r["ref"], r["period"]) == (ref, period))


def monthly(ref="FD1", values=(), **kwargs) -> Indicator:
    indicator = IndicatorFactory(ref=ref, **kwargs)
    for month, figure in values:
        IndicatorValueFactory(
            indicator=indicator, period=datetime.date(2023, month, 1), value=figure, state=APPROVED
        )
    return indicator


def test_the_header_has_every_column_asked_for():
    stream = io.StringIO(newline="")
    write_csv(stream)

    assert stream.getvalue() == ",".join(EXPORT_COLUMNS) + "\r\n"
    assert list(EXPORT_COLUMNS) == [*REQUIRED, "last_12_months"]


def test_fd8_in_june_2023(samples):
    imported = row(export(), "FD8", "2023-06")
    assert (imported["polarity"], imported["Our RAG"]) == ("not_set", "")  # a band is no evidence
    Indicator.objects.filter(ref="FD8").update(polarity=Indicator.Polarity.WITHIN_BAND)
    fd8 = row(export(), "FD8", "2023-06")

    assert fd8["value"] == "78.1"
    assert (fd8["target"], fd8["target_kind"]) == ("85-90%", "band")
    assert (fd8["target_low"], fd8["target_high"]) == ("85", "90")
    assert (fd8["polarity"], fd8["Our RAG"]) == ("band", "Red")
    assert (fd8["unit"], fd8["service_area"], fd8["section"]) == ("percentage", "Front Door", "")
    assert (fd8["previous_year"], fd8["reported_direction"]) == ("62", "↑")
    assert fd8["direction"] == ""  # October 2022 is not the month before


def test_one_row_per_indicator_and_period_in_scorecard_order(samples):
    rows = export()

    assert len(rows) == IndicatorValue.objects.count() == 241
    assert [r["period"] for r in rows[:2]] == ["2022-10", "2023-06"]
    assert rows[0]["ref"] == "FD1"
    assert rows[-1]["ref"] == "WF14"
    assert row(rows, "CF7", "2023-06")["section"] == "Where We Live"
    assert row(rows, "FD1", "2023-06")["value"] == "1302"
    assert row(rows, "EH1", "2023-06")["value"] == "2.2"


def test_missing_values_and_targets_and_benchmarks(samples):
    rows = export()

    cin25 = row(rows, "CIN25", "2023-06")
    assert (cin25["value"], cin25["missing_reason"], cin25["Our RAG"]) == (
        "",
        "Not Yet Available",
        "",
    )
    cin2 = row(rows, "CIN2", "2023-06")
    latest = [cin2[f"benchmark_{c}"] for c in ("gm", "nw", "sn", "england")]
    assert latest == ["700", "548", "621", "538"]
    cf4 = row(rows, "CF4", "2022-10")
    assert (cf4["target"], cf4["target_kind"], cf4["target_high"]) == ("<7%", "max", "7")
    assert (cf4["polarity"], cf4["Our RAG"]) == ("lower", "Amber")  # 7.2% against <7%
    assert row(rows, "CF7", "2023-06")["Our RAG"] == "Red"  # 58% against >65%
    assert row(rows, "CIN4", "2023-06")["Our RAG"] == ""  # 20-24%: a band is no polarity
    assert row(rows, "FD8", "2022-10")["Our RAG"] == ""  # polarity not set: not judged
    assert row(rows, "FD1", "2023-06")["target"] == ""


def test_direction_in_words_against_the_month_before():
    monthly(values=[(4, 60), (5, 70), (6, 65)], polarity=Indicator.Polarity.HIGHER_IS_BETTER)
    monthly("FD2", values=[(5, 70), (6, 70)])

    rows = export()

    assert [r["direction"] for r in rows] == [
        "",
        "Up, improving",
        "Down, worsening",
        "",
        "No change",
    ]


def test_a_quarterly_indicator_is_compared_with_the_quarter_before():
    monthly(values=[(3, 60), (6, 55)], frequency="quarterly", polarity="lower")

    assert export()[1]["direction"] == "Down, improving"


def test_the_target_in_force_for_each_period():
    indicator = monthly(values=[(3, 88), (6, 88)])
    TargetFactory(indicator=indicator, written="85%", kind="single", low=85, high=85,
                  effective_from=datetime.date(2023, 1, 1))  # fmt: skip
    TargetFactory(indicator=indicator, written="90-95%", kind="band", low=90, high=95,
                  effective_from=datetime.date(2023, 4, 1))  # fmt: skip

    march, june = export()

    assert (march["target"], march["Our RAG"]) == ("85%", "Green")
    assert (june["target"], june["Our RAG"]) == ("90-95%", "Amber")


def test_only_approved_values_are_exported():
    indicator = monthly(values=[(6, 70)])
    for month, state in ((4, "draft"), (5, "submitted")):
        IndicatorValueFactory(
            indicator=indicator, period=datetime.date(2023, month, 1), state=state
        )

    assert [r["period"] for r in export()] == ["2023-06"]


def test_from_and_to_choose_the_months_and_keep_the_month_before_for_direction():
    monthly(values=[(month, 60 + month) for month in range(1, 7)], polarity="higher")

    rows = export(start=datetime.date(2023, 3, 1), end=datetime.date(2023, 4, 1))

    assert [(r["period"], r["direction"]) for r in rows] == [
        ("2023-03", "Up, improving"), ("2023-04", "Up, improving"),
    ]  # fmt: skip


def test_the_query_count_does_not_grow_with_rows():
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            export()
        return len(captured)

    monthly("FD1", values=[(1, 1)])
    few = queries()
    for number in range(2, 12):
        monthly(f"FD{number}", values=[(month, month) for month in range(1, 13)])
        TargetFactory(indicator=Indicator.objects.get(ref=f"FD{number}"))

    assert queries() == few == 4


# manage.py export_scorecard


def test_the_command_writes_csv_to_stdout_for_the_months_asked(samples):
    out = io.StringIO()
    call_command("export_scorecard", "--from", "2023-01", "--to", "2023-12", stdout=out)

    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 123
    assert {r["period"] for r in rows} == {"2023-06"}


def test_the_command_writes_xlsx_with_numbers_as_numbers(samples, tmp_path):
    path = tmp_path / "scorecard.xlsx"
    out = io.StringIO()

    call_command("export_scorecard", "--format", "xlsx", "--to", "2022-10", "-o", str(path),
                 stdout=out)  # fmt: skip

    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [*REQUIRED, "last_12_months"]
    assert len(rows) == 1 + 118
    fd8 = next(r for r in rows if r[0] == "FD8")
    assert (fd8[4], fd8[5], fd8[12], fd8[13]) == ("2022-10", 58, "not_set", None)
    assert f"Exported the scorecard to {path}" in out.getvalue()


def test_the_command_writes_a_csv_file(samples, tmp_path):
    path = tmp_path / "scorecard.csv"

    call_command("export_scorecard", "-o", str(path), "--from", "2023-07", stdout=io.StringIO())

    assert path.read_text(encoding="utf-8-sig").splitlines() == [
        ",".join([*REQUIRED, "last_12_months"])
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xlsx"], "name the file to write with -o"),
        (["--from", "June 2023"], "Give --from as a month, YYYY-MM"),
        (["--to", "2023-6"], "Give --to as a month, YYYY-MM"),
        (["--from", "2023-07", "--to", "2023-06"], "--from must be the same month as --to"),
        (["-o", "/no/such/folder/x.csv"], "Cannot write /no/such/folder/x.csv"),
    ],
)
def test_the_command_refuses_what_it_cannot_do(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("export_scorecard", *args, stdout=io.StringIO())


# Finding 7: no exported cell is a live formula, from the command line as from the web.


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x","y")', "+1", "-1+2", "@A1", "\tx"])
def test_the_command_never_writes_a_live_formula(tmp_path, text):
    monthly(values=[(6, 70)], title=text)
    out = io.StringIO()
    call_command("export_scorecard", stdout=out)
    path = tmp_path / "s.xlsx"
    call_command("export_scorecard", "--format", "xlsx", "-o", str(path), stdout=io.StringIO())

    assert row(list(csv.DictReader(io.StringIO(out.getvalue()))), "FD1", "2023-06")[
        "indicator"
    ] == ("'" + text)
    cell = load_workbook(path).worksheets[0].cell(row=2, column=2)
    assert (cell.value, cell.data_type) == (text, "s")
    assert load_workbook(path).worksheets[0].cell(row=2, column=6).value == 70
