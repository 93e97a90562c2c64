"""Keeping a meeting's record when its pack is published.

Rules:
- A meeting's record (improvement_plan.models.BoardRecord, through Meeting.board_record)
  is kept once: when a pack of the meeting, full or public, is first published
  (governance.packs.services: pack_publish, and a corrected public pack published as
  soon as it is built). Publishing again, a corrected pack, or a pack of the other
  audience leaves the record as it was: it says what the board was shown first, and a
  corrected pack corrects what is exempt, not the judgements. No edit retakes it: only
  meeting_record_retake, deliberately, with a reason that is logged (the command
  `manage.py meeting_record_retake MEETING_ID --reason ...`), replaces it with the
  judgements now.
- Only a meeting that was presented the plan or the scorecard gets one: its agenda
  holds a generated plan progress report or scorecard report.
- The plan is the plan report's own, else the current plan; with no plan there is no
  record. The scorecard month is the scorecard report's, else the latest month with
  approved figures (as governance.packs.reports.scorecard chooses it).
- The meeting is locked while the record is taken, so two publications at once keep one.
"""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from governance.models import Meeting, Paper
from governance.packs.words import long_date
from improvement_plan.models import BoardRecord
from improvement_plan.records.services import board_record_take
from improvement_plan.records.snapshot import latest_month
from improvement_plan.selectors import current_plan

logger = logging.getLogger(__name__)
PRESENTED = (Paper.Kind.PLAN_REPORT, Paper.Kind.SCORECARD_REPORT)


def occasion(meeting: Meeting) -> str:
    """ "Improvement Board, 11 January 2023"."""
    return f"{meeting.board.name}, {long_date(timezone.localtime(meeting.starts_at))}"


@transaction.atomic
def meeting_record_keep(
    *, meeting: Meeting, user, judged_on: datetime.date | None = None
) -> BoardRecord | None:
    """The meeting's record, taken now unless it is kept already (module docstring);
    None when the meeting was presented neither the plan nor the scorecard, or no plan.
    `judged_on` judges the plan as on another day than today: only for a record set down
    afterwards from what is held (the demo's board, loaded after the day it sat)."""
    meeting = Meeting.objects.select_for_update().select_related("board").get(pk=meeting.pk)
    if meeting.board_record_id is not None:
        return meeting.board_record
    papers = list(
        Paper.objects.filter(agenda_item__meeting=meeting, kind__in=PRESENTED).order_by("pk")
    )
    if not papers:
        return None
    plan_paper = next((p for p in papers if p.kind == Paper.Kind.PLAN_REPORT), None)
    plan = (plan_paper.plan if plan_paper else None) or current_plan()
    if plan is None:
        return None
    asked = next((p.scorecard_period for p in papers if p.scorecard_period), None)
    record = board_record_take(
        plan=plan,
        occasion=occasion(meeting),
        presented_on=timezone.localdate(meeting.starts_at),
        scorecard_period=asked.replace(day=1) if asked else latest_month(),
        user=user,
        today=judged_on,
    )
    Meeting.objects.filter(pk=meeting.pk).update(board_record=record)
    return record


@transaction.atomic
def meeting_record_retake(*, meeting: Meeting, reason: str, user) -> BoardRecord | None:
    """Deliberately replaces the meeting's record with the judgements now (module
    docstring): the old record is deleted and the reason logged. A reason is required."""
    if not reason.strip():
        raise ValidationError("Say why the meeting's record is being taken again.")
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    old = meeting.board_record
    Meeting.objects.filter(pk=meeting.pk).update(board_record=None)
    if old is not None:
        old.delete()
    logger.warning(
        "Record of meeting %s retaken by %s: %s", meeting.pk, getattr(user, "pk", None), reason
    )
    return meeting_record_keep(meeting=meeting, user=user)
