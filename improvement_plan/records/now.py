"""Now's judgements as "since the last board" compares them with a record, read in SQL
as plain values: a fixed, small number of queries and no model instance per row
(issue 13: at 3,000 actions and 426 indicators the page must stay within 10x of a bare
page).

Rules (the same as improvement_plan.records.snapshot judges for a record, so what is
compared is what a record would keep now):
- Actions: each of the plan's actions, in the plan's order, with its computed RAG (the
  SQL CASE of improvement_plan.rag_selectors, pinned to improvement_plan.domain.rag),
  whether it is complete, its due date, whether it is overdue on `today`
  (improvement_plan.domain.due_dates), and its priority's id. One query.
- Indicators: each indicator's latest approved value from LOOK_BACK_MONTHS before the
  scorecard month up to it; its RAG against the target in force in that value's own
  month (scorecard.domain.rag, from plain values); and the SPC label of the stored
  judgement on or before the scorecard month (scorecard.models.IndicatorJudgement):
  common cause unless the latest point is flagged, none without limits or without a
  point. An indicator with no approved value in those months has neither. Three
  queries: the indicators with their latest figure (a lookup each through the
  (indicator, period) indexes, not 36 months of values), their judgements' labels, and
  the targets.
"""

import datetime
from dataclasses import dataclass

from django.db.models import BooleanField, ExpressionWrapper, F, OuterRef, Q, Subquery
from django.db.models.functions import Left

from improvement_plan.domain import changes, due_dates
from improvement_plan.models import Action, Plan
from improvement_plan.rag_selectors import COMPLETE_STATUSES, computed_rag_expression
from improvement_plan.records.snapshot import LOOK_BACK_MONTHS
from scorecard.domain.rag import rag_against_target
from scorecard.domain.spc import COMMON_CAUSE
from scorecard.models import Indicator, IndicatorJudgement, IndicatorValue
from scorecard.selectors.light import TargetRecord, target_records
from scorecard.selectors.months import add_months
from scorecard.selectors.rows import target_in_force
from scorecard.selectors.spc import newest_judgements

DESCRIPTION_KEPT = 300  # as a record keeps it (snapshot._action_fact)
APPROVED = IndicatorValue.State.APPROVED
# the scorecard's order (scorecard.selectors.rows.scorecard_indicators), so the lists of
# indicators that changed read in the order a record's do
SCORECARD_ORDER = (F("section__order").asc(nulls_first=True), "section__title", "order", "ref")


@dataclass(frozen=True)
class ActionsNow:
    """The plan's actions now, and which priority (by id) each action is in."""

    states: list[changes.ActionState]
    priority_of: dict[int, int]


def actions_now(plan: Plan, *, today: datetime.date) -> ActionsNow:
    """Each of the plan's actions as judged on `today` (module docstring), in the plan's
    order: priority, objective, action. One query; sorted here, which costs the database
    more than it costs Python (a sort of every row before the first is sent)."""
    rows = sorted(
        Action.objects.filter(objective__priority__plan=plan)
        .order_by()
        .annotate(
            rag=computed_rag_expression(today=today), text=Left("description", DESCRIPTION_KEPT)
        )
        .values_list(
            "objective__priority__number", "objective__order", "order", "pk", "reference",
            "rag", "status", "due_date", "text", "objective__priority",
        )
    )  # fmt: skip
    states, priority_of = [], {}
    for *_, pk, reference, rag, status, due_date, text, priority in rows:
        complete = status in COMPLETE_STATUSES
        overdue = due_dates.days_overdue(due_date=due_date, is_complete=complete, today=today)
        states.append(
            changes.ActionState(pk, reference, rag, complete, due_date, bool(overdue), text)
        )
        priority_of[pk] = priority
    return ActionsNow(states, priority_of)


def _latest_values(period: datetime.date):
    """The indicator's approved values in the months read, newest first."""
    return IndicatorValue.objects.filter(
        indicator_id=OuterRef("pk"),
        state=APPROVED,
        period__gte=add_months(period, -LOOK_BACK_MONTHS),
        period__lte=period,
    ).order_by("-period")


def _indicator_rows(period: datetime.date) -> list[tuple]:
    """Each indicator's plain facts: its latest figure's month and value, and the id of
    its stored judgement. One query, a correlated lookup per indicator through the
    (indicator, period) indexes, not the months of values."""
    latest, judgement = _latest_values(period), newest_judgements(period)
    rows = Indicator.objects.order_by(*SCORECARD_ORDER).annotate(
        own=Subquery(latest.values("period")[:1]),
        figure=Subquery(latest.values("value")[:1]),
        judgement=Subquery(judgement.values("pk")[:1]),
    )
    return list(
        rows.values_list(
            "pk", "ref", "title", "polarity", "unit", "amber_tolerance", "own", "figure",
            "judgement",
        )
    )  # fmt: skip


def _spc_labels(judgement_ids: list[int]) -> dict[int, str | None]:
    """Each stored judgement's SPC label of its latest point, by judgement id (module
    docstring). One query."""
    has_limits = ExpressionWrapper(Q(limits__isnull=False), output_field=BooleanField())
    rows = IndicatorJudgement.objects.filter(pk__in=judgement_ids).order_by()
    rows = rows.annotate(has_limits=has_limits)
    return {
        pk: ((label or COMMON_CAUSE) if rules else COMMON_CAUSE) if limited and point else None
        for pk, point, label, rules, limited in rows.values_list(
            "pk", "point_period", "label", "rules", "has_limits"
        )
    }


def _rag(row: tuple, targets_newest_first: list[TargetRecord]) -> str | None:
    """The figure's RAG against the target in force in its own month (module docstring)."""
    _, _, _, polarity, unit, tolerance, own, figure, _ = row
    target = target_in_force(targets_newest_first, period=own)
    return rag_against_target(
        value=figure, kind=target.kind if target else None,
        low=target.low if target else None, high=target.high if target else None,
        polarity=polarity, is_percentage=unit == Indicator.Unit.PERCENTAGE,
        own_tolerance=tolerance,
    ).rag  # fmt: skip


def _indicator_state(row: tuple, targets, labels) -> changes.IndicatorState:
    pk, ref, title, *_, own, _, judgement = row
    if own is None:  # no approved value in the months read: "No figure", nothing judged
        return changes.IndicatorState(pk, ref, title[:DESCRIPTION_KEPT], None, None)
    rag = _rag(row, targets.get(pk, []))
    return changes.IndicatorState(pk, ref, title[:DESCRIPTION_KEPT], rag, labels.get(judgement))


def indicators_now(*, period: datetime.date) -> list[changes.IndicatorState]:
    """Each indicator's latest approved figure by `period`, judged (module docstring), in
    the scorecard's order. Three queries however many indicators and months."""
    rows = _indicator_rows(period)
    labels = _spc_labels([row[-1] for row in rows if row[-1] is not None])
    targets = target_records()
    return [_indicator_state(row, targets, labels) for row in rows]
