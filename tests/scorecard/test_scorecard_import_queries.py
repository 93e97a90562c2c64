"""The queries of a scorecard import do not grow with its rows (issue 13): everything
held is read in a few queries per file and everything decided written in bulk. History
is kept for the values made or changed, and for no other."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from scorecard.importing import scorecard_import
from scorecard.models import Indicator, IndicatorValue
from tests.governance.factories import UserFactory

HEADER = (
    "Ref\tIndicator\tApr-23\tMay-23\tJun-23\tPrevious Year\tTarget"
    "\tEngland Average (2022/23)\tPerformance\tDirection of Travel\n"
)
FIRST_IMPORT = 27
UNCHANGED_IMPORT = 16
CHANGING_IMPORT = 22

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sqlite_batches_as_large_as_postgresql(monkeypatch):
    """Django batches bulk writes on SQLite to 999 parameters, the limit of SQLite
    before 3.32; the library here takes 32,766. Lifted, a batch of 200 rows is one
    query on both databases, so the counts below are the import's own."""
    if connection.vendor == "sqlite":
        monkeypatch.setattr(connection.features, "max_query_params", 32766)


def scorecard(rows: int, *, june: str = "81.0%") -> bytes:
    """`rows` indicators over the six areas, each with a section, three months, previous
    year, target, benchmark, letter and arrow."""
    prefixes = ("FD", "EH", "CIN", "CF", "SG", "WF")
    lines = [HEADER]
    for n in range(rows):
        if n % 10 == 0:
            lines.append(f"Section {n // 10}\n")
        lines.append(
            f"{prefixes[n % 6]}{100 + n}\tTimeliness {n} (%)\t79.5%\t80.0%\t{june}"
            f"\t76%\t85%\t82%\tA\t↑\n"
        )
    return "".join(lines).encode()


def run(data: bytes, user=None):
    return scorecard_import(source=data, filename="june.tsv", period=None, dry_run=False, user=user)


def queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def in_rollback(call):
    """Runs `call` and undoes what it wrote, so the next starts from the same state."""
    with transaction.atomic():
        result = call()
        transaction.set_rollback(True)
    return result


@pytest.mark.parametrize("rows", [1, 200])
def test_a_first_import_makes_the_same_queries_for_1_row_and_200(rows, django_assert_num_queries):
    data = scorecard(rows)

    with django_assert_num_queries(FIRST_IMPORT):
        report = run(data)

    assert (report.indicators_created, report.values_created) == (rows, 3 * rows)
    assert IndicatorValue.history.filter(history_type="+").count() == 3 * rows


@pytest.mark.parametrize("rows", [1, 200])
def test_an_unchanged_reimport_makes_the_same_queries_and_writes_nothing(
    rows, django_assert_num_queries
):
    data = scorecard(rows)
    run(data)
    histories = IndicatorValue.history.count(), Indicator.history.count()

    with django_assert_num_queries(UNCHANGED_IMPORT):
        report = run(data)

    assert (report.values_unchanged, report.values_updated, report.values_created) == (
        3 * rows, 0, 0,
    )  # fmt: skip
    assert (IndicatorValue.history.count(), Indicator.history.count()) == histories


@pytest.mark.parametrize("rows", [1, 200])
def test_a_reimport_changing_every_june_makes_the_same_queries(rows, django_assert_num_queries):
    run(scorecard(rows))

    with django_assert_num_queries(CHANGING_IMPORT):
        report = run(scorecard(rows, june="n/a"))

    assert report.values_updated == rows
    changed = IndicatorValue.history.filter(history_type="~")
    assert changed.count() == rows
    assert {(h.value, h.missing_reason) for h in changed} == {(None, "n/a")}


def test_only_the_changed_value_gains_history_naming_the_importer():
    first, second = UserFactory(), UserFactory()
    run(scorecard(3), user=first)
    text = (
        scorecard(3)
        .decode()
        .replace("FD100\tTimeliness 0 (%)\t79.5%", "FD100\tTimeliness 0 (%)\t77.25%")
    )

    report = run(text.encode(), user=second)

    assert report.values_updated == 1
    value = IndicatorValue.objects.get(indicator__ref="FD100", period=datetime.date(2023, 4, 1))
    assert (value.value, value.entered_by, value.approved_by) == (Decimal("77.25"), second, second)
    assert value.previous_year is None  # only the reporting month keeps the previous year
    history = value.history.order_by("history_date", "history_id")
    assert [(h.history_type, h.value, h.history_user) for h in history] == [
        ("+", Decimal("79.5"), first), ("~", Decimal("77.25"), second),
    ]  # fmt: skip
    assert history.last().history_change_reason == "Imported from june.tsv"
    assert IndicatorValue.history.count() == 9 + 1


def test_the_counts_do_not_depend_on_the_rows_held_before():
    """Rows held for other indicators are not read: the same queries with 200 held."""
    run(scorecard(1).replace(b"FD100\t", b"FD999\t"))  # the areas and Section 0 made
    before = in_rollback(lambda: queries(lambda: run(scorecard(1))))
    run(scorecard(200).replace(b"FD100\t", b"FD999\t"))

    assert queries(lambda: run(scorecard(1))) == before
