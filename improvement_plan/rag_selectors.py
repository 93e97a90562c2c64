"""Computed RAG for many actions at once, in the database, by the same rules.

improvement_plan.domain.rag is the rule. Lists need to filter, count and sort by
RAG across thousands of actions, so the rule is also written here as a SQL CASE over
the action's tracking facts, plain columns kept by improvement_plan.tracking, so it is
worked out once per row without a subquery (issue 13);
tests/improvement_plan/test_rag_selectors.py pins the two together.
"""

import datetime

from django.conf import settings
from django.db.models import Case, CharField, Q, QuerySet, Value, When
from django.utils import timezone

from improvement_plan.domain import rag
from improvement_plan.models import Action

COMPLETE_STATUSES = (Action.Status.COMPLETE, Action.Status.COMPLETE_AND_EMBEDDING)


def thresholds() -> rag.Thresholds:
    """The RAG thresholds from settings (PLAN_RAG_*)."""
    return rag.Thresholds(
        due_soon_days=settings.PLAN_RAG_DUE_SOON_DAYS,
        stale_update_days=settings.PLAN_RAG_STALE_UPDATE_DAYS,
        rebaseline_limit=settings.PLAN_RAG_REBASELINE_LIMIT,
    )


def _start_of_local_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def computed_rag_expression(*, today: datetime.date, limits: rag.Thresholds | None = None):
    """The rule of improvement_plan.domain.rag.computed_rag as a CASE over the action's
    columns; `today` is a parameter, so the passing of time needs no daily task."""
    limits = limits or thresholds()
    stale_before = _start_of_local_day(today - datetime.timedelta(days=limits.stale_update_days))
    due_soon_by = today + datetime.timedelta(days=limits.due_soon_days)
    stale = Q(last_update_at__isnull=True) | Q(last_update_at__lt=stale_before)
    return Case(
        When(status__in=COMPLETE_STATUSES, then=Value(rag.BLUE)),
        When(due_date__lt=today, then=Value(rag.RED)),
        When(rebaseline_count__gte=limits.rebaseline_limit, then=Value(rag.AMBER)),
        When(Q(due_date__lte=due_soon_by) & stale, then=Value(rag.AMBER)),
        default=Value(rag.GREEN),
        output_field=CharField(),
    )


def with_computed_rag(queryset: QuerySet[Action], *, today: datetime.date) -> QuerySet[Action]:
    """Actions annotated with `rag` (the computed RAG) for filtering, counting and sorting."""
    return queryset.annotate(rag=computed_rag_expression(today=today))


def judge(action: Action, *, today: datetime.date) -> rag.RagJudgement:
    """The computed RAG with its reason for one action, from its columns."""
    last = action.last_update_at
    return judge_facts(
        status=action.status, due_date=action.due_date,
        last_update_on=timezone.localdate(last) if last else None,
        rebaseline_count=action.rebaseline_count, today=today,
    )  # fmt: skip


def judge_facts(
    *,
    status: str,
    due_date: datetime.date | None,
    last_update_on: datetime.date | None,
    rebaseline_count: int,
    today: datetime.date,
    limits: rag.Thresholds | None = None,
) -> rag.RagJudgement:
    """judge() for an action read as values (a download of thousands of rows): the rule
    of improvement_plan.domain.rag over the same columns, the last update as a local
    date. Pass `limits` when judging many."""
    return rag.computed_rag(
        is_complete=status in COMPLETE_STATUSES,
        due_date=due_date,
        today=today,
        last_update_on=last_update_on,
        rebaseline_count=rebaseline_count,
        thresholds=limits or thresholds(),
    )


def tracked_action(pk: int) -> Action:
    """One action as saved now, its tracking facts included, for judge()."""
    return Action.objects.get(pk=pk)
