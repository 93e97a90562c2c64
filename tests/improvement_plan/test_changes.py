"""What changed since the last board (improvement_plan.domain.changes), as tables."""

import datetime

import pytest

from improvement_plan.domain.changes import (
    ActionState,
    IndicatorState,
    Review,
    compare_actions,
    compare_challenges,
    compare_indicators,
    rag_is_better,
)

MARCH = datetime.date(2023, 3, 31)
JUNE = datetime.date(2023, 6, 30)
TAKEN = datetime.datetime(2023, 1, 11, 18, tzinfo=datetime.UTC)


def action(rag="green", *, id=1, complete=False, due=MARCH, overdue=False):
    return ActionState(id, f"1.1.{id}", rag, complete, due, overdue)


def indicator(rag=None, spc=None, *, id=1):
    return IndicatorState(id, f"CIN{id}", f"Indicator {id}", rag, spc)


@pytest.mark.parametrize(
    ("was", "now", "better"),
    [
        ("red", "amber", True),
        ("amber", "green", True),
        ("green", "blue", True),
        ("red", "blue", True),
        ("amber", "red", False),
        ("green", "red", False),
        ("blue", "green", False),
    ],
)
def test_which_way_a_rag_moved(was, now, better):
    assert rag_is_better(was=was, now=now) is better
    [change] = compare_actions([action(was)], [action(now)]).rag_changed
    assert change.was == was
    assert change.better is better


@pytest.mark.parametrize(
    ("before", "now", "field", "count"),
    [
        (action("green"), action("green"), "rag_changed", 0),
        (action("green"), action("red", overdue=True), "newly_overdue", 1),
        (action("red", overdue=True), action("red", overdue=True), "newly_overdue", 0),
        (action(due=MARCH), action(due=JUNE), "due_dates_moved", 1),
        (action(due=MARCH), action(due=MARCH), "due_dates_moved", 0),
        (action(due=None), action(due=JUNE), "due_dates_moved", 1),
        (action("amber"), action("blue", complete=True), "completed", 1),
        (action("blue", complete=True), action("blue", complete=True), "completed", 0),
    ],
)
def test_what_changed_for_an_action(before, now, field, count):
    assert len(getattr(compare_actions([before], [now]), field)) == count


@pytest.mark.parametrize(
    ("was", "now", "later"),
    [(MARCH, JUNE, True), (JUNE, MARCH, False), (MARCH, None, True), (None, MARCH, False)],
)
def test_a_due_date_moved_later_or_earlier(was, now, later):
    [move] = compare_actions([action(due=was)], [action(due=now)]).due_dates_moved
    assert move.was == was
    assert move.later is later


def test_an_action_added_since_is_counted_as_added_and_overdue_if_so():
    changes = compare_actions([], [action("red", overdue=True)])
    assert len(changes.added) == 1
    assert len(changes.newly_overdue) == 1
    assert changes.rag_changed == ()


def test_better_and_worse_are_counted():
    before = [action("red", id=1), action("green", id=2), action("amber", id=3)]
    now = [action("amber", id=1), action("red", id=2), action("green", id=3)]
    changes = compare_actions(before, now)
    assert (changes.better, changes.worse) == (2, 1)


@pytest.mark.parametrize(
    ("before", "now", "red", "concern", "recovered"),
    [
        (indicator("green"), indicator("red"), 1, 0, 0),
        (None, indicator("red"), 1, 0, 0),
        (indicator("red"), indicator("red"), 0, 0, 0),
        (indicator("red"), indicator("amber"), 0, 0, 1),
        (indicator("red"), indicator("green"), 0, 0, 1),
        (indicator("red"), indicator(None), 0, 0, 0),
        (indicator(spc="common cause"), indicator(spc="concern"), 0, 1, 0),
        (indicator(spc="concern"), indicator(spc="concern"), 0, 0, 0),
        (indicator(spc="improvement"), indicator(spc="neutral"), 0, 0, 0),
    ],
)
def test_what_changed_for_an_indicator(before, now, red, concern, recovered):
    changes = compare_indicators([before] if before else [], [now])
    found = (len(changes.newly_red), len(changes.newly_concern), len(changes.recovered))
    assert found == (red, concern, recovered)


def at(hours):
    return TAKEN + datetime.timedelta(hours=hours)


@pytest.mark.parametrize(
    ("reviews", "raised", "answered"),
    [
        ([], 0, 0),
        ([Review(True, at(1), None)], 1, 0),
        ([Review(True, at(-1), None)], 0, 0),
        ([Review(True, at(-1), at(2))], 0, 1),
        ([Review(True, at(1), at(2))], 1, 1),
        ([Review(True, at(-2), at(-1))], 0, 0),
        ([Review(False, at(1), None)], 0, 0),
    ],
)
def test_challenges_raised_and_answered_since(reviews, raised, answered):
    changes = compare_challenges(reviews, since=TAKEN)
    assert (changes.raised, changes.answered) == (raised, answered)
