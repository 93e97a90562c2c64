"""The SQL form of the RAG rule agrees with the pure rule, case by case."""

import datetime

import pytest
from django.utils import timezone

from improvement_plan.models import Action
from improvement_plan.rag_selectors import judge, with_computed_rag
from tests.improvement_plan.factories import (
    ActionFactory,
    DueDateChangeFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2023, 1, 11)


def at(days_from_today: int) -> datetime.datetime:
    day = TODAY + datetime.timedelta(days=days_from_today)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))


CASES = [
    # status, due (days from today), lead's last update (days), imported update, moves
    ("complete", -100, None, False, 0),
    ("in_progress", -1, 0, False, 0),
    ("in_progress", 0, None, False, 0),
    ("in_progress", 14, -31, False, 0),
    ("in_progress", 14, -30, False, 0),
    ("in_progress", 14, None, True, 0),
    ("in_progress", 15, None, False, 0),
    ("in_progress", 90, -1, False, 2),
    ("in_progress", 90, -1, False, 1),
    ("not_started", None, None, False, 0),
    ("complete_embedding", None, None, False, 3),
]


@pytest.mark.parametrize(("status", "due", "updated", "imported", "moves"), CASES)
def test_sql_rule_matches_domain_rule(status, due, updated, imported, moves):
    due_date = None if due is None else TODAY + datetime.timedelta(days=due)
    action = ActionFactory(status=status, due_date=due_date)
    if updated is not None:
        ProgressUpdateFactory(action=action, created_at=at(updated))
    if imported:
        ProgressUpdateFactory(action=action, created_at=at(0), is_imported=True)
    for _ in range(moves):
        DueDateChangeFactory(action=action, changed_at=at(-5))
    annotated = with_computed_rag(Action.objects.filter(pk=action.pk), today=TODAY).get()
    assert annotated.rag == judge(annotated, today=TODAY).rag
