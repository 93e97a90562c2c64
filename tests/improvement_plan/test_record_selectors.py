"""Meetings' records read back (improvement_plan.records.selectors): what changed since
the last board, the plan's RAG at each board, and their query counts."""

import datetime

import pytest
from django.utils import timezone

from improvement_plan.models import Action, DirectorReview
from improvement_plan.records.selectors import (
    NO_SCORECARD_THEN,
    changes_since_last_record,
    rag_at_each_board,
)
from improvement_plan.records.services import board_record_take
from scorecard.models import IndicatorValue
from tests.improvement_plan.factories import ActionFactory, PlanFactory, ProgressUpdateFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, TargetFactory

pytestmark = pytest.mark.django_db
APPROVED = IndicatorValue.State.APPROVED
BOARD_DAY = datetime.date(2023, 1, 11)
TODAY = datetime.date(2023, 3, 1)
NOVEMBER, DECEMBER = datetime.date(2022, 11, 1), datetime.date(2022, 12, 1)


def take(plan, *, period=NOVEMBER, day=BOARD_DAY, occasion="Improvement Board, 11 January 2023"):
    return board_record_take(
        plan=plan,
        occasion=occasion,
        presented_on=day,
        scorecard_period=period,
        user=None,
        today=day,
    )


def indicator_at(value, *, period=NOVEMBER, ref="CIN8"):
    indicator = IndicatorFactory(ref=ref)
    TargetFactory(indicator=indicator, written=">85%", kind="min", low=85, high=None)
    IndicatorValueFactory(indicator=indicator, period=period, value=value, state=APPROVED)
    return indicator


def test_nothing_to_compare_before_any_board(db):
    plan = PlanFactory()
    ActionFactory(objective__priority__plan=plan)
    assert changes_since_last_record(plan=plan, today=TODAY) is None
    assert changes_since_last_record(plan=None, today=TODAY) is None


def test_what_changed_since_the_last_board(db):
    plan = PlanFactory()
    slipping = ActionFactory(objective__priority__plan=plan, due_date=datetime.date(2023, 2, 1))
    finishing = ActionFactory(objective__priority__plan=plan, due_date=datetime.date(2023, 6, 1))
    moved = ActionFactory(objective__priority__plan=plan, due_date=datetime.date(2023, 6, 1))
    red_then = indicator_at(70, ref="CIN8")
    green_then = indicator_at(95, ref="CIN9")
    record = take(plan)
    Action.objects.filter(pk=finishing.pk).update(status=Action.Status.COMPLETE)
    Action.objects.filter(pk=moved.pk).update(due_date=datetime.date(2023, 9, 1))
    IndicatorValueFactory(indicator=red_then, period=DECEMBER, value=90, state=APPROVED)
    IndicatorValueFactory(indicator=green_then, period=DECEMBER, value=60, state=APPROVED)
    DirectorReview.objects.create(
        action=moved, decision="challenged", rag="green", reviewed_at=timezone.now()
    )

    since = changes_since_last_record(plan=plan, today=TODAY)

    assert since.record == record
    assert since.occasion == "Improvement Board, 11 January 2023"
    assert [a.id for a in since.actions.newly_overdue] == [slipping.pk]
    assert [a.id for a in since.actions.completed] == [finishing.pk]
    [move] = since.actions.due_dates_moved
    assert (move.action.id, move.was, move.later) == (moved.pk, datetime.date(2023, 6, 1), True)
    worse = {c.action.id: (c.was, c.action.rag, c.better) for c in since.actions.rag_changed}
    assert worse[slipping.pk] == ("green", "red", False)
    assert worse[finishing.pk] == ("green", "blue", True)
    assert [i.ref for i in since.indicators.newly_red] == ["CIN9"]
    assert [i.ref for i in since.indicators.recovered] == ["CIN8"]
    assert (since.challenges.raised, since.challenges.answered) == (1, 0)
    assert not since.nothing_changed


def test_a_challenge_answered_since_is_counted(db):
    plan = PlanFactory()
    action = ActionFactory(objective__priority__plan=plan, due_date=datetime.date(2023, 6, 1))
    review = DirectorReview.objects.create(
        action=action,
        decision="challenged",
        rag="green",
        reviewed_at=timezone.now() - datetime.timedelta(days=1),
    )
    take(plan, period=None)
    review.answered_by = ProgressUpdateFactory(action=action)
    review.save()
    since = changes_since_last_record(plan=plan, today=TODAY)
    assert (since.challenges.raised, since.challenges.answered) == (0, 1)
    assert since.indicators_not_compared == NO_SCORECARD_THEN


def test_a_record_presented_after_today_is_not_the_last_board(db):
    plan = PlanFactory()
    take(plan, day=BOARD_DAY)
    take(plan, day=datetime.date(2023, 4, 1), occasion="Later")
    since = changes_since_last_record(plan=plan, today=TODAY)
    assert since.occasion == "Improvement Board, 11 January 2023"


def test_rag_at_each_board_oldest_first_then_today(db):
    plan = PlanFactory()
    action = ActionFactory(objective__priority__plan=plan, due_date=datetime.date(2023, 2, 1))
    take(plan, day=BOARD_DAY, occasion="January")
    Action.objects.filter(pk=action.pk).update(status=Action.Status.COMPLETE)
    take(plan, day=datetime.date(2023, 2, 15), occasion="February")
    rows = rag_at_each_board(
        plan=plan, today=TODAY, now={"red": 0, "amber": 0, "green": 0, "blue": 1}
    )
    assert [(r.occasion, r.green, r.blue, r.is_now) for r in rows] == [
        ("January", 1, 0, False),
        ("February", 0, 1, False),
        ("Today", 0, 1, True),
    ]
    assert rows[0].by_rag == [("red", 0), ("amber", 0), ("green", 1), ("blue", 0)]


def _plan_of(size: int):
    plan = PlanFactory()
    for n in range(size):
        ActionFactory(objective__priority__plan=plan, reference=f"1.{n}.1")
        indicator_at(70 + n, ref=f"CIN{n}")
    take(plan)
    for indicator in IndicatorValue.objects.values_list("indicator", flat=True):
        IndicatorValueFactory(indicator_id=indicator, period=DECEMBER, value=60, state=APPROVED)
    return plan


@pytest.mark.parametrize("size", [1, 8])
def test_the_comparison_takes_the_same_queries_for_one_and_many(size, django_assert_num_queries):
    plan = _plan_of(size)
    # the record, now's actions, the month, now's indicators, their SPC, targets, reviews
    with django_assert_num_queries(7):
        since = changes_since_last_record(plan=plan, today=TODAY)
    assert len(since.record.indicators) == size


@pytest.mark.parametrize("size", [1, 5])
def test_rag_at_each_board_takes_one_query(size, django_assert_num_queries):
    plan = PlanFactory()
    ActionFactory(objective__priority__plan=plan)
    for n in range(size):
        take(plan, day=BOARD_DAY + datetime.timedelta(days=n), occasion=f"Board {n}")
    with django_assert_num_queries(1):
        assert len(rag_at_each_board(plan=plan, today=TODAY)) == size
