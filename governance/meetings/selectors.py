"""Reads for boards, their members, meetings, agendas and papers, shaped for the pages.

Each runs a fixed number of queries however many boards, members, meetings, items or
papers there are (the docstrings say how many).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Min, Prefetch, Q, QuerySet

from governance.models import AgendaItem, Board, Meeting, Membership, Paper

ROLE_ORDER = {role: number for number, role in enumerate(Membership.Role.values)}
"""Members are listed chair first, then vice-chair, members, advisers and officers."""


@dataclass(frozen=True)
class BoardMeetings:
    """A board with its meetings split into upcoming (soonest first) and past (latest first)."""

    board: Board
    upcoming: list[Meeting]
    past: list[Meeting]


@dataclass(frozen=True)
class BoardPage:
    """A board, its current and past members (chair first) and its meetings."""

    board: Board
    current_members: list[Membership]
    past_members: list[Membership]
    upcoming: list[Meeting]
    past: list[Meeting]


def is_upcoming(meeting: Meeting, *, now: datetime.datetime) -> bool:
    """A meeting is upcoming until the moment it is due to start; after that it is past."""
    return meeting.starts_at >= now


def split_meetings(meetings: list[Meeting], *, now) -> tuple[list[Meeting], list[Meeting]]:
    """Meetings in date order split into upcoming (soonest first) and past (latest first)."""
    meetings = sorted(meetings, key=lambda meeting: meeting.starts_at)
    upcoming = [m for m in meetings if is_upcoming(m, now=now)]
    return upcoming, [m for m in reversed(meetings) if not is_upcoming(m, now=now)]


def boards_with_meetings(*, now: datetime.datetime) -> list[BoardMeetings]:
    """Every board by name, with its upcoming and past meetings.

    Two queries however many boards and meetings there are.
    """
    boards = Board.objects.order_by("name").prefetch_related(
        Prefetch("meetings", queryset=Meeting.objects.order_by("starts_at"))
    )
    return [
        BoardMeetings(board, *split_meetings(list(board.meetings.all()), now=now))
        for board in boards
    ]


def board_rows(*, today: datetime.date, now: datetime.datetime) -> QuerySet[Board]:
    """Boards by name with `member_count` (memberships current today) and `next_meeting`
    (when the next meeting that is not cancelled starts, or None). One query."""
    current = Q(memberships__start_date__lte=today) & (
        Q(memberships__end_date__isnull=True) | Q(memberships__end_date__gte=today)
    )
    coming = Q(meetings__starts_at__gte=now) & ~Q(meetings__status=Meeting.Status.CANCELLED)
    return Board.objects.order_by("name").annotate(
        member_count=Count("memberships", filter=current, distinct=True),
        next_meeting=Min("meetings__starts_at", filter=coming),
    )


def board_page(board: Board, *, today: datetime.date, now: datetime.datetime) -> BoardPage:
    """The board's page (BoardPage). A membership is past once its end date has gone by;
    one starting later is listed with the current ones. Two queries."""
    memberships = sorted(
        Membership.objects.filter(board=board).select_related("person", "organisation", "deputy"),
        key=lambda m: (ROLE_ORDER.get(m.role, 99), m.person.full_name.lower(), m.start_date),
    )
    current = [m for m in memberships if m.end_date is None or m.end_date >= today]
    past = [m for m in memberships if m.end_date is not None and m.end_date < today]
    upcoming, held = split_meetings(list(Meeting.objects.filter(board=board)), now=now)
    return BoardPage(board, current, past, upcoming, held)


def meeting_with_agenda() -> QuerySet[Meeting]:
    """Meetings with their board, their agenda items in order (each with its report
    author) and each item's papers in order. Three queries for a meeting."""
    papers = Paper.objects.select_related("plan").order_by("order", "pk")
    items = (
        AgendaItem.objects.select_related("report_author")
        .prefetch_related(Prefetch("papers", queryset=papers))
        .order_by("order")
    )
    return Meeting.objects.select_related("board").prefetch_related(
        Prefetch("agenda_items", queryset=items)
    )


def agenda_items() -> QuerySet[AgendaItem]:
    """Agenda items with their meeting and board, for an item's own pages. One query."""
    return AgendaItem.objects.select_related("meeting__board")


def papers() -> QuerySet[Paper]:
    """Papers with their item, meeting and board, for a paper's own pages. One query."""
    return Paper.objects.select_related("agenda_item__meeting__board")


def previous_meeting(*, board: Board, before: datetime.datetime) -> Meeting | None:
    """The board's last meeting before `before` that was not cancelled. One query."""
    return (
        Meeting.objects.filter(board=board, starts_at__lt=before)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")
        .first()
    )
