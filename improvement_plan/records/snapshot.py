"""The judgements of the plan and the scorecard at one moment, as plain values a record
keeps (improvement_plan.models.BoardRecord) and "since the last board" compares.

Rules:
- Actions: each of the plan's actions with its computed RAG and reason (the rule in
  improvement_plan.domain.rag, through rag_selectors), status, due date and whether it
  is overdue on `today`. One query.
- Indicators: each indicator's latest approved value in or before the scorecard month,
  judged as the scorecard judges it for that value's own month (scorecard.selectors.rows
  and scorecard.judgements): RAG, direction on the previous period and the SPC label of
  that latest point. Only approved values are read, so a figure waiting for approval is
  never in a record. An indicator with no approved value by then says "No figure".
  A fixed number of queries however many indicators.
- Everything is written as JSON-ready values (dates as ISO text, figures as text), so a
  record once kept never changes with the models it was read from.
"""

import datetime

from django.db.models import Max

from improvement_plan.domain import due_dates
from improvement_plan.models import Action, Plan
from improvement_plan.rag_selectors import COMPLETE_STATUSES, judge
from scorecard.domain import spc as spc_rules
from scorecard.models import IndicatorValue
from scorecard.selectors.months import add_months
from scorecard.selectors.rows import scorecard_indicators, scorecard_row
from scorecard.selectors.spc import stored_judgements, stored_spc
from scorecard.tables import figure_in_words, month_in_words, no_rag_in_words

LOOK_BACK_MONTHS = 36  # an annual indicator's latest figure and the one a year before it


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def action_facts(plan: Plan, *, today: datetime.date) -> list[dict]:
    """Each of the plan's actions as the record keeps it (module docstring)."""
    actions = Action.objects.filter(objective__priority__plan=plan)
    actions = actions.select_related("objective__priority").order_by(
        "objective__priority__number", "objective__order", "order"
    )
    return [_action_fact(action, today=today) for action in actions]


def _action_fact(action: Action, *, today: datetime.date) -> dict:
    judgement = judge(action, today=today)
    overdue = due_dates.days_overdue(
        due_date=action.due_date, is_complete=action.is_complete, today=today
    )
    return {
        "id": action.pk,
        "reference": action.reference,
        "priority": action.objective.priority.number,
        "description": action.description[:300],
        "rag": judgement.rag,
        "rag_reason": judgement.reason,
        "status": action.status,
        "status_words": action.get_status_display(),
        "complete": action.status in COMPLETE_STATUSES,
        "due_date": _iso(action.due_date),
        "overdue": bool(overdue),
    }


def latest_month() -> datetime.date | None:
    """The newest month with an approved value (as the pack's scorecard report takes it):
    the first of months_held(), read as one MAX through the (period, state) index."""
    approved = IndicatorValue.objects.filter(state=IndicatorValue.State.APPROVED)
    return approved.aggregate(newest=Max("period"))["newest"]


def indicator_facts(*, period: datetime.date | None) -> list[dict]:
    """Each indicator's latest approved figure by `period`, judged (module docstring).
    Its SPC is the stored judgement of that figure's month (scorecard.selectors.spc), so
    no series is read or judged again here."""
    if period is None:
        return []
    judgements = stored_judgements(period=period)
    since = add_months(period, -LOOK_BACK_MONTHS)
    return [
        _indicator_fact(indicator, judgements.get(indicator.pk))
        for indicator in scorecard_indicators(period=period, since=since)
    ]


def _indicator_fact(indicator, judgement) -> dict:
    fact = {
        "id": indicator.pk,
        "ref": indicator.ref,
        "title": indicator.title[:300],
        "area": indicator.service_area.title if indicator.service_area_id else "",
        "period": None,
        "period_words": "",
        "value_words": "No figure",
        "rag": None,
        "rag_words": "No figure",
        "direction_words": "",
        "direction": None,
        "spc_label": None,
        "spc_words": "",
    }
    reported = [value.period for value in indicator.approved_values]
    if not reported:
        return fact
    own = max(reported)
    row = scorecard_row(indicator, period=own, history=None)
    return {**fact, **_judged(row, stored_spc(judgement, indicator, row.target))}


def _judged(row, result) -> dict:
    rag, travel = row.judgement.rag, row.judgement.on_previous_period
    latest = result.latest if result is not None and result.enough_data else None
    spc_words = latest.words if latest is not None else "Not enough data for SPC"
    return {
        "period": _iso(row.period),
        "period_words": month_in_words(row.period),
        "value_words": figure_in_words(row.current, row.indicator),
        "rag": rag.rag,
        "rag_words": rag.words if rag.rag else no_rag_in_words(rag),
        "direction": travel.judgement if travel else None,
        "direction_words": travel.words if travel else "No previous figure",
        "spc_label": (latest.label if latest.special_cause else spc_rules.COMMON_CAUSE)
        if latest is not None
        else None,
        "spc_words": spc_words,
    }
