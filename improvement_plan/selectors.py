"""Reads for the improvement plan: the queries the overview and the list pages are shaped by.

Every list reads a fixed number of queries however many actions it shows: the computed
RAG and its tracking facts are annotations (rag_selectors), priorities are joined and
lead posts and due-date changes prefetched.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value, When

from governance.models import Post
from governance.selectors import post_ids_held
from improvement_plan.domain import due_dates, rag
from improvement_plan.domain.priority_order import worst_first_key
from improvement_plan.models import Action, Plan, Priority
from improvement_plan.rag_selectors import with_computed_rag

COMPLETE_STATUSES = frozenset({Action.Status.COMPLETE, Action.Status.COMPLETE_AND_EMBEDDING})

# Reference order: 1.2.9 before 1.2.10, because it is read from the numbers, not the text.
REFERENCE_ORDER = ("objective__priority__number", "objective__order", "order")


def _leads_by_name() -> Prefetch:
    return Prefetch("lead_posts", queryset=Post.objects.order_by("name"))


def overdue_q(*, today: datetime.date) -> Q:
    """The overdue rule (improvement_plan.domain.due_dates) as a filter: past due, not complete."""
    return Q(due_date__lt=today) & ~Q(status__in=COMPLETE_STATUSES)


def _overdue_first(queryset: QuerySet[Action], *, today: datetime.date) -> QuerySet[Action]:
    """Overdue actions first, then by due date (none, i.e. recurring, last), then reference."""
    return queryset.annotate(
        overdue_rank=Case(When(overdue_q(today=today), then=Value(0)), default=Value(1))
    ).order_by("overdue_rank", F("due_date").asc(nulls_last=True), *REFERENCE_ORDER)


def _led_by_q(*, person, today: datetime.date) -> Exists:
    """Led by a post `person` holds today: an EXISTS, so an action led by two of them is one row."""
    leads = Action.lead_posts.through.objects.filter(
        action=OuterRef("pk"), post_id__in=post_ids_held(person=person, today=today)
    )
    return Exists(leads)


def actions_led_by(*, person, today: datetime.date) -> QuerySet[Action]:
    """Actions led by any post `person` holds today; overdue first, then by due date.

    Actions with no due date (recurring ones) come last among the rest.
    """
    queryset = (
        Action.objects.filter(_led_by_q(person=person, today=today))
        .select_related("objective__priority__plan")
        .prefetch_related(_leads_by_name())
    )
    return _overdue_first(queryset, today=today)


def days_overdue(action: Action, *, today: datetime.date) -> int | None:
    """The overdue rule (improvement_plan.domain.due_dates) applied to one action."""
    return due_dates.days_overdue(
        due_date=action.due_date, is_complete=action.is_complete, today=today
    )


def current_plan() -> Plan | None:
    """The current plan is the one that starts latest; a plan with no start date comes last."""
    return Plan.objects.order_by(F("starts_on").desc(nulls_last=True), "-created_at").first()


def action_rows(queryset: QuerySet[Action], *, today: datetime.date) -> QuerySet[Action]:
    """Actions ready for a list: computed `rag` and its facts, priority, leads by name.

    In reference order (REFERENCE_ORDER); a table's sort replaces it.
    """
    return (
        with_computed_rag(queryset, today=today)
        .select_related("objective__priority")
        .prefetch_related(_leads_by_name())
        .order_by(*REFERENCE_ORDER)
    )


def plan_action_rows(plan: Plan | None, *, today: datetime.date) -> QuerySet[Action]:
    """The plan's actions as action_rows(); none when there is no plan."""
    if plan is None:
        return Action.objects.none()
    return action_rows(Action.objects.filter(objective__priority__plan=plan), today=today)


def my_action_rows(*, person, today: datetime.date) -> QuerySet[Action]:
    """What `person` leads today (posts held today) as action_rows(), overdue first."""
    queryset = action_rows(
        Action.objects.filter(_led_by_q(person=person, today=today)), today=today
    )
    return _overdue_first(queryset, today=today)


def plan_priorities(plan: Plan | None) -> QuerySet[Priority]:
    """A plan's priorities in number order (the action list's priority filter)."""
    return Priority.objects.filter(plan=plan).order_by("number")


def plan_lead_posts(plan: Plan | None) -> QuerySet[Post]:
    """The posts that lead at least one of the plan's actions, by name."""
    return Post.objects.filter(
        Exists(
            Action.lead_posts.through.objects.filter(
                post=OuterRef("pk"), action__objective__priority__plan=plan
            )
        )
    ).order_by("name")


def percent_complete(*, complete: int, total: int) -> int | None:
    """Share of actions complete (including "complete and embedding"), rounded; None if none."""
    if total == 0:
        return None
    return round(100 * complete / total)


@dataclass(frozen=True)
class RagCounts:
    """How many actions of a priority (or of the plan: priority None) have each computed RAG."""

    priority: Priority | None
    red: int = 0
    amber: int = 0
    green: int = 0
    blue: int = 0
    total: int = 0
    complete: int = 0

    @property
    def percent_complete(self) -> int | None:
        return percent_complete(complete=self.complete, total=self.total)

    @property
    def by_rag(self) -> list[tuple[str, int]]:
        """(rag, count) worst first, for templates."""
        return [(value, getattr(self, value)) for value in rag.WORST_FIRST]


@dataclass(frozen=True)
class PlanOverview:
    priorities: list[RagCounts]
    totals: RagCounts


def _counts_by_priority(plan: Plan, *, today: datetime.date) -> dict[int, dict[str, int]]:
    """One query grouped by priority and computed RAG: per priority id, actions by RAG, in
    all, and complete. The RAG is worked out once per action, over plain columns
    (rag_selectors); complete is Blue, the rule's first case."""
    rows = (
        with_computed_rag(Action.objects.filter(objective__priority__plan=plan), today=today)
        .values_list("objective__priority", "rag")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[int, dict[str, int]] = {}
    for priority_id, value, n in rows:
        row = counts.setdefault(priority_id, {"total": 0})
        row[value] = n
        row["total"] += n
    for row in counts.values():
        row["complete"] = row.get(rag.BLUE, 0)
    return counts


def plan_overview(plan: Plan, *, today: datetime.date) -> PlanOverview:
    """Each priority's computed-RAG counts and % complete, worst first, and the plan's totals.

    Worst first is the rule in improvement_plan.domain.priority_order. Two queries
    (priorities, grouped counts) however many actions the plan has.
    """
    counts = _counts_by_priority(plan, today=today)
    rows = [
        RagCounts(priority, **counts.get(priority.pk, {})) for priority in plan_priorities(plan)
    ]
    rows.sort(
        key=lambda row: worst_first_key(red=row.red, amber=row.amber, number=row.priority.number)
    )
    fields = ("red", "amber", "green", "blue", "total", "complete")
    totals = RagCounts(None, **{name: sum(getattr(row, name) for row in rows) for name in fields})
    return PlanOverview(priorities=rows, totals=totals)
