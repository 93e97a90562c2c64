"""Actions arising from previous meetings, as the board reviews them.

Rules:
- The actions are governance.minutes.selectors.actions_for_pack() for the board as at
  the meeting's day, with those closed since the previous meeting's day.
- Each row: the minute (number and the meeting's date), the action, its owner, due
  date, status in words ("Open, overdue", "Done on 3 March 2023") and progress.
- In the public pack an action from an exempt item's minute says so instead of its
  words and progress.
"""

from django.db.models import prefetch_related_objects

from governance.domain.exempt import withheld
from governance.minutes.selectors import actions_for_pack, previous_meeting
from governance.models import ActionArising
from governance.packs import words


def status_in_words(action: ActionArising, *, as_at) -> str:
    if action.status == ActionArising.Status.OPEN:
        return "Open, overdue" if action.due_date < as_at else "Open"
    label = action.get_status_display()
    if action.completed_on:
        return f"{label} on {words.long_date(action.completed_on)}"
    return label


def action_row(action: ActionArising, *, as_at, public: bool) -> dict:
    minute = action.minute
    item = minute.agenda_item
    paragraph = item.exempt_paragraph if item is not None else None
    hidden = bool(withheld(exempt_paragraph=paragraph, full_papers=not public))
    return {
        "minute": f"Minute {minute.number} ({words.long_date(minute.meeting.starts_at)})",
        "description": action.description,
        "progress": action.progress,
        "hidden": hidden,
        "exempt_words": words.exempt_paragraph(item.exempt_paragraph) if hidden else "",
        "owner": words.person_name(action.owner),
        "due": words.long_date(action.due_date),
        "status": status_in_words(action, as_at=as_at),
    }


def context(job) -> dict:
    meeting_day = words.local(job.meeting.starts_at).date()
    previous = previous_meeting(job.meeting)
    since = words.local(previous.starts_at).date() if previous else None
    actions = actions_for_pack(board=job.meeting.board, as_at=meeting_day, since=since)
    prefetch_related_objects(actions, "minute__agenda_item")
    job.holds([action.minute.agenda_item for action in actions])
    return {
        "meeting_day": words.long_date(meeting_day),
        "since": words.long_date(since) if since else "",
        "rows": [action_row(a, as_at=meeting_day, public=job.public) for a in actions],
    }
