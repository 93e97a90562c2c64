"""Now's judgements read in SQL (improvement_plan.records.now) are the ones a record
would keep now (improvement_plan.records.snapshot), case by case, in fixed queries."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from improvement_plan.domain.rag import AMBER, BLUE, GREEN, RED
from improvement_plan.models import Action
from improvement_plan.records.now import actions_now, indicators_now
from improvement_plan.records.selectors import action_states, indicator_states
from improvement_plan.records.snapshot import action_facts, indicator_facts
from scorecard.domain.spc import COMMON_CAUSE, CONCERN
from scorecard.judgement_services import indicator_judgements_refresh
from scorecard.models import Indicator, IndicatorJudgement, IndicatorValue
from scorecard.selectors.months import add_months
from tests.improvement_plan.factories import (
    ActionFactory,
    ObjectiveFactory,
    PlanFactory,
    ProgressUpdateFactory,
)
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, TargetFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2023, 3, 1)
MONTH = datetime.date(2023, 1, 1)
APPROVED, SUBMITTED = IndicatorValue.State.APPROVED, IndicatorValue.State.SUBMITTED


def _approved(indicator, figures, *, last=MONTH):
    """Approved values for the months up to `last`, oldest first, judged once."""
    months = [add_months(last, n - len(figures) + 1) for n in range(len(figures))]
    IndicatorValue.objects.bulk_create(
        IndicatorValue(indicator=indicator, period=month, value=figure, state=APPROVED)
        for month, figure in zip(months, figures, strict=True)
    )
    indicator_judgements_refresh(indicator_ids=[indicator.pk])


def _scorecard():
    """One indicator for each case the comparison reads."""
    at_least = {"written": ">85%", "kind": "min", "low": 85, "high": None}
    for ref, value in (("GREEN", 90), ("AMBER", 82), ("RED", 60)):
        TargetFactory(indicator=IndicatorFactory(ref=ref), **at_least)
        IndicatorValueFactory(indicator=Indicator.objects.get(ref=ref), period=MONTH, value=value,
                              state=APPROVED)  # fmt: skip
    moved = IndicatorFactory(ref="TARGET_MOVED")  # judged by the target of its own month
    TargetFactory(indicator=moved, **at_least, effective_from=datetime.date(2022, 1, 1))
    TargetFactory(indicator=moved, written=">50%", kind="min", low=50, high=None,
                  effective_from=datetime.date(2022, 12, 1))  # fmt: skip
    IndicatorValueFactory(indicator=moved, period=datetime.date(2022, 11, 1), value=60,
                          state=APPROVED)  # fmt: skip
    IndicatorValueFactory(indicator=moved, period=MONTH, value=99, state=SUBMITTED)
    unset = IndicatorFactory(ref="UNSET", polarity=Indicator.Polarity.NOT_SET)
    TargetFactory(indicator=unset, **at_least)
    IndicatorValueFactory(indicator=unset, period=MONTH, value=10, state=APPROVED)
    IndicatorValueFactory(indicator=IndicatorFactory(ref="NO_TARGET"), period=MONTH, value=10,
                          state=APPROVED)  # fmt: skip
    missing = IndicatorFactory(ref="MISSING")
    TargetFactory(indicator=missing, **at_least)
    IndicatorValueFactory(indicator=missing, period=MONTH, value=None, missing_reason="Late",
                          state=APPROVED)  # fmt: skip
    too_old = IndicatorFactory(ref="TOO_OLD")
    TargetFactory(indicator=too_old, **at_least, effective_from=datetime.date(2018, 1, 1))
    IndicatorValueFactory(indicator=too_old, period=datetime.date(2019, 1, 1), value=10,
                          state=APPROVED)  # fmt: skip
    IndicatorFactory(ref="NONE")
    _approved(IndicatorFactory(ref="CONCERN"), [50] * 14 + [10])
    _approved(IndicatorFactory(ref="STEADY"), [50, 51] * 7 + [50])
    _approved(IndicatorFactory(ref="FEW"), [50, 10])
    later = IndicatorFactory(ref="LATER")  # a figure after the month is not read
    _approved(later, [50] * 14 + [10], last=add_months(MONTH, 1))


def test_each_indicator_is_judged_now_as_a_record_would_keep_it():
    _scorecard()
    now = {state.ref: state for state in indicators_now(period=MONTH)}
    kept = {state.ref: state for state in indicator_states(indicator_facts(period=MONTH))}
    assert now == kept
    assert [(now[ref].rag, now[ref].spc_label) for ref in ("GREEN", "AMBER", "RED")] == [
        ("green", None), ("amber", None), ("red", None),
    ]  # fmt: skip
    assert now["TARGET_MOVED"].rag == "red"  # 60 against >85%, the target of November
    assert {now[ref].rag for ref in ("UNSET", "NO_TARGET", "MISSING", "TOO_OLD", "NONE")} == {None}
    assert (now["CONCERN"].spc_label, now["STEADY"].spc_label) == (CONCERN, COMMON_CAUSE)
    assert (now["FEW"].spc_label, now["LATER"].spc_label) == (None, COMMON_CAUSE)


def test_the_indicators_read_in_the_scorecards_order():
    _scorecard()
    kept = [state.ref for state in indicator_states(indicator_facts(period=MONTH))]
    assert [state.ref for state in indicators_now(period=MONTH)] == kept


def test_an_indicator_without_a_stored_judgement_has_no_spc_label():
    _approved(IndicatorFactory(ref="CONCERN"), [50] * 14 + [10])
    IndicatorJudgement.objects.all().delete()
    [state] = indicators_now(period=MONTH)
    assert state.spc_label is None
    assert [state] == indicator_states(indicator_facts(period=MONTH))


def _plan():
    plan = PlanFactory()
    second = ObjectiveFactory(priority__plan=plan, priority__number=2)
    first = ObjectiveFactory(priority__plan=plan, priority__number=1)
    ActionFactory(objective=second, due_date=datetime.date(2023, 9, 1), description="x" * 400)
    ActionFactory(objective=first, due_date=datetime.date(2023, 2, 1))  # overdue: Red
    ActionFactory(objective=first, due_date=datetime.date(2023, 3, 10))  # due soon, stale
    ActionFactory(objective=first, due_date=None)  # recurring
    ActionFactory(
        objective=first, due_date=datetime.date(2023, 2, 1), status=Action.Status.COMPLETE
    )
    fresh = ActionFactory(objective=second, due_date=datetime.date(2023, 3, 10))
    ProgressUpdateFactory(
        action=fresh, created_at=timezone.make_aware(datetime.datetime(2023, 2, 25))
    )
    return plan


def test_each_action_is_judged_now_as_a_record_would_keep_it():
    plan = _plan()
    now = actions_now(plan, today=TODAY)
    assert now.states == action_states(action_facts(plan, today=TODAY))
    assert sorted(state.rag for state in now.states) == sorted(
        [GREEN, RED, AMBER, GREEN, BLUE, GREEN]
    )
    assert [state.overdue for state in now.states if state.rag == RED] == [True]
    assert {len(state.description) for state in now.states} >= {300}
    priorities = dict(Action.objects.values_list("pk", "objective__priority"))
    assert now.priority_of == priorities


@pytest.mark.parametrize("size", [1, 6])
def test_now_takes_the_same_queries_for_one_and_many(size, django_assert_num_queries):
    plan = PlanFactory()
    for n in range(size):
        ActionFactory(objective__priority__plan=plan, reference=f"1.{n}.1")
        TargetFactory(indicator=IndicatorFactory(ref=f"CIN{n}"))
        _approved(Indicator.objects.get(ref=f"CIN{n}"), [Decimal(50 + n)] * 13)
    with django_assert_num_queries(1):
        assert len(actions_now(plan, today=TODAY).states) == size
    with django_assert_num_queries(3):
        assert len(indicators_now(period=MONTH)) == size
