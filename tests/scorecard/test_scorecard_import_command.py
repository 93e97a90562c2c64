"""`manage.py import_scorecard FILE [--period YYYY-MM] [--dry-run]`: the summary and every
problem with its row and column; a file it cannot import stops it with a message."""

import io

import pytest
from django.core.management import ManagementUtility, call_command
from django.core.management.base import CommandError

from scorecard.models import IndicatorValue, ServiceArea
from tests.scorecard.test_scorecard_import import JUNE_2023, OCTOBER_2022, counts

pytestmark = pytest.mark.django_db


def command(*args) -> str:
    out = io.StringIO()
    call_command("import_scorecard", *map(str, args), stdout=out)
    return out.getvalue()


def test_the_command_prints_the_summary_and_every_problem_with_its_row():
    output = command(OCTOBER_2022[0], "--period", "2022-10")

    assert "Imported scorecard-2022-10.tsv for October 2022." in output
    assert "118 indicators created" in output
    for row in range(18, 28):
        assert f"  Row {row}: Skipped" in output
    assert IndicatorValue.objects.count() == 118


def test_the_command_dry_run_writes_nothing():
    output = command(JUNE_2023[0], "--period", "2023-06", "--dry-run")

    assert "Dry run: nothing was saved." in output
    assert "123 indicators created" in output
    assert counts() == dict.fromkeys(counts(), 0)


def test_the_command_names_the_cell_with_a_problem(tmp_path):
    path = tmp_path / "june.tsv"
    path.write_text("Ref\tIndicator\tCurrent\nFD1\tContacts\tabout 3000\n", encoding="utf-8")

    output = command(path, "--period", "2023-06")

    assert 'Row 2, Current: "about 3000" is not a number' in output


@pytest.mark.parametrize(
    ("name", "data", "args", "message"),
    [
        ("june.tsv", None, [], "give the month it describes with --period YYYY-MM"),
        ("june.xlsx", b"not a workbook", [], "could not be read as an Excel workbook"),
        ("june.pdf", b"%PDF-1.4", [], "must be .tsv, .txt, .csv or .xlsx"),
        ("june.tsv", b"\xff\xfe\x00", [], "not UTF-8 text"),
        ("missing.tsv", False, [], "Cannot read"),
        ("june.tsv", b"", ["--period", "June"], "Give --period as a month, YYYY-MM"),
    ],
)
def test_the_command_stops_with_a_message_for_a_file_it_cannot_import(
    tmp_path, name, data, args, message
):
    path = tmp_path / name
    if data is not False:
        path.write_bytes(JUNE_2023[0].read_bytes() if data is None else data)

    with pytest.raises(CommandError, match=message):
        command(path, *args)

    assert not ServiceArea.objects.exists()


def test_the_command_exits_1_without_a_traceback(tmp_path, capsys):
    path = tmp_path / "june.xlsx"
    path.write_bytes(b"not a workbook")

    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["manage.py", "import_scorecard", str(path), "--skip-checks"]).execute()

    assert exit_info.value.code == 1
    error = capsys.readouterr().err
    assert "CommandError:" in error
    assert "could not be read as an Excel workbook" in error
    assert "Traceback" not in error
