"""How the public pages write a meeting: day, date and time the way a council's front
sheet does ("Wednesday", "11 January 2023", "6pm"), and its status in words.

Pure functions of a meeting already read: no queries.
"""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format

from governance.domain.minutes import day_in_words as date_in_words  # noqa: F401
from governance.meetings.formatting import time_in_words  # noqa: F401  (used by the views)
from governance.models import Meeting

AGENDA_PUBLISHED_STATUSES = (
    Meeting.Status.AGENDA_PUBLISHED,
    Meeting.Status.HELD,
    Meeting.Status.MINUTES_APPROVED,
)
DEFAULT_LENGTH = datetime.timedelta(hours=2)
EXEMPT_ITEM = (
    "Not for publication: exempt under paragraph {} of Schedule 12A "
    "to the Local Government Act 1972"
)
EXEMPT_MINUTE = (
    "Exempt under paragraph {} of Schedule 12A to the Local Government Act 1972: not published"
)


def paragraphs(text: str) -> list[str]:
    """Text split into paragraphs at blank lines, for GOV.UK body paragraphs."""
    return [part.strip() for part in re.split(r"\n\s*\n", text or "") if part.strip()]


def agenda_is_published(meeting: Meeting) -> bool:
    """Rule: a meeting's agenda is published when agenda_published_at is set or its status
    is agenda published, held or minutes approved (a cancelled meeting keeps its date)."""
    return meeting.agenda_published_at is not None or meeting.status in AGENDA_PUBLISHED_STATUSES


def minutes_are_published(meeting: Meeting) -> bool:
    """Rule: the public read a meeting's minutes once minutes_published_at is set."""
    return agenda_is_published(meeting) and meeting.minutes_published_at is not None


def ends_at(meeting: Meeting) -> datetime.datetime:
    """When a meeting ends: its ends_at, or two hours after it starts."""
    return meeting.ends_at or meeting.starts_at + DEFAULT_LENGTH


def status_in_words(meeting: Meeting) -> tuple[str, str]:
    """What the public are told of a meeting's progress, and its GOV.UK tag colour.

    Minutes count only once published; a meeting without a published agenda says so.
    """
    if meeting.status == Meeting.Status.CANCELLED:
        return "Cancelled", "govuk-tag--red"
    if minutes_are_published(meeting):
        if meeting.minutes_approved_at_id is not None:
            return "Minutes approved", "govuk-tag--green"
        return "Draft minutes published", "govuk-tag--yellow"
    if meeting.status in (Meeting.Status.HELD, Meeting.Status.MINUTES_APPROVED):
        return "Held", "govuk-tag--grey"
    if agenda_is_published(meeting):
        return "Agenda published", "govuk-tag--light-blue"
    return "Agenda not yet published", "govuk-tag--blue"


@dataclass(frozen=True)
class MeetingFacts:
    """A meeting as the public pages write it."""

    meeting: Meeting
    day: str
    date: str
    start_time: str
    time: str
    status: str
    status_colour: str
    agenda_published: bool
    minutes_published: bool

    @property
    def when(self) -> str:
        """ "Wednesday 11 January 2023, 6pm"."""
        return f"{self.day} {self.date}, {self.start_time}"


def facts(meeting: Meeting) -> MeetingFacts:
    """A meeting's day, date, time ("6pm to 8pm" when it has an end) and status in words."""
    starts = timezone.localtime(meeting.starts_at)
    start_time = time_in_words(starts)
    time = start_time
    if meeting.ends_at:
        time = f"{start_time} to {time_in_words(meeting.ends_at)}"
    status, colour = status_in_words(meeting)
    return MeetingFacts(
        meeting=meeting,
        day=date_format(starts, "l"),
        date=date_in_words(starts),
        start_time=start_time,
        time=time,
        status=status,
        status_colour=colour,
        agenda_published=agenda_is_published(meeting),
        minutes_published=minutes_are_published(meeting),
    )
