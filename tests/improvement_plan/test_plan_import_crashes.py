"""Issue 11's crash classes for the plan importer: each bad cell or file is a message with
its row, never a traceback, in the dry run and the real run; all or nothing stays."""

import csv
import datetime
import io

import pytest

from improvement_plan.importing import PlanFileError, plan_import
from improvement_plan.importing.export_layout import EXPORT_COLUMNS
from improvement_plan.models import Action, Milestone, Objective, Plan, Priority, ProgressUpdate
from tests.fuzz.files import damaged, xlsx_bytes
from tests.improvement_plan.factories import ActionFactory, ObjectiveFactory, PriorityFactory

TODAY = datetime.date(2024, 1, 15)
MODELS = (Plan, Priority, Objective, Action, ProgressUpdate, Milestone)

pytestmark = pytest.mark.django_db


def export_file(*rows: dict) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, restval="")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def run(data: bytes, *, dry_run: bool, filename="plan.csv", title="Plan"):
    return plan_import(
        source=data, filename=filename, plan_title=title, dry_run=dry_run, today=TODAY
    )


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_row_whose_reference_changes_order_moves_the_action_there(dry_run):
    """IntegrityError action_order_unique before: 1.1.1 stood second and 1.1.2 first."""
    objective = ObjectiveFactory(priority=PriorityFactory(plan__title="Plan", number=1), order=1)
    ActionFactory(objective=objective, order=2, reference="1.1.1", description="One")
    ActionFactory(objective=objective, order=1, reference="1.1.2", description="Two")
    data = export_file(
        {"priority": "1", "item": objective.title, "action_ref": "1.1.1", "action": "One"},
        {"priority": "1", "item": objective.title, "action_ref": "1.1.2", "action": "Two"},
        {"priority": "1", "item": objective.title, "action_ref": "1.1.3", "action": "Three"},
    )

    report = run(data, dry_run=dry_run)

    assert report.actions_read == 3
    if not dry_run:
        ordered = Action.objects.filter(objective=objective).order_by("order")
        assert [a.reference for a in ordered] == ["1.1.1", "1.1.2", "1.1.3"]


def test_a_new_action_taking_the_place_of_another_moves_that_one_to_the_end():
    objective = ObjectiveFactory(priority=PriorityFactory(plan__title="Plan", number=1), order=1)
    ActionFactory(objective=objective, order=1, reference="A-1", description="Kept")
    data = export_file({"priority": "1", "item": "x", "action_ref": "1.1.1", "action": "New"})

    run(data, dry_run=False)

    ordered = Action.objects.filter(objective=objective).order_by("order")
    assert [(a.reference, a.order) for a in ordered] == [("1.1.1", 1), ("A-1", 2)]


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_reference_over_20_characters_is_a_row_message(dry_run):
    long = "1.1.1-" + "x" * 30
    data = export_file(
        {"priority": "1", "item": "Item", "action_ref": long, "action": "Too long"},
        {"priority": "1", "item": "Item", "action_ref": "1.1.1", "action": "Fine"},
    )

    report = run(data, dry_run=dry_run)

    assert any(w.row == 2 and "longer than 20 characters" in w.message for w in report.warnings)
    assert report.actions_read == 1


def test_a_progress_count_of_thousands_of_digits_is_read_without_error():
    data = export_file(
        {"priority": "1", "action_ref": "1.1.1", "action": "A", "progress_entries": "9" * 5000}
    )

    assert run(data, dry_run=True).actions_read == 1


@pytest.mark.parametrize("dry_run", [True, False])
def test_nul_characters_are_removed_with_a_row_message(dry_run):
    data = export_file(
        {"priority": "1", "item": "It\x00em", "action_ref": "1.1.1", "action": "Do\x00 it"}
    )

    report = run(data, dry_run=dry_run)

    assert any(w.row == 2 and "NUL characters were removed" in w.message for w in report.warnings)
    if not dry_run:
        assert Action.objects.get().description == "Do it"


def test_a_cell_over_csvs_own_limit_is_refused_with_its_row_and_nothing_saved():
    data = export_file(
        {"priority": "1", "action_ref": "1.1.1", "action": "A"},
        {"priority": "1", "action_ref": "1.1.2", "action": "x" * 131_073},
    )
    before = counts()

    with pytest.raises(PlanFileError, match=r"Row 3 has a cell of more than 131,072 characters"):
        run(data, dry_run=False)
    assert counts() == before


def test_a_cell_over_excels_limit_is_refused_with_its_row_and_column():
    data = export_file(
        {"priority": "1", "action_ref": "1.1.1", "action": "A"},
        {"priority": "1", "action_ref": "1.1.2", "action": "y" * 32_768},
    )

    with pytest.raises(PlanFileError, match=r"Row 3, column D holds 32,768 characters"):
        run(data, dry_run=False)
    assert not Plan.objects.exists()


@pytest.mark.parametrize("how", ["broken_xml", "nul_xml", "truncate", "flip"])
def test_a_damaged_workbook_is_refused_as_not_readable(how):
    data = damaged(xlsx_bytes([["Item", "Action"], ["1. P", ""], ["I", "A"]]), how, 2000)

    with pytest.raises(PlanFileError, match="could not be read as an Excel workbook|UTF-8"):
        run(data, dry_run=False, filename="plan.xlsx")
    assert not Plan.objects.exists()


def test_a_workbook_claiming_20000_by_16384_is_read_by_what_it_holds():
    data = damaged(xlsx_bytes([["Item", "Action"], ["1. P", ""], ["I", "A"]]), "claim", 0)

    report = run(data, dry_run=True, filename="plan.xlsx")

    assert report.actions_read == 1
