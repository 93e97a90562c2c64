"""Writes for a meeting's record (BoardRecord).

Rules:
- board_record_take keeps the judgements at this moment (improvement_plan.records.snapshot):
  every action of the plan as judged on `today`, every indicator's latest approved figure
  by the scorecard month presented. It is called by governance when a meeting's pack is
  first published (governance.packs.services), in the same transaction.
- A record is written once and never edited: there is no update service, and later edits
  of actions or figures change nothing in it. The record has no history of its own for
  that reason: it is itself the history.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from improvement_plan.models import BoardRecord, Plan
from improvement_plan.records.snapshot import action_facts, indicator_facts


@transaction.atomic
def board_record_take(
    *,
    plan: Plan,
    occasion: str,
    presented_on: datetime.date,
    scorecard_period: datetime.date | None,
    user,
    today: datetime.date | None = None,
) -> BoardRecord:
    """A new record of the plan's and scorecard's judgements now (module docstring)."""
    today = today or timezone.localdate()
    return BoardRecord.objects.create(
        plan=plan,
        occasion=occasion[:300],
        presented_on=presented_on,
        scorecard_period=scorecard_period,
        taken_at=timezone.now(),
        taken_by=user if getattr(user, "pk", None) else None,
        actions=action_facts(plan, today=today),
        indicators=indicator_facts(period=scorecard_period),
    )
