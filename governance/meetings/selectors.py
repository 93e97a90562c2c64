"""Reads for boards, their members, meetings, agendas and papers, shaped for the pages.

Each runs a fixed number of queries however many boards, members, meetings, items or
papers there are (the docstrings say how many).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Min, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from governance.models import AgendaItem, Board, Meeting, Membership, Paper

LIST_LIMIT = 25
"""Meetings of each kind (upcoming, past) a board shows on the meeting list; the board's
own page pages through them all (issue 13: every list paginated)."""

ROLE_ORDER = {role: number for number, role in enumerate(Membership.Role.values)}
"""Members are listed chair first, then vice-chair, members, advisers and officers."""


@dataclass(frozen=True)
class BoardMeetings:
    """A board with its first meetings of each kind, upcoming (soonest first) and past
    (latest first), and how many of each it has."""

    board: Board
    upcoming: list[Meeting]
    past: list[Meeting]
    upcoming_count: int
    past_count: int


@dataclass(frozen=True)
class BoardPage:
    """A board, its current and past members (chair first), and one page of its upcoming
    and of its past meetings, with how many there are of each and which page it is."""

    board: Board
    current_members: list[Membership]
    past_members: list[Membership]
    upcoming: list[Meeting]
    past: list[Meeting]
    upcoming_count: int = 0
    past_count: int = 0
    upcoming_page: int = 1
    past_page: int = 1


def boards_with_meetings(*, now: datetime.datetime, limit: int = LIST_LIMIT) -> list[BoardMeetings]:
    """Every board by name, with its next `limit` meetings and its latest `limit` past
    ones (the board's page has the rest), and how many of each it has.

    Three queries however many boards and meetings there are."""
    boards = Board.objects.order_by("name").annotate(
        upcoming_count=Count("meetings", filter=Q(meetings__starts_at__gte=now)),
        past_count=Count("meetings", filter=Q(meetings__starts_at__lt=now)),
    )
    upcoming = _first_of_each_board(
        Meeting.objects.filter(starts_at__gte=now), ("starts_at", "pk"), limit
    )
    past = _first_of_each_board(
        Meeting.objects.filter(starts_at__lt=now), ("-starts_at", "-pk"), limit
    )
    return [
        BoardMeetings(
            board,
            upcoming.get(board.pk, []),
            past.get(board.pk, []),
            board.upcoming_count,
            board.past_count,
        )  # fmt: skip
        for board in boards
    ]


def _first_of_each_board(meetings, order: tuple[str, ...], limit: int) -> dict[int, list]:
    """The first `limit` of `meetings` of each board in `order`, by board. One query."""
    ranked = meetings.annotate(
        rank=Window(RowNumber(), partition_by=F("board_id"), order_by=list(order))
    ).filter(rank__lte=limit)
    found: dict[int, list[Meeting]] = {}
    for meeting in ranked.order_by("board_id", "rank"):
        found.setdefault(meeting.board_id, []).append(meeting)
    return found


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


def board_page(
    board: Board,
    *,
    today: datetime.date,
    now: datetime.datetime,
    pages: tuple[int, int] = (1, 1),
    per_page: int = LIST_LIMIT,
) -> BoardPage:
    """The board's page (BoardPage): `pages` are the pages asked for of its upcoming
    (soonest first) and past (latest first) meetings, each brought within the pages
    there are. A membership is past once its end date has gone by; one starting later is
    listed with the current ones. Four queries, however many meetings."""
    memberships = sorted(
        Membership.objects.filter(board=board).select_related("person", "organisation", "deputy"),
        key=lambda m: (ROLE_ORDER.get(m.role, 99), m.person.full_name.lower(), m.start_date),
    )
    current = [m for m in memberships if m.end_date is None or m.end_date >= today]
    past = [m for m in memberships if m.end_date is not None and m.end_date < today]
    meetings = Meeting.objects.filter(board=board)
    counts = meetings.aggregate(
        upcoming=Count("pk", filter=Q(starts_at__gte=now)),
        past=Count("pk", filter=Q(starts_at__lt=now)),
    )
    up = page_within(pages[0], counts["upcoming"], per_page)
    held = page_within(pages[1], counts["past"], per_page)
    upcoming_rows = meetings.filter(starts_at__gte=now).order_by("starts_at", "pk")
    past_rows = meetings.filter(starts_at__lt=now).order_by("-starts_at", "-pk")
    return BoardPage(
        board, current, past,
        list(upcoming_rows[(up - 1) * per_page : up * per_page]),
        list(past_rows[(held - 1) * per_page : held * per_page]),
        counts["upcoming"], counts["past"], up, held,
    )  # fmt: skip


def page_within(number: int, count: int, per_page: int) -> int:
    """Page `number` brought within the pages `count` rows fill (at least page 1): a page
    past the end shows the last, as the GOV.UK pagination's links never ask for it."""
    return max(1, min(number, -(-count // per_page)))


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
