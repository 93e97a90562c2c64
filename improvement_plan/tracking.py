"""Keeps each action's tracking facts, the inputs of the computed RAG that live outside the
action: when a lead last updated it and how often its due date moved.

Rule (improvement_plan.domain.rag): imported progress entries are not a lead's update;
every DueDateChange is one re-baseline. The facts are kept on Action so that lists judge
thousands of actions over plain columns (issue 13). They are recomputed from the rows,
never counted up, so a refresh after any write that adds, edits or removes a progress
update or a due-date change puts them right whatever happened before.
"""

from collections.abc import Iterable

from django.db.models import Count, IntegerField, Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from improvement_plan.models import Action, DueDateChange, ProgressUpdate


def _latest_update():
    return Subquery(
        ProgressUpdate.objects.filter(action=OuterRef("pk"), is_imported=False)
        .values("action")
        .annotate(latest=Max("created_at"))
        .values("latest")
    )


def _moves():
    moves = (
        DueDateChange.objects.filter(action=OuterRef("pk"))
        .values("action")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(moves, output_field=IntegerField()), 0)


def tracking_refresh_all(actions: QuerySet[Action]) -> int:
    """Recomputes the facts of every action in `actions` in one UPDATE; returns how many.

    A plain update: the facts are derived, so no history entry is written for them.
    """
    return actions.update(last_update_at=_latest_update(), rebaseline_count=_moves())


def tracking_refresh(*, action_ids: Iterable[int]) -> int:
    """Recomputes the facts of the actions with these ids (one query)."""
    return tracking_refresh_all(Action.objects.filter(pk__in=list(action_ids)))
