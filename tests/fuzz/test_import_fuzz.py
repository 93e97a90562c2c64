"""Property: any file, however hostile, through either importer gives a report or a
refusal with a message, never a traceback; a dry run saves nothing, and a refused real
run saves nothing (all or nothing). Files come from tests.fuzz.files.

In `make test` (profile "ci") 1,000 files go through each importer, derandomized;
`make fuzz` (HYPOTHESIS_PROFILE=fuzz) runs 20,000 each, new ones every run.
"""

import contextlib
import datetime
from pathlib import Path

import pytest
from django.db import connection, transaction
from hypothesis import given, settings

from governance.models import Post
from improvement_plan.importing import PlanFileError, PlanLayoutError, plan_import
from improvement_plan.models import Action, Milestone, Objective, Plan, Priority, ProgressUpdate
from scorecard.importing import ScorecardFileError, scorecard_import
from scorecard.models import Benchmark, Indicator, IndicatorValue, Section, ServiceArea, Target
from tests.fuzz import files
from tests.fuzz.conftest import examples

DEMO = Path(__file__).resolve().parents[2] / "governance" / "fixtures" / "demo"
TODAY = datetime.date(2023, 5, 1)
JUNE = datetime.date(2023, 6, 1)
PLAN_MODELS = (Plan, Priority, Objective, Action, ProgressUpdate, Milestone, Post)
SCORECARD_MODELS = (ServiceArea, Section, Indicator, IndicatorValue, Target, Benchmark)

pytestmark = pytest.mark.django_db


def counts(models) -> tuple[int, ...]:
    """Each model's row count, in one query: the suite asks 6,000 times."""
    tables = [connection.ops.quote_name(model._meta.db_table) for model in models]
    counted = ", ".join(f"(SELECT COUNT(*) FROM {table})" for table in tables)  # noqa: S608
    sql = f"SELECT {counted}"  # noqa: S608 - table names come from the models, not input
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return tuple(cursor.fetchone())


def each_run(run, refusals, models) -> None:
    """The dry run, then the real run, inside a savepoint rolled back after: every
    example starts from the same database."""
    before = counts(models)
    with transaction.atomic():
        with contextlib.suppress(refusals):
            run(dry_run=True)
        assert counts(models) == before, "a dry run saved something"
        try:
            run(dry_run=False)
        except refusals:
            assert counts(models) == before, "a refused import saved something"
        transaction.set_rollback(True)


@pytest.fixture
def plan_held():
    """The sample plan, so files update, reorder and clash with actions already held."""
    plan_import(
        source=DEMO / "improvement-plan-2022-sample.csv", filename="plan.csv",
        plan_title="Plan", dry_run=False, today=TODAY,
    )  # fmt: skip


@pytest.fixture
def scorecard_held():
    scorecard_import(
        source=DEMO / "scorecard-2023-06.tsv", filename="june.tsv", period=JUNE, dry_run=False
    )


@settings(max_examples=examples())
@given(
    file=files.hostile_file(files.PLAN_HEADERS) | files.hostile_file(files.EXPORT_HEADERS),
)
def test_any_plan_file_gives_a_report_or_a_message(plan_held, file):
    name, data = file

    def run(*, dry_run):
        plan_import(source=data, filename=name, plan_title="Plan", dry_run=dry_run, today=TODAY)

    each_run(run, (PlanFileError, PlanLayoutError), PLAN_MODELS)


@settings(max_examples=examples())
@given(file=files.hostile_file(files.SCORECARD_HEADERS, ("csv", "tsv", "txt")))
def test_any_scorecard_file_gives_a_report_or_a_message(scorecard_held, file):
    name, data = file

    def run(*, dry_run):
        scorecard_import(source=data, filename=name, period=JUNE, dry_run=dry_run)

    each_run(run, ScorecardFileError, SCORECARD_MODELS)
