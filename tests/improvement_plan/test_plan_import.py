"""Importing a plan file (improvement_plan.importing.plan_import) against the project's
copy of the published sample: priorities 1-3 of Tameside's plan June 2022 - June 2023."""

import csv
import datetime
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from governance.models import Post
from improvement_plan.importing import PlanFileError, PlanLayoutError, plan_import
from improvement_plan.importing import service as import_service
from improvement_plan.models import (
    Action,
    Milestone,
    Objective,
    Plan,
    Priority,
    ProgressUpdate,
)
from tests.governance.factories import PostAliasFactory, PostFactory, UserFactory

SAMPLE = (
    Path(__file__).resolve().parents[2]
    / "governance"
    / "fixtures"
    / "demo"
    / "improvement-plan-2022-sample.csv"
)
TITLE = "Tameside Children's Social Care Improvement Plan June 2022 - June 2023"
TODAY = datetime.date(2024, 1, 15)
MODELS = (Plan, Priority, Objective, Action, ProgressUpdate, Milestone, Post)

pytestmark = pytest.mark.django_db


def run(source=SAMPLE, filename="plan.csv", dry_run=False, **kwargs):
    return plan_import(
        source=source, filename=filename, plan_title=TITLE, dry_run=dry_run, today=TODAY, **kwargs
    )


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def known_posts(db):
    ad_csc = PostFactory(name="AD CSC")
    PostAliasFactory(post=ad_csc, alias="ADCSC")
    ad_ehp = PostFactory(name="AD EH&P")
    PostAliasFactory(post=ad_ehp, alias="AD EHP")
    for name in ("DCS", "CEX", "HoS QA & Safeguarding", "Board Chair", "GMP Area Commander"):
        PostFactory(name=name)
    return {"AD CSC": ad_csc, "AD EH&P": ad_ehp}


def test_the_sample_imports_priorities_one_to_three(known_posts):
    report = run()

    plan = Plan.objects.get(title=TITLE)
    assert list(plan.priorities.values_list("number", flat=True)) == [1, 2, 3]
    assert plan.priorities.get(number=3).title.startswith("A grip and transparent challenge")
    assert (report.priorities_created, report.objectives_created) == (3, 15)
    assert (report.actions_created, report.progress_created) == (41, 71)
    assert Action.objects.count() == 41
    assert ProgressUpdate.objects.count() == 71


@pytest.mark.parametrize(
    ("reference", "status", "due_date", "leads"),
    [
        ("1.1.1", Action.Status.COMPLETE, datetime.date(2022, 6, 20), []),
        ("1.4.2", Action.Status.IN_PROGRESS, datetime.date(2023, 2, 28), ["Board Chair", "DCS"]),
        ("2.1.2", Action.Status.NOT_STARTED, None, ["AD CSC", "All Managers in CSC", "DCS"]),
        (
            "2.4.4",
            Action.Status.IN_PROGRESS,
            datetime.date(2023, 6, 30),
            ["AD EH&P", "Principal SW"],
        ),
        ("3.2.2", Action.Status.COMPLETE_AND_EMBEDDING, datetime.date(2023, 4, 30), None),
        ("3.6.1", Action.Status.IN_PROGRESS, datetime.date(2023, 4, 30), None),
    ],
)
def test_actions_read_as_written(known_posts, reference, status, due_date, leads):
    run()

    action = Action.objects.get(reference=reference)
    assert action.status == status
    assert action.due_date == due_date
    if leads is not None:
        assert sorted(action.lead_posts.values_list("name", flat=True)) == leads


def test_leads_match_posts_and_aliases_and_unknown_ones_await_review(known_posts):
    report = run()

    action = Action.objects.get(reference="2.1.2")  # "DCS/ADCSC/All Managers in CSC"
    assert known_posts["AD CSC"] in action.lead_posts.all()
    assert not Post.objects.filter(name="ADCSC").exists()
    assert Post.objects.get(name="All Managers in CSC").needs_review
    assert not Post.objects.get(name="AD CSC").needs_review
    assert "All Managers in CSC" in report.posts_created
    assert set(report.posts_created) == set(
        Post.objects.filter(needs_review=True).values_list("name", flat=True)
    )


def test_progress_lines_become_imported_entries_with_the_status_written_beside_them(db):
    user = UserFactory()
    run(user=user)

    entries = list(Action.objects.get(reference="1.2.3").progress_updates.all())
    assert len(entries) == 5
    assert entries[0].text.startswith("Stockport as our SLIP Partner")
    assert [e.status_as_written for e in entries] == ["Complete"] * 4 + ["Ongoing"]
    assert all(e.is_imported and e.author == user for e in entries)


def test_every_warning_has_a_row_number(db):
    report = run()

    assert report.warnings
    assert all(warning.row >= 2 for warning in report.warnings)
    assert any("Named Lead by Agency" in w.message and w.row == 7 for w in report.warnings)


def test_importing_the_same_file_again_creates_nothing_new(known_posts):
    run()
    before = counts()

    again = run()

    assert counts() == before
    assert (again.actions_created, again.actions_updated) == (0, 0)
    assert (again.progress_created, again.posts_created) == (0, [])


def test_a_changed_cell_updates_the_action_in_place(db):
    run()
    text = SAMPLE.read_text(encoding="utf-8").replace("Adverts and search started", "Adverts went")

    report = run(source=text.encode("utf-8"))

    assert (report.actions_created, report.actions_updated) == (0, 1)
    assert Action.objects.get(reference="2.1.1").description.startswith("Adverts went")


def test_a_dry_run_reports_but_writes_nothing(db):
    before = counts()

    report = run(dry_run=True)

    assert counts() == before
    assert report.dry_run
    assert report.actions_created == 41


def test_a_failure_part_way_leaves_the_database_as_it_was(db, monkeypatch):
    before = counts()
    calls = {"n": 0}
    real = import_service._import_progress

    def fail_on_the_tenth(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 10:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(import_service, "_import_progress", fail_on_the_tenth)
    with pytest.raises(RuntimeError):
        run()

    assert counts() == before


def test_a_bom_and_an_unknown_column_are_handled(db):
    data = (
        "\ufeffItem,Action,Lead/ Timeframe,Owner,RAG\n"
        "1. First priority,,,,\n"
        "Item A,Do it,DCS by March 23,Ann,Green\n"
    )

    report = run(source=data.encode("utf-8"))

    assert report.actions_created == 1
    assert Action.objects.get().due_date == datetime.date(2023, 3, 31)
    assert [(w.row, w.message) for w in report.warnings if "Owner" in w.message] == [
        (1, 'Column "Owner" is not known and is ignored.')
    ]


def test_separate_lead_and_timeframe_columns_and_continuation_rows(db):
    data = (
        "Item,Action,Lead,Timeframe,Progress,Status\n"
        "1. Priority,,,,,\n"
        "Item A,First action,DCS,by March 23,Started,Ongoing\n"
        ",,,,Finished,Complete\n"
        ",Second action,CEX,ongoing,,\n"
    )

    run(source=data.encode("utf-8"))

    first, second = Action.objects.order_by("reference")
    assert (first.reference, second.reference) == ("1.1.1", "1.1.2")
    assert [u.text for u in first.progress_updates.all()] == ["Started", "Finished"]
    assert first.status == Action.Status.COMPLETE
    assert second.due_date is None


def test_xlsx_reads_the_first_sheet_like_the_csv(known_posts):
    with SAMPLE.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.create_sheet("Notes").append(["ignored"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    report = run(source=buffer.getvalue(), filename="plan.xlsx")

    assert (report.actions_created, report.progress_created) == (41, 71)


@pytest.mark.parametrize(
    ("data", "filename", "error"),
    [
        (b"Item,Lead\n", "plan.csv", PlanLayoutError),
        (b"", "plan.csv", PlanLayoutError),
        (b"\xff\xfe\x00", "plan.csv", PlanFileError),
        (b"Item,Action\n", "plan.docx", PlanFileError),
        (b"not a workbook", "plan.xlsx", PlanFileError),
    ],
)
def test_unreadable_files_are_refused_and_nothing_is_written(db, data, filename, error):
    with pytest.raises(error):
        run(source=data, filename=filename)

    assert not Plan.objects.exists()


# Milestones: one per date in "Lead/ Timeframe", with the words as written.


@pytest.mark.parametrize(
    ("reference", "milestones"),
    [
        ("1.1.1", [(datetime.date(2022, 6, 20), "20th June 2022")]),
        (
            "2.4.4",
            [(datetime.date(2022, 12, 31), "December 22"), (datetime.date(2023, 6, 30), "June 23")],
        ),
        (
            "3.1.3",
            [
                (datetime.date(2022, 9, 30), "September 22"),
                (datetime.date(2022, 10, 31), "October 22"),
            ],
        ),
        ("2.1.2", []),
    ],
)
def test_each_date_in_the_timeframe_is_a_milestone_the_last_the_due_date(
    known_posts, reference, milestones
):
    run()

    action = Action.objects.get(reference=reference)
    assert list(action.milestones.values_list("due_date", "written")) == milestones
    assert action.due_date == (milestones[-1][0] if milestones else None)


def test_importing_again_creates_no_milestones_and_keeps_a_leads_own(known_posts):
    report = run()
    assert report.milestones_created == Milestone.objects.count() > 30
    action = Action.objects.get(reference="2.4.4")
    Milestone.objects.create(action=action, due_date=datetime.date(2023, 3, 1), written="Spring")
    before = Milestone.objects.count()

    again = run()

    assert again.milestones_created == 0
    assert Milestone.objects.count() == before


def test_a_changed_timeframe_replaces_the_milestones(db):
    run()
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "AD EH&P/Principal SW By December 22 and June 23", "AD EH&P/Principal SW by July 23"
    )

    report = run(source=text.encode("utf-8"))

    action = Action.objects.get(reference="2.4.4")
    assert list(action.milestones.values_list("written", flat=True)) == ["July 23"]
    assert action.due_date == datetime.date(2023, 7, 31)
    assert (report.actions_updated, report.milestones_created) == (1, 1)


def test_unknown_posts_are_created_for_review_and_listed_with_their_rows(known_posts):
    report = run()

    for name in report.posts_created:
        assert Post.objects.get(name=name).needs_review
        assert any(f'Lead "{name}" matched no known post' in w.message for w in report.warnings)
    lines = report.lines()
    assert "Posts created for an administrator to review or merge:" in lines
    assert "  All Managers in CSC" in lines


def test_the_report_preview_lists_priorities_and_actions_with_what_happens(known_posts):
    report = run(dry_run=True)

    assert [p.number for p in report.priorities] == [1, 2, 3]
    assert all(p.is_new for p in report.priorities)
    first = report.priorities[0].actions[0]
    assert (first.row, first.reference, first.change) == (3, "1.1.1", "created")
    assert first.due_date == datetime.date(2022, 6, 20)
    assert sum(len(p.actions) for p in report.priorities) == 41
    assert report.plan_created
    assert report.plan_id is None

    run()
    again = run(dry_run=True)
    assert {a.change for p in again.priorities for a in p.actions} == {"unchanged"}
    assert again.actions_unchanged == 41


# The command: manage.py import_plan FILE --plan NAME [--dry-run]


def command(*args) -> str:
    out = io.StringIO()
    call_command("import_plan", *[str(arg) for arg in args], stdout=out)
    return out.getvalue()


def test_the_command_dry_run_prints_everything_and_writes_nothing(db):
    before = counts()

    out = command(SAMPLE, "--plan", "A new plan", "--dry-run")

    assert counts() == before
    assert 'Dry run of improvement-plan-2022-sample.csv into new plan "A new plan".' in out
    assert "41 actions created" in out
    assert "Dry run: nothing was saved." in out
    assert any(
        line.startswith("  Row 7: Action 1.2.1: ") and "Named Lead by Agency" in line
        for line in out.splitlines()
    )


def test_the_command_creates_the_plan_then_a_second_run_creates_nothing(known_posts):
    out = command(SAMPLE, "--plan", TITLE)

    assert Plan.objects.get(title=TITLE).priorities.count() == 3
    assert "3 priorities, 15 items and 41 actions created" in out
    assert "Dry run" not in out
    before = counts()

    again = command(SAMPLE, "--plan", TITLE)

    assert counts() == before
    assert "0 priorities, 0 items and 0 actions created; 0 actions updated" in again
    assert f'into existing plan "{TITLE}"' in again


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("missing.csv", None, "Cannot read"),
        ("picture.csv", b"\x89PNG\r\n\x1a\n\x00\x00binary", "not UTF-8 text"),
        ("plan.csv", b"Item,Lead\n", "no Action column"),
        ("plan.docx", b"Item,Action\n", "must be a .csv or .xlsx"),
    ],
)
def test_the_command_refuses_an_unreadable_file_with_a_message(db, tmp_path, name, data, message):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)

    with pytest.raises(CommandError, match=message) as raised:
        command(path, "--plan", "Plan")

    # manage.py prints a CommandError as "CommandError: ..." and exits 1, with no traceback.
    assert raised.value.returncode == 1
    assert not Plan.objects.exists()


def test_a_re_import_keeps_what_leads_recorded_since(known_posts):
    """The file is the old baseline: it must not undo a moved due date or a lead's update."""
    from improvement_plan import services

    run()
    action = Action.objects.get(reference="2.4.2")
    lead = UserFactory()
    today = datetime.date(2023, 1, 11)
    services.progress_update_record(
        action=action, author=lead, today=today, reported_rag="amber", status="complete",
        rag_reason="HR business partner not yet in post", text="Survey delayed",
        new_due_date=datetime.date(2023, 3, 31), due_date_reason="HR business partner",
    )  # fmt: skip
    report = run()
    action.refresh_from_db()
    assert action.due_date == datetime.date(2023, 3, 31)
    assert action.status == "complete"
    assert action.reported_rag == "amber"
    kept = [w.message for w in report.warnings if "kept as recorded here" in w.message]
    assert any("due date kept as recorded here (31 March 2023)" in m for m in kept), kept
    assert any("status kept" in m for m in kept), kept
