"""An action's timeline read a slice at a time (improvement_plan.timeline_selectors):
the computed RAG changes rule in SQL, and every slice the same as the whole read."""

import datetime

import pytest
from django.utils import timezone

from improvement_plan.timeline_selectors import Timeline, computed_rag_changes
from tests.improvement_plan.factories import (
    ActionFactory,
    DueDateChangeFactory,
    ProgressUpdateFactory,
)

START = timezone.make_aware(datetime.datetime(2023, 1, 2, 9))


def updates(action, rags: list[str]):
    for n, rag in enumerate(rags):
        ProgressUpdateFactory(
            action=action, computed_rag=rag, created_at=START + datetime.timedelta(days=n)
        )


@pytest.mark.parametrize(
    ("recorded", "changes"),
    [
        ([], []),
        (["green"], []),
        (["green", "green"], []),
        (["green", "amber"], [("green", "amber")]),
        (["green", "", "amber"], [("green", "amber")]),  # none recorded: passed over
        (["", "red", "", "", "red", "blue"], [("red", "blue")]),
        (["red", "amber", "red"], [("amber", "red"), ("red", "amber")]),  # newest first
    ],
)
def test_computed_rag_changes(db, recorded, changes):
    action = ActionFactory()
    updates(action, recorded)

    found = computed_rag_changes(action.progress_updates.all())

    assert [(from_rag, to_rag) for _, _, from_rag, to_rag in found] == changes


def test_each_slice_is_that_part_of_the_whole_newest_first(db):
    action = ActionFactory()
    updates(action, ["green", "amber", "amber", "red"] * 10)
    for n in range(3):
        DueDateChangeFactory(
            action=action, changed_at=START + datetime.timedelta(days=7 * n, hours=1)
        )
    timeline = Timeline(action)

    whole = timeline[0 : len(timeline)]
    pieces = [*timeline[0:25], *timeline[25:50], *timeline[50 : len(timeline)]]

    assert len(timeline) == len(whole)
    kinds = [entry.kind for entry in whole]
    assert (kinds.count("progress"), kinds.count("rag"), kinds.count("due_date")) == (40, 29, 3)
    assert [(e.kind, e.pk) for e in pieces] == [(e.kind, e.pk) for e in whole]
    assert [e.at for e in whole] == sorted((e.at for e in whole), reverse=True)
