"""The RAG column rule (improvement_plan.domain.statuses), as tables."""

import pytest

from improvement_plan.domain.statuses import (
    current_rag,
    current_status,
    rag_line_for_each,
    read_status,
    read_statuses,
)
from improvement_plan.models import Action, Rag


@pytest.mark.parametrize(
    ("written", "status", "rag"),
    [
        ("Complete", Action.Status.COMPLETE, ""),
        ("COMPLETE", Action.Status.COMPLETE, ""),
        ("Completed", Action.Status.COMPLETE, ""),
        ("Ongoing", Action.Status.IN_PROGRESS, ""),
        ("ongoing", Action.Status.IN_PROGRESS, ""),
        ("Complete and ongoing", Action.Status.COMPLETE_AND_EMBEDDING, ""),
        ("Complete and Ongoing", Action.Status.COMPLETE_AND_EMBEDDING, ""),
        ("Complete & ongoing", Action.Status.COMPLETE_AND_EMBEDDING, ""),
        ("Not started", Action.Status.NOT_STARTED, ""),
        ("NOT STARTED", Action.Status.NOT_STARTED, ""),
        ("Red", None, Rag.RED),
        ("amber", None, Rag.AMBER),
        ("Green", None, Rag.GREEN),
        ("Blue", Action.Status.COMPLETE, Rag.BLUE),
        (" Complete. ", Action.Status.COMPLETE, ""),
        ("Delayed", None, ""),
        ("", None, ""),
    ],
)
def test_one_line(written, status, rag):
    reading = read_status(written)

    assert reading.status == status
    assert reading.rag == rag
    assert reading.is_understood is (status is not None or bool(rag))


@pytest.mark.parametrize(
    ("cell", "status", "rag"),
    [
        ("Complete\nComplete", Action.Status.COMPLETE, ""),
        ("Ongoing\nComplete", Action.Status.COMPLETE, ""),
        ("Complete and ongoing\nOngoing", Action.Status.IN_PROGRESS, ""),
        ("Ongoing\nComplete and ongoing\nOngoing", Action.Status.IN_PROGRESS, ""),
        ("Amber\nGreen", Action.Status.IN_PROGRESS, Rag.GREEN),
        ("Ongoing\nRed", Action.Status.IN_PROGRESS, Rag.RED),
        ("Red\nBlue", Action.Status.COMPLETE, Rag.BLUE),
        ("Ongoing\n\nDelayed", Action.Status.IN_PROGRESS, ""),
        ("", None, ""),
        ("Delayed", None, ""),
    ],
)
def test_several_lines_the_last_is_current(cell, status, rag):
    readings = read_statuses(cell)

    assert current_status(readings) == status
    assert current_rag(readings) == rag


@pytest.mark.parametrize(
    ("entries", "lines", "paired"),
    [
        (2, ["Complete", "Complete"], ["Complete", "Complete"]),
        (1, ["Ongoing", "Ongoing", "Ongoing"], ["Ongoing"]),
        (4, ["Ongoing", "Ongoing", "Complete"], ["Ongoing", "Ongoing", "", "Complete"]),
        (3, ["Complete"], ["", "", "Complete"]),
        (2, [], ["", ""]),
        (0, ["Complete"], []),
    ],
)
def test_progress_entries_pair_with_rag_lines_and_the_last_takes_the_last(entries, lines, paired):
    assert rag_line_for_each(entries, lines) == paired
