"""Reads for boards' meetings."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from governance.models import AgendaItem, Board, Meeting


@dataclass(frozen=True)
class BoardMeetings:
    """A board with its meetings split into upcoming (soonest first) and past (latest first)."""

    board: Board
    upcoming: list[Meeting]
    past: list[Meeting]


def is_upcoming(meeting: Meeting, *, now: datetime.datetime) -> bool:
    """A meeting is upcoming until the moment it is due to start; after that it is past."""
    return meeting.starts_at >= now


def boards_with_meetings(*, now: datetime.datetime) -> list[BoardMeetings]:
    """Every board by name, with its upcoming and past meetings.

    Two queries however many boards and meetings there are.
    """
    boards = Board.objects.order_by("name").prefetch_related(
        Prefetch("meetings", queryset=Meeting.objects.order_by("starts_at"))
    )
    result = []
    for board in boards:
        meetings = list(board.meetings.all())
        result.append(
            BoardMeetings(
                board=board,
                upcoming=[m for m in meetings if is_upcoming(m, now=now)],
                past=[m for m in reversed(meetings) if not is_upcoming(m, now=now)],
            )
        )
    return result


def meeting_with_agenda() -> QuerySet[Meeting]:
    """Meetings with their board and their agenda items in agenda order."""
    return Meeting.objects.select_related("board").prefetch_related(
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("order"))
    )
