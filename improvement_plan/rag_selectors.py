"""Computed RAG for many actions at once, in the database, by the same rules.

improvement_plan.domain.rag is the rule. Lists need to filter, count and sort by
RAG across thousands of actions, so the rule is also written here as a SQL CASE over
two annotations; tests/improvement_plan/test_rag_selectors.py pins the two together.
"""

import datetime

from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    Count,
    DateTimeField,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from improvement_plan.domain import rag
from improvement_plan.models import Action, DueDateChange, ProgressUpdate

COMPLETE_STATUSES = (Action.Status.COMPLETE, Action.Status.COMPLETE_AND_EMBEDDING)


def thresholds() -> rag.Thresholds:
    """The RAG thresholds from settings (PLAN_RAG_*)."""
    return rag.Thresholds(
        due_soon_days=settings.PLAN_RAG_DUE_SOON_DAYS,
        stale_update_days=settings.PLAN_RAG_STALE_UPDATE_DAYS,
        rebaseline_limit=settings.PLAN_RAG_REBASELINE_LIMIT,
    )


def with_tracking(queryset: QuerySet[Action]) -> QuerySet[Action]:
    """Annotates `last_update_at` (latest lead's update; imported entries do not count)
    and `rebaseline_count` (due-date changes), each by a subquery so they do not multiply.
    """
    last_update = (
        ProgressUpdate.objects.filter(action=OuterRef("pk"), is_imported=False)
        .values("action")
        .annotate(latest=Max("created_at"))
        .values("latest")
    )
    moves = (
        DueDateChange.objects.filter(action=OuterRef("pk"))
        .values("action")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        last_update_at=Subquery(last_update, output_field=DateTimeField()),
        rebaseline_count=Coalesce(Subquery(moves, output_field=IntegerField()), 0),
    )


def _start_of_local_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def computed_rag_expression(*, today: datetime.date, limits: rag.Thresholds | None = None):
    """The rule of improvement_plan.domain.rag.computed_rag as a CASE over with_tracking()."""
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
    """Actions annotated with tracking facts and `rag` (the computed RAG) for filtering."""
    return with_tracking(queryset).annotate(rag=computed_rag_expression(today=today))


def judge(action: Action, *, today: datetime.date) -> rag.RagJudgement:
    """The computed RAG with its reason for one action annotated by with_tracking()."""
    last = action.last_update_at
    return rag.computed_rag(
        is_complete=action.is_complete,
        due_date=action.due_date,
        today=today,
        last_update_on=timezone.localdate(last) if last else None,
        rebaseline_count=action.rebaseline_count,
        thresholds=thresholds(),
    )


def tracked_action(pk: int) -> Action:
    """One action with the tracking annotations judge() needs."""
    return with_tracking(Action.objects.filter(pk=pk)).get()
