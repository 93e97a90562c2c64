"""Exporting a plan (improvement_plan.exporting, manage.py export_plan), and importing the
export into a new plan gives the same actions."""

import csv
import datetime
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from openpyxl import load_workbook

from improvement_plan.exporting import write_csv
from improvement_plan.importing import plan_import
from improvement_plan.models import Action, Milestone, Plan, ProgressUpdate
from tests.governance.factories import PostFactory
from tests.improvement_plan.factories import (
    ActionFactory,
    ObjectiveFactory,
    PlanFactory,
    PriorityFactory,
    ProgressUpdateFactory,
)

SAMPLE = (
    Path(__file__).resolve().parents[2]
    / "governance"
    / "fixtures"
    / "demo"
    / "improvement-plan-2022-sample.csv"
)
REQUIRED = [
    "priority",
    "item",
    "action_ref",
    "action",
    "leads",
    "due_dates",
    "status",
    "rag",
    "reported_rag",
    "progress_entries",
    "latest_progress",
]
TODAY = datetime.date(2023, 5, 1)

pytestmark = pytest.mark.django_db


def export_csv(title: str, today=TODAY) -> list[dict[str, str]]:
    stream = io.StringIO(newline="")
    write_csv(Plan.objects.get(title=title), stream, today=today)
    return list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))


@pytest.fixture
def plan():
    """A small plan written out of order, to show the export puts it in plan order."""
    plan = PlanFactory(title="Plan 2023")
    second = ObjectiveFactory(priority=PriorityFactory(plan=plan, number=2, title="Practice"))
    first = ObjectiveFactory(
        priority=PriorityFactory(plan=plan, number=1, title="Leadership"), order=1, title="Board"
    )
    dcs, ad_csc = PostFactory(name="DCS"), PostFactory(name="AD CSC")
    ActionFactory(
        objective=second,
        order=1,
        reference="2.1.1",
        lead_posts=[dcs],
        due_date=None,
        status=Action.Status.NOT_STARTED,
    )
    late = ActionFactory(
        objective=first,
        order=2,
        reference="1.1.2",
        lead_posts=[dcs, ad_csc],
        due_date=datetime.date(2023, 3, 31),
        reported_rag="green",
    )
    done = ActionFactory(
        objective=first,
        order=1,
        reference="1.1.1",
        lead_posts=[ad_csc],
        due_date=datetime.date(2023, 6, 30),
        status=Action.Status.COMPLETE,
    )
    for day, written in ((datetime.date(2022, 9, 30), "Sept 22"), (late.due_date, "March 23")):
        Milestone.objects.create(action=late, due_date=day, written=written)
    Milestone.objects.create(action=done, due_date=datetime.date(2022, 12, 31), written="Dec 22")
    now = timezone.now()
    ProgressUpdateFactory(action=late, text="Older", created_at=now - datetime.timedelta(days=9))
    ProgressUpdateFactory(action=late, text="Newest", created_at=now)
    return plan


def test_the_header_has_the_columns_asked_for_in_order(plan):
    stream = io.StringIO(newline="")
    write_csv(plan, stream, today=TODAY)

    header = next(csv.reader(io.StringIO(stream.getvalue())))
    assert header[: len(REQUIRED)] == REQUIRED


def test_one_row_per_action_in_plan_order(plan):
    rows = export_csv("Plan 2023")

    assert [row["action_ref"] for row in rows] == ["1.1.1", "1.1.2", "2.1.1"]
    assert [row["priority"] for row in rows] == ["1", "1", "2"]
    assert rows[0]["item"] == "Board"
    assert rows[0]["priority_title"] == "Leadership"


def test_leads_due_dates_status_rag_and_progress_are_written_out(plan):
    done, late, recurring = export_csv("Plan 2023")

    assert late["leads"] == "AD CSC; DCS"
    # Milestones in order; the due date is the last milestone, so it is not repeated.
    assert late["due_dates"] == "2022-09-30; 2023-03-31"
    assert (late["status"], late["rag"], late["reported_rag"]) == ("In progress", "Red", "Green")
    assert (late["progress_entries"], late["latest_progress"]) == ("2", "Newest")
    # A due date after the last milestone comes last.
    assert done["due_dates"] == "2022-12-31; 2023-06-30"
    assert (done["status"], done["rag"], done["reported_rag"]) == ("Complete", "Blue", "")
    assert (recurring["due_dates"], recurring["leads"], recurring["rag"]) == ("", "DCS", "Green")
    assert (recurring["progress_entries"], recurring["latest_progress"]) == ("0", "")


def test_the_export_queries_do_not_grow_with_the_actions(plan, django_assert_max_num_queries):
    objective = Action.objects.get(reference="2.1.1").objective
    ActionFactory.create_batch(30, objective=objective, lead_posts=[PostFactory(name="CEX")])

    with django_assert_max_num_queries(6):
        rows = export_csv("Plan 2023")

    assert len(rows) == 33


# The command


def test_the_command_writes_csv_to_stdout(plan):
    out = io.StringIO()

    call_command("export_plan", "--plan", "Plan 2023", "--format", "csv", stdout=out)

    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [row["action_ref"] for row in rows] == ["1.1.1", "1.1.2", "2.1.1"]


def test_the_command_writes_csv_and_xlsx_files(plan, tmp_path):
    call_command(
        "export_plan", "--plan", "Plan 2023", "-o", str(tmp_path / "plan.csv"), stdout=io.StringIO()
    )
    call_command(
        "export_plan",
        "--plan",
        "Plan 2023",
        "--format",
        "xlsx",
        "-o",
        str(tmp_path / "plan.xlsx"),
        stdout=io.StringIO(),
    )

    with (tmp_path / "plan.csv").open(encoding="utf-8-sig", newline="") as handle:
        from_csv = list(csv.reader(handle))
    sheet = load_workbook(tmp_path / "plan.xlsx", read_only=True).worksheets[0]
    from_xlsx = [["" if v is None else str(v) for v in row] for row in sheet.values]
    assert from_csv[0][: len(REQUIRED)] == REQUIRED
    assert from_xlsx == from_csv


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--plan", "No such plan"], 'No plan is called "No such plan"'),
        (["--plan", "Plan 2023", "--format", "xlsx"], "name the file to write with -o"),
    ],
)
def test_the_command_explains_what_is_wrong(plan, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("export_plan", *args, stdout=io.StringIO())


# The round trip: export, then import into a new plan.


def actions_of(title: str) -> dict[str, tuple]:
    return {
        action.reference: (
            action.description,
            sorted(post.name for post in action.lead_posts.all()),
            action.due_date,
            list(action.milestones.values_list("due_date", flat=True)),
            action.status,
            action.objective.title,
            action.objective.priority.number,
            action.objective.priority.title,
        )
        for action in Action.objects.filter(objective__priority__plan__title=title)
    }


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exporting_and_importing_into_a_new_plan_gives_the_same_actions(db, tmp_path, fmt):
    plan_import(
        source=SAMPLE, filename="plan.csv", plan_title="Original", dry_run=False, today=TODAY
    )
    exported = tmp_path / f"export.{fmt}"
    call_command(
        "export_plan",
        "--plan",
        "Original",
        "--format",
        fmt,
        "-o",
        str(exported),
        stdout=io.StringIO(),
    )

    report = plan_import(
        source=exported, filename=exported.name, plan_title="Copy", dry_run=False, today=TODAY
    )

    original, copy = actions_of("Original"), actions_of("Copy")
    assert len(copy) == 41
    assert copy == original
    assert report.posts_created == []
    assert (
        report.progress_created
        == ProgressUpdate.objects.filter(action__objective__priority__plan__title="Copy").count()
        == sum(1 for row in export_csv("Original") if row["latest_progress"])
    )
    assert any("latest progress entry" in w.message and w.row == 1 for w in report.warnings)


def test_importing_an_export_again_creates_nothing_new(db, tmp_path):
    plan_import(
        source=SAMPLE, filename="plan.csv", plan_title="Original", dry_run=False, today=TODAY
    )
    exported = tmp_path / "export.csv"
    call_command("export_plan", "--plan", "Original", "-o", str(exported), stdout=io.StringIO())

    for title in ("Original", "Copy"):
        plan_import(
            source=exported, filename="export.csv", plan_title=title, dry_run=False, today=TODAY
        )
    before = (Action.objects.count(), Milestone.objects.count(), ProgressUpdate.objects.count())

    for title in ("Original", "Copy"):
        report = plan_import(
            source=exported, filename="export.csv", plan_title=title, dry_run=False, today=TODAY
        )
        assert (report.actions_created, report.actions_updated) == (0, 0)

    after = (Action.objects.count(), Milestone.objects.count(), ProgressUpdate.objects.count())
    assert after == before


def test_an_export_with_a_bad_cell_warns_with_its_row(db):
    data = (
        "priority,item,action_ref,action,leads,due_dates,status,reported_rag\n"
        "1,Board,1.1.1,Do it,DCS; CEX,2023-03-31; someday,In progress,Purple\n"
        "x,Board,1.1.2,Skipped,,,,\n"
        "1,Board,1.1.1,Twice,,,,\n"
    )

    report = plan_import(
        source=data.encode(), filename="plan.csv", plan_title="P", dry_run=False, today=TODAY
    )

    action = Action.objects.get()
    assert (action.reference, action.due_date, action.status) == (
        "1.1.1",
        datetime.date(2023, 3, 31),
        Action.Status.IN_PROGRESS,
    )
    assert sorted(action.lead_posts.values_list("name", flat=True)) == ["CEX", "DCS"]
    rows = [(w.row, w.message) for w in report.warnings]
    assert (2, 'Action 1.1.1: due date "someday" is not a date; ignored.') in rows
    assert (2, 'Action 1.1.1: reported RAG "Purple" is unknown.') in rows
    assert (3, 'Priority "x" is not a number: the row is skipped.') in rows
    assert (4, "Action 1.1.1 appears twice: this row is skipped.") in rows


# Finding 7: no exported cell is a live formula, from the command line as from the web.

HOSTILE = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"]


@pytest.mark.parametrize("text", HOSTILE)
def test_the_command_never_writes_a_live_formula(plan, tmp_path, text):
    Action.objects.filter(reference="1.1.1").update(description=text)
    out = io.StringIO()
    call_command("export_plan", "--plan", "Plan 2023", stdout=out)
    call_command(
        "export_plan", "--plan", "Plan 2023", "--format", "xlsx", "-o", str(tmp_path / "p.xlsx"),
        stdout=io.StringIO(),
    )  # fmt: skip

    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert rows[0]["action"] == "'" + text
    sheet = load_workbook(tmp_path / "p.xlsx").worksheets[0]
    cell = sheet.cell(row=2, column=4)
    assert (cell.value, cell.data_type) == (text, "s")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formula_like_text_comes_back_as_written_when_the_export_is_imported(plan, tmp_path, fmt):
    Action.objects.filter(reference="1.1.1").update(description="=1+1 and -2")
    path = tmp_path / f"plan.{fmt}"
    call_command(
        "export_plan", "--plan", "Plan 2023", "--format", fmt, "-o", str(path),
        stdout=io.StringIO(),
    )  # fmt: skip

    plan_import(source=path, filename=path.name, plan_title="Copy", dry_run=False, today=TODAY)

    copy = Action.objects.get(objective__priority__plan__title="Copy", reference="1.1.1")
    assert copy.description == "=1+1 and -2"


# Finding 12: export_plan with no --plan exports the current plan and says which.


def test_the_command_without_a_plan_exports_the_current_plan_and_says_which(plan):
    PlanFactory(title="Older plan", starts_on=datetime.date(2020, 4, 1))
    Plan.objects.filter(pk=plan.pk).update(starts_on=datetime.date(2023, 4, 1))
    out, err = io.StringIO(), io.StringIO()

    call_command("export_plan", "--format", "csv", stdout=out, stderr=err)

    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [row["action_ref"] for row in rows] == ["1.1.1", "1.1.2", "2.1.1"]
    assert 'current plan, "Plan 2023"' in err.getvalue()


def test_the_command_without_a_plan_and_no_plan_at_all_says_so(db):
    with pytest.raises(CommandError, match="no plan to export yet"):
        call_command("export_plan", "--format", "csv", stdout=io.StringIO())


def test_import_plan_without_a_plan_imports_into_the_current_plan(plan):
    out = io.StringIO()

    call_command("import_plan", str(SAMPLE), "--dry-run", stdout=out)

    assert 'Into the current plan, "Plan 2023"' in out.getvalue()
    assert "Dry run" in out.getvalue()
