"""Pure rules of the meeting record: no database, no requests.

- Text people type is stored as plain text: every tag stripped (nh3), entities decoded.
- Minutes are approved as a correct record at a later meeting of the same board.
- An action arising that is closed (done or no longer needed) has the day it closed;
  one reopened has none. It is overdue when open and its due date has passed.
- Attendance rates are members present (in person or by deputy) of members expected.
- Times are written the council's way: "6.00pm" in minutes, "6.00 pm" on agendas.
"""

import datetime
import html

import nh3
from django.utils import timezone
from django.utils.formats import date_format

from governance.domain.exempt import EXEMPT_NOTE, exempt_note  # noqa: F401  (one rule)


def plain_text(text: str | None) -> str:
    """Text with every tag stripped (and tags written as entities too), trimmed."""
    text = text or ""
    for _ in range(5):
        cleaned = html.unescape(nh3.clean(text, tags=set()))
        if cleaned == text:
            break
        text = cleaned
    return text.strip()


def day_in_words(moment: datetime.datetime | datetime.date) -> str:
    """A day (or a moment's day in UK time) the English way: "2 November 2022". The one
    place every page, pack and mail writes a date."""
    if isinstance(moment, datetime.datetime):
        moment = timezone.localtime(moment)
    return date_format(moment, "j F Y")


def approval_problem(*, meeting, at_meeting, now: datetime.datetime) -> str:
    """Why `at_meeting` may not approve `meeting`'s minutes, or "" when it may: the same
    board, a later meeting that has started and was not cancelled, minutes not yet approved."""
    when = day_in_words(meeting.starts_at)
    if meeting.minutes_approved_at_id:
        return f"The minutes of the meeting on {when} have already been approved"
    if at_meeting.board_id != meeting.board_id:
        return "Minutes can only be approved at a meeting of the same board"
    if at_meeting.starts_at <= meeting.starts_at:
        return f"Minutes can only be approved at a meeting after the meeting on {when}"
    if at_meeting.status == "cancelled":
        return "Minutes cannot be approved at a cancelled meeting"
    if at_meeting.starts_at > now:
        return "Minutes can only be approved once the meeting approving them has started"
    return ""


def closing_date(
    *, status: str, completed_on: datetime.date | None, today: datetime.date
) -> datetime.date | None:
    """The day an action closed: open actions have none; a closed one keeps the date given,
    or today when none was given."""
    if status == "open":
        return None
    return completed_on or today


def days_overdue(*, status: str, due_date: datetime.date, today: datetime.date) -> int | None:
    """Days past the due date of an open action; None when it is not overdue."""
    if status != "open" or due_date >= today:
        return None
    return (today - due_date).days


def overdue_in_words(days: int | None) -> str:
    """ "Overdue by 1 day", "Overdue by 12 days", or "" when not overdue."""
    if not days:
        return ""
    return f"Overdue by {days} day{'' if days == 1 else 's'}"


def rate(present: int, expected: int) -> float | None:
    """Attendance rate as a fraction of members expected; None when none were expected."""
    return present / expected if expected else None


def rate_in_words(present: int, expected: int) -> str:
    """ "4 of 5 members attended (80%)", or "No members expected"."""
    if not expected:
        return "No members expected"
    percent = round(100 * present / expected)
    noun = "member" if expected == 1 else "members"
    return f"{present} of {expected} {noun} attended ({percent}%)"


def clock(moment: datetime.time | None, *, spaced: bool = False) -> str:
    """A time as the council's documents write it: "6.00pm" (or "6.00 pm" on agendas)."""
    if moment is None:
        return ""
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}.{moment.minute:02d}{' ' if spaced else ''}{suffix}"


def time_problem(
    commenced: datetime.time | None, terminated: datetime.time | None
) -> dict[str, str]:
    """A meeting terminates after it commenced; a termination needs a commencement."""
    if terminated and not commenced:
        return {"commenced_at": "Enter the time the meeting commenced"}
    if commenced and terminated and terminated <= commenced:
        return {"terminated_at": "The meeting must terminate after it commenced"}
    return {}
