"""Importing a plan file (improvement_plan.importing.plan_import) against the project's
copy of the published sample: priorities 1-3 of Tameside's plan June 2022 - June 2023."""

import csv
import datetime
import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from governance.models import Post
from improvement_plan.importing import PlanFileError, PlanLayoutError, plan_import
from improvement_plan.importing import service as import_service
from improvement_plan.models import Action, Objective, Plan, Priority, ProgressUpdate
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
MODELS = (Plan, Priority, Objective, Action, ProgressUpdate, Post)

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
