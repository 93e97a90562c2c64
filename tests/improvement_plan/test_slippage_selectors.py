"""The slippage page sorts by the database's count and sum of due-date moves
(slippage_selectors.slipped_actions) and shows the domain rule's
(improvement_plan.domain.slippage): the two must agree, whatever the changes."""

import datetime

import pytest

from improvement_plan.domain.slippage import slippage
from improvement_plan.slippage_selectors import slippage_page_fill, slipped_actions
from tests.improvement_plan.factories import ActionFactory, DueDateChangeFactory, PlanFactory

D = datetime.date
MOVES = {
    "later twice": [(D(2023, 3, 31), D(2023, 6, 30)), (D(2023, 6, 30), D(2023, 9, 30))],
    "brought forward": [(D(2023, 9, 30), D(2023, 6, 1))],
    "to no date and back": [(D(2023, 3, 31), None), (None, D(2024, 1, 31))],
    "once, a day": [(D(2024, 2, 28), D(2024, 2, 29))],
    "forward then back": [(D(2023, 1, 1), D(2023, 12, 31)), (D(2023, 12, 31), D(2023, 2, 1))],
}


@pytest.fixture
def moved(db):
    plan = PlanFactory()
    actions = {}
    for name, changes in MOVES.items():
        action = ActionFactory(objective__priority__plan=plan, description=name)
        for n, (from_date, to_date) in enumerate(changes):
            DueDateChangeFactory(
                action=action,
                from_date=from_date,
                to_date=to_date,
                changed_at=datetime.datetime(2023, 1, 1 + n, tzinfo=datetime.UTC),
            )
        actions[name] = action
    ActionFactory(objective__priority__plan=plan, description="never moved")
    return plan


def test_database_figures_agree_with_the_domain_rule_and_sort_most_days_first(moved):
    rows = list(slipped_actions(moved))
    slippage_page_fill(rows)

    for row in rows:
        expected = slippage(MOVES[row.description])
        assert row.slippage == expected
        assert row.times_moved == expected.times_rebaselined
        assert row.days_moved == datetime.timedelta(days=expected.days_slipped)
    days = [row.slippage.days_slipped for row in rows]
    assert days == sorted(days, reverse=True)
    assert {row.description for row in rows} == set(MOVES)  # "never moved" is not listed


def test_no_plan_lists_nothing(db):
    assert list(slipped_actions(None)) == []
