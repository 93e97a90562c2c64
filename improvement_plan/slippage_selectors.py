"""Reads for the slippage page: the plan's actions whose due date moved, most days
slipped first.

Rules:
- Slippage is improvement_plan.domain.slippage: every change counts as a re-baselining;
  days slipped is the sum of each change's move, a change from or to "no due date"
  adding none.
- To sort and page thousands of actions in the database, the count and the sum are
  also written here in SQL (annotations `times_moved`, `days_moved`);
  tests/improvement_plan/test_slippage_selectors.py pins the two together. What the page
  shows for a row is the domain rule over that row's changes (slippage_page_fill), read
  for the rows shown only: the page's queries do not grow with the plan.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import (
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from improvement_plan.domain.slippage import slippage
from improvement_plan.models import Action, DueDateChange, Plan
from improvement_plan.selectors import REFERENCE_ORDER

NO_DAYS = datetime.timedelta(0)


def _per_action(aggregate, output_field):
    """One figure of the action's due-date changes, as a correlated subquery."""
    changes = DueDateChange.objects.filter(action=OuterRef("pk")).order_by().values("action")
    return Subquery(changes.annotate(figure=aggregate).values("figure"), output_field=output_field)


def slipped_actions(plan: Plan | None) -> QuerySet[Action]:
    """The plan's actions re-baselined at least once, annotated `times_moved` and
    `days_moved` (a duration), most days moved first, then in reference order."""
    if plan is None:
        return Action.objects.none()
    moved = ExpressionWrapper(F("to_date") - F("from_date"), output_field=DurationField())
    days = _per_action(Sum(moved), DurationField())
    return (
        Action.objects.filter(
            Exists(DueDateChange.objects.filter(action=OuterRef("pk"))),
            objective__priority__plan=plan,
        )
        .annotate(
            times_moved=_per_action(Count("pk"), IntegerField()),
            days_moved=Coalesce(days, Value(NO_DAYS), output_field=DurationField()),
        )
        .order_by(F("days_moved").desc(), *REFERENCE_ORDER)
    )


def slippage_page_fill(actions: Iterable[Action]) -> None:
    """Each shown action's `changes` (oldest first, with who made them) and `slippage`
    (the domain rule over them): one query for the rows shown."""
    by_action = {action.pk: action for action in actions}
    changes = defaultdict(list)
    found = DueDateChange.objects.filter(action_id__in=by_action).select_related("changed_by")
    for change in found.order_by("changed_at", "id"):
        changes[change.action_id].append(change)
    for pk, action in by_action.items():
        action.changes = changes[pk]
        action.slippage = slippage([(c.from_date, c.to_date) for c in changes[pk]])
