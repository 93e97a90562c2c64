"""Reads for the improvement plan."""

import datetime

from django.db.models import Prefetch, QuerySet

from governance.models import Post
from governance.selectors import post_ids_held
from improvement_plan.domain import due_dates
from improvement_plan.models import Action


def actions_led_by(*, person, today: datetime.date) -> QuerySet[Action]:
    """Actions led by any post `person` holds today; overdue first, then by due date.

    Actions with no due date (recurring ones) come last.
    """
    from django.db.models import F

    return (
        Action.objects.filter(lead_posts__in=post_ids_held(person=person, today=today))
        .distinct()
        .select_related("objective__priority__plan")
        .prefetch_related(Prefetch("lead_posts", queryset=Post.objects.order_by("name")))
        .order_by(F("due_date").asc(nulls_last=True), "reference")
    )


def days_overdue(action: Action, *, today: datetime.date) -> int | None:
    """The overdue rule (improvement_plan.domain.due_dates) applied to one action."""
    return due_dates.days_overdue(
        due_date=action.due_date, is_complete=action.is_complete, today=today
    )
