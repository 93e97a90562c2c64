"""Reads for the improvement plan."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q, QuerySet

from governance.models import Post
from governance.selectors import post_ids_held
from improvement_plan.domain import due_dates
from improvement_plan.models import Action, Objective, Plan, Priority

COMPLETE_STATUSES = frozenset({Action.Status.COMPLETE, Action.Status.COMPLETE_AND_EMBEDDING})


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


def current_plan() -> Plan | None:
    """The current plan is the one that starts latest; a plan with no start date comes last."""
    return Plan.objects.order_by(F("starts_on").desc(nulls_last=True), "-created_at").first()


@dataclass(frozen=True)
class PrioritySummary:
    """One priority of the plan as the overview shows it."""

    priority: Priority
    actions: list[Action]
    status_counts: list[tuple[str, str, int]]
    overdue_count: int
    percent_complete: int | None


def _status_counts() -> dict[str, Count]:
    """Annotations counting a priority's actions in each status, one per Action.Status."""
    return {
        f"count_{value}": Count("objectives__actions", filter=Q(objectives__actions__status=value))
        for value in Action.Status.values
    }


def _plan_priorities(plan: Plan) -> QuerySet[Priority]:
    """A plan's priorities in number order, with status counts and actions in reference order."""
    actions = Action.objects.order_by("order").prefetch_related(
        Prefetch("lead_posts", queryset=Post.objects.order_by("name"))
    )
    objectives = Objective.objects.order_by("order").prefetch_related(
        Prefetch("actions", queryset=actions)
    )
    return (
        Priority.objects.filter(plan=plan)
        .annotate(**_status_counts())
        .prefetch_related(Prefetch("objectives", queryset=objectives))
        .order_by("number")
    )


def percent_complete(*, complete: int, total: int) -> int | None:
    """Share of actions complete (including "complete and embedding"), rounded; None if none."""
    if total == 0:
        return None
    return round(100 * complete / total)


def priority_summaries(plan: Plan, *, today: datetime.date) -> list[PrioritySummary]:
    """Each priority's actions, counts by status, overdue count and % complete.

    Overdue follows the due-date rule (days_overdue). Query count does not grow with
    the number of actions: counts are annotated and actions prefetched.
    """
    summaries = []
    for priority in _plan_priorities(plan):
        actions = [a for objective in priority.objectives.all() for a in objective.actions.all()]
        counts = [
            (value, label, getattr(priority, f"count_{value}"))
            for value, label in Action.Status.choices
        ]
        complete = sum(n for value, _, n in counts if value in COMPLETE_STATUSES)
        summaries.append(
            PrioritySummary(
                priority=priority,
                actions=actions,
                status_counts=counts,
                overdue_count=sum(1 for a in actions if days_overdue(a, today=today) is not None),
                percent_complete=percent_complete(
                    complete=complete, total=sum(n for _, _, n in counts)
                ),
            )
        )
    return summaries
