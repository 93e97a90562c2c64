"""A board's meetings as an iCalendar feed (RFC 5545), built with the icalendar library.

One VEVENT per listed meeting, with a UID that stays the same for the meeting whatever
changes, times in UTC, the board's name as summary, the place, a link to the public page
and STATUS:CANCELLED or CONFIRMED. Nothing from the agenda is in the feed.

The feed holds every upcoming meeting and only the latest past ones
(governance.public.selectors.feed_meetings), and its description says so, with the
board's page for the rest.
"""

import datetime
from collections.abc import Callable

from icalendar import Calendar, Event

from governance.models import Board, Meeting
from governance.public.display import agenda_is_published, ends_at

PRODID = "-//Children's services improvement governance//Public meetings//EN"
REFRESH = datetime.timedelta(hours=6)
REFRESH_TEXT = "PT6H"  # X-PUBLISHED-TTL is an unknown property to icalendar: written as is


def meeting_uid(meeting: Meeting, host: str) -> str:
    """A meeting's stable UID: its primary key at the service's host."""
    return f"meeting-{meeting.pk}@{host}"


def meeting_event(
    meeting: Meeting, *, board: Board, host: str, url: str, stamp: datetime.datetime
) -> Event:
    """Rule: date, time, place, link and status only; "Agenda not yet published" until it is."""
    event = Event()
    event.add("uid", meeting_uid(meeting, host))
    event.add("dtstamp", stamp)
    event.add("dtstart", meeting.starts_at.astimezone(datetime.UTC))
    event.add("dtend", ends_at(meeting).astimezone(datetime.UTC))
    event.add("summary", board.name)
    event.add("location", meeting.place)
    event.add("url", url)
    cancelled = meeting.status == Meeting.Status.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if not agenda_is_published(meeting):
        event.add("description", "Agenda not yet published.")
    return event


def board_calendar(
    board: Board,
    meetings: list[Meeting],
    *,
    host: str,
    url_for: Callable[[Meeting], str],
    now: datetime.datetime,
    description: str = "",
) -> bytes:
    """The board's meetings as an iCalendar file. `url_for` gives each meeting's
    absolute public URL; `description` says which meetings the feed holds."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{board.name} meetings")
    if description:
        calendar.add("x-wr-caldesc", description)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH_TEXT)
    stamp = now.astimezone(datetime.UTC)
    for meeting in meetings:
        url = url_for(meeting)
        calendar.add_component(meeting_event(meeting, board=board, host=host, url=url, stamp=stamp))
    return calendar.to_ical()
