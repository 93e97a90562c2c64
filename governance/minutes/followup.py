"""Writes of what follows a meeting: actions arising, tracked to completion, and the
board's work programme. Same conventions as governance.minutes.services (which
re-exports these): atomic, keyword-only, plain text, history naming the user."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from governance.domain.minutes import closing_date, day_in_words, plain_text
from governance.meetings.versions import apply, changes_to_write, current_values
from governance.minutes.selectors import meeting_day
from governance.models import ActionArising, Board, Meeting, Minute, User, WorkProgrammeItem

ACTION_LABELS = {"status": "Status", "progress": "Progress", "completed_on": "Date completed"}
PROGRAMME_LABELS = {
    "topic": "Topic", "lead": "Lead", "purpose": "Purpose", "meeting": "Meeting",
    "planned_month": "Month planned", "status": "Status",
}  # fmt: skip
CLOSING_REASONS = {
    ActionArising.Status.OPEN: "Progress reported",
    ActionArising.Status.DONE: "Marked done",
    ActionArising.Status.DROPPED: "Marked no longer needed",
}


@transaction.atomic
def action_arising_add(
    *, minute: Minute, description: str, owner: User, due_date: datetime.date, user
) -> ActionArising:
    """An action agreed in a minute, with an owner and a due date (not before the meeting)."""
    description = plain_text(description)
    problems = {}
    if not description:
        problems["description"] = "Enter the action agreed"
    if owner is None:
        problems["owner"] = "Select who owns the action"
    day = meeting_day(minute.meeting)
    if due_date is None:
        problems["due_date"] = "Enter the date the action is due"
    elif due_date < day:
        when = day_in_words(minute.meeting.starts_at)
        problems["due_date"] = f"The due date must be on or after the meeting, {when}"
    if problems:
        raise ValidationError(problems)
    action = ActionArising(
        minute=minute, description=description, owner=owner, due_date=due_date, created_by=user
    )
    action._history_user, action._change_reason = user, "Action agreed"
    action.save()
    return action


@transaction.atomic
def action_arising_update(
    *,
    action: ActionArising,
    status: str,
    progress: str,
    completed_on: datetime.date | None,
    user,
    today: datetime.date | None = None,
    opened=None,
    changed=None,
) -> ActionArising:
    """The owner's (or the clerk's) report. Rule (governance.domain.minutes.closing_date):
    a closed action (done or no longer needed) has a completion date, today unless given,
    not in the future nor before the meeting; reopening clears it. With the form's
    `opened` and `changed`, only what this person changed is written: a stale form never
    sends back a status or progress someone else has just changed (EditConflict)."""
    today = today or timezone.localdate()
    if status not in ActionArising.Status.values:
        raise ValidationError({"status": "Select the action’s status"})
    action = (
        ActionArising.objects.select_for_update()
        .select_related("minute__meeting")
        .get(pk=action.pk)
    )
    asked = {"status": status, "progress": plain_text(progress), "completed_on": completed_on}
    writes = changes_to_write(action, asked, opened=opened, changed=changed, labels=ACTION_LABELS)
    if not writes:
        return action
    status = writes.get("status", action.status)
    progress = writes.get("progress", action.progress)
    completed_on = writes.get("completed_on", action.completed_on)
    completed_on = closing_date(status=status, completed_on=completed_on, today=today)
    met_on = meeting_day(action.minute.meeting)
    if completed_on and completed_on > today:
        raise ValidationError({"completed_on": "The completion date must be today or in the past"})
    if completed_on and completed_on < met_on:
        when = day_in_words(action.minute.meeting.starts_at)
        raise ValidationError(
            {"completed_on": f"The completion date must be on or after the meeting, {when}"}
        )
    action.status, action.progress, action.completed_on = status, progress, completed_on
    action._history_user, action._change_reason = user, CLOSING_REASONS[status]
    action.save()
    return action


def _programme_fields(board: Board, fields: dict) -> dict:
    """Checks and tidies a work programme item: a topic, a meeting of this board, a status;
    the month is the first of the month, and is dropped once a meeting is set."""
    problems = {}
    fields["topic"] = plain_text(fields["topic"])
    fields["lead"] = plain_text(fields.get("lead", ""))
    fields["purpose"] = plain_text(fields.get("purpose", ""))
    meeting: Meeting | None = fields.get("meeting")
    month: datetime.date | None = fields.get("planned_month")
    if not fields["topic"]:
        problems["topic"] = "Enter the topic"
    if meeting is not None and meeting.board_id != board.pk:
        problems["meeting"] = f"Select a meeting of the {board}"
    if fields.get("status") not in WorkProgrammeItem.Status.values:
        problems["status"] = "Select the topic’s status"
    if problems:
        raise ValidationError(problems)
    fields["planned_month"] = None if meeting or not month else month.replace(day=1)
    return fields


@transaction.atomic
def work_programme_item_add(
    *,
    board: Board,
    topic: str,
    lead: str = "",
    purpose: str = "",
    meeting: Meeting | None = None,
    planned_month: datetime.date | None = None,
    status: str = WorkProgrammeItem.Status.PLANNED,
    user,
) -> WorkProgrammeItem:
    """A topic planned for a meeting of the board, or for a month when no meeting is set."""
    fields = _programme_fields(
        board, {"topic": topic, "lead": lead, "purpose": purpose, "meeting": meeting,
                "planned_month": planned_month, "status": status},
    )  # fmt: skip
    return WorkProgrammeItem.objects.create(board=board, **fields)


@transaction.atomic
def work_programme_item_update(
    *,
    item: WorkProgrammeItem,
    topic: str,
    lead: str,
    purpose: str,
    meeting: Meeting | None,
    planned_month: datetime.date | None,
    status: str,
    user,
    opened=None,
    changed=None,
) -> WorkProgrammeItem:
    """Changes a work programme topic: when it is planned, who leads it, its status. With
    the form's `opened` and `changed`, only the fields this person changed are written,
    never over someone else's change (EditConflict)."""
    item = WorkProgrammeItem.objects.select_for_update().select_related("board").get(pk=item.pk)
    asked = {"topic": topic, "lead": lead, "purpose": purpose, "meeting": meeting,
             "planned_month": planned_month, "status": status}  # fmt: skip
    writes = changes_to_write(item, asked, opened=opened, changed=changed, labels=PROGRAMME_LABELS)
    if not writes:
        return item
    fields = _programme_fields(item.board, {**current_values(item, asked), **writes})
    names = set(writes) | ({"planned_month"} if "meeting" in writes else set())
    item.save(update_fields=apply(item, {name: fields[name] for name in names}))
    return item
