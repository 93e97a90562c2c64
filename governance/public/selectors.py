"""Reads for the public pages. Every rule of what the public may see is here, and each
read runs a fixed number of queries however many meetings, items or minutes there are.

- A board is public when Board.is_public.
- A meeting is public when its board is public and its agenda is published:
  agenda_published_at is set, or its status is agenda published, held or minutes
  approved. A cancelled meeting whose agenda was published stays public, as cancelled.
- A board's list and calendar also show its scheduled meetings whose agenda is not yet
  published, with their date, time and place only (their own page is a 404).
- An agenda item shows its number and title; its description, presenters and papers only
  when it is not exempt under Schedule 12A.
- Papers: only uploaded papers with a file, of non-exempt items of public meetings.
  Generated reports reach the public only inside the public pack.
- Packs: a public meeting's newest pack with audience public, state built, a file and
  published_at set, unless it was withdrawn or holds an item that is exempt now (an
  item made exempt after publication: governance.packs.services). Never a full pack,
  nor an older public version. While the newest is withdrawn the meeting's page says a
  corrected pack is being prepared.
- Minutes: of a public meeting once minutes_published_at is set. An exempt item's minute
  shows its number and title only; a declaration on it, not the interest declared.

Anything else is not found (404), so nothing reveals what exists.
"""

import datetime
from dataclasses import dataclass, replace

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from governance.domain.exempt import interest_seen, item_seen, minute_seen
from governance.minutes.selectors import minutes_for
from governance.models import AgendaItem, Board, Meeting, Membership, Pack, Paper
from governance.packs.selectors import holds_exempt_item
from governance.public.display import (
    AGENDA_PUBLISHED_STATUSES,
    EXEMPT_ITEM,
    EXEMPT_MINUTE,
    paragraphs,
)

ROLE_ORDER = [role.value for role in Membership.Role]


def public_meeting_q(prefix: str = "") -> Q:
    """Rule: a meeting is public when its board is public and its agenda is published.
    `prefix` reaches the meeting from another model, such as "agenda_item__meeting__"."""
    return Q(**{f"{prefix}board__is_public": True}) & (
        Q(**{f"{prefix}agenda_published_at__isnull": False})
        | Q(**{f"{prefix}status__in": AGENDA_PUBLISHED_STATUSES})
    )


def listed_meeting_q() -> Q:
    """Rule: a board's list and calendar show its public meetings and its scheduled
    meetings whose agenda is not yet published (date, time and place only)."""
    return public_meeting_q() | Q(board__is_public=True, status=Meeting.Status.SCHEDULED)


def public_boards() -> QuerySet[Board]:
    """Rule: a board is public when Board.is_public. By name."""
    return Board.objects.filter(is_public=True).order_by("name")


def public_meetings() -> QuerySet[Meeting]:
    """Public meetings (see public_meeting_q), with their board and, for approved minutes,
    the meeting that approved them. One query."""
    return Meeting.objects.filter(public_meeting_q()).select_related("board", "minutes_approved_at")


def meetings_with_public_minutes() -> QuerySet[Meeting]:
    """Rule: a public meeting's minutes are public once minutes_published_at is set."""
    return public_meetings().filter(minutes_published_at__isnull=False)


FEED_PAST_MEETINGS = 50
"""Past meetings a board's calendar feed holds, the latest; the board's page has them all."""
PAST_PER_PAGE = 25
"""Past meetings on each page of a public board's page, the latest first."""


def listed_meetings(board: Board) -> list[Meeting]:
    """The board's meetings the public may know of (listed_meeting_q), by date. One query."""
    return list(Meeting.objects.filter(listed_meeting_q(), board=board).order_by("starts_at"))


def feed_meetings(board: Board, *, now: datetime.datetime) -> list[Meeting]:
    """The board's listed meetings for its calendar feed, by date: every upcoming one and
    the latest FEED_PAST_MEETINGS past ones, so the feed stays the same size however many
    years of meetings the board has (issue 13). One query."""
    listed = Meeting.objects.filter(listed_meeting_q(), board=board)
    oldest = listed.filter(starts_at__lt=now).order_by("-starts_at", "-pk").values("starts_at")
    oldest = oldest[FEED_PAST_MEETINGS - 1 : FEED_PAST_MEETINGS]
    kept = Q(starts_at__gte=Subquery(oldest)) | ~Exists(oldest)
    return list(listed.filter(kept).order_by("starts_at", "pk"))


@dataclass(frozen=True)
class BoardWithNextMeeting:
    board: Board
    next_meeting: Meeting | None


def boards_with_next_meeting(*, now: datetime.datetime) -> list[BoardWithNextMeeting]:
    """Each public board with its next listed meeting not cancelled: only that one is
    read of each board, however many are arranged. Two queries."""
    upcoming = (
        Meeting.objects.filter(listed_meeting_q(), starts_at__gte=now)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at", "pk")
    )
    boards = public_boards().prefetch_related(
        Prefetch("meetings", queryset=upcoming[:1], to_attr="upcoming_meetings")
    )
    return [
        BoardWithNextMeeting(board=board, next_meeting=next(iter(board.upcoming_meetings), None))
        for board in boards
    ]


@dataclass(frozen=True)
class BoardPage:
    board: Board
    members: list[Membership]
    upcoming: list[Meeting]
    past: Page


def current_members(board: Board, *, today: datetime.date) -> list[Membership]:
    """The board's memberships current today (started, not ended), chair first. One query."""
    memberships = Membership.objects.filter(board=board, start_date__lte=today).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today)
    )
    memberships = memberships.select_related("person", "organisation", "person__organisation")
    return sorted(memberships, key=lambda m: (ROLE_ORDER.index(m.role), m.person.full_name.lower()))


def board_page(
    board: Board, *, now: datetime.datetime, today: datetime.date, past_page: str | int = 1
) -> BoardPage:
    """A public board's current members, its upcoming listed meetings (soonest first) and
    one page of its past ones (latest first, PAST_PER_PAGE a page; a page number out of
    range or not a number gives the nearest page). Four queries however many meetings."""
    listed = Meeting.objects.filter(listed_meeting_q(), board=board)
    past = listed.filter(starts_at__lt=now).order_by("-starts_at", "-pk")
    return BoardPage(
        board=board,
        members=current_members(board, today=today),
        upcoming=list(listed.filter(starts_at__gte=now).order_by("starts_at", "pk")),
        past=Paginator(past, PAST_PER_PAGE).get_page(past_page),
    )


def public_papers() -> QuerySet[Paper]:
    """Rule: uploaded papers with a file, of non-exempt items of public meetings."""
    return (
        Paper.objects.filter(
            public_meeting_q("agenda_item__meeting__"),
            kind=Paper.Kind.UPLOADED,
            agenda_item__exempt_paragraph__isnull=True,
        )
        .exclude(file="")
        .select_related("agenda_item__meeting__board")
        .order_by("order", "pk")
    )


@dataclass(frozen=True)
class PublicItem:
    """An agenda item as the public see it: an exempt item has no description, presenters
    or papers, only its Schedule 12A paragraph."""

    number: int
    title: str
    description: list[str]
    presenters: str
    papers: list[Paper]
    exempt_paragraph: int | None
    pack_pages: str = ""

    @property
    def exempt_notice(self) -> str:
        """ "Not for publication: exempt under paragraph 1 of Schedule 12A to ..."."""
        return EXEMPT_ITEM.format(self.exempt_paragraph) if self.exempt_paragraph else ""


def public_item(item: AgendaItem) -> PublicItem:
    """Rule (governance.domain.exempt): an exempt item keeps its number and title and
    nothing else, not even where it is in a pack."""
    seen = item_seen(number=item.order, title=item.title,
                     exempt_paragraph=item.exempt_paragraph, full_papers=False)  # fmt: skip
    if not seen.shows_content:
        return PublicItem(seen.number, seen.title, [], "", [], item.exempt_paragraph)
    description = paragraphs(item.description)
    papers = list(item.public_papers)
    return PublicItem(item.order, item.title, description, item.presenters, papers, None)


def public_agenda(meeting: Meeting, *, pack: Pack | None = None) -> list[PublicItem]:
    """A public meeting's agenda in order, with the papers the public may download and,
    when there is a public pack, where in it each item's papers are. Two queries."""
    items = AgendaItem.objects.filter(meeting=meeting).order_by("order")
    items = items.prefetch_related(
        Prefetch("papers", queryset=public_papers(), to_attr="public_papers")
    )
    pages = pack_pages_in_words(pack.item_pages) if pack else {}
    shown = [public_item(item) for item in items]
    return [
        replace(seen, pack_pages=pages.get(seen.number, "")) if not seen.exempt_paragraph else seen
        for seen in shown
    ]


def pack_pages_in_words(item_pages: list[dict]) -> dict[int, str]:
    """Item number to "Page 5" or "Pages 5 to 14" of the pack, from the pack's record of
    where each item's papers start and end; items left out of it have none."""
    found = {}
    for entry in item_pages:
        if "first" not in entry:
            continue
        first, last = entry["first"], entry["last"]
        found[entry["number"]] = f"Page {first}" if first == last else f"Pages {first} to {last}"
    return found


def newest_published_packs() -> QuerySet[Pack]:
    """For each public meeting, its newest published public pack, withdrawn or not."""
    published = Pack.objects.filter(
        audience=Pack.Audience.PUBLIC, state=Pack.State.BUILT, published_at__isnull=False
    ).exclude(file="")
    newest = published.filter(meeting=OuterRef("meeting")).order_by("-version").values("pk")[:1]
    return (
        published.filter(public_meeting_q("meeting__"))
        .filter(pk=Subquery(newest))
        .select_related("meeting__board")
    )


def public_packs() -> QuerySet[Pack]:
    """Rule: for each public meeting, its newest public pack that is built, has a file and
    is published, and was not withdrawn; never a full pack, never an older version."""
    return newest_published_packs().filter(withdrawn_at__isnull=True)


def servable(pack: Pack | None) -> Pack | None:
    """The pack when the public may have it, else None."""
    if pack is None or pack.withdrawn_at or holds_exempt_item(pack):
        return None
    return pack


@dataclass(frozen=True)
class PublicPack:
    """The meeting's public pack, if the public may have it; `being_corrected` when its
    newest published pack was withdrawn and a corrected one is being prepared."""

    pack: Pack | None
    being_corrected: bool


def public_pack_for(meeting: Meeting) -> PublicPack:
    """The meeting's public pack (see public_packs) and whether one is being corrected.
    Two queries."""
    newest = newest_published_packs().filter(meeting=meeting).first()
    pack = servable(newest)
    return PublicPack(pack=pack, being_corrected=newest is not None and pack is None)


@dataclass(frozen=True)
class PublicAttendee:
    """Someone at a meeting: name, role on the board (chair, vice-chair) and organisation;
    for a deputy, whom they attended for."""

    name: str
    role: str
    organisation: str
    attended_for: str = ""


@dataclass(frozen=True)
class PublicDeclaration:
    """A declaration of interest; `interest` is empty when the item is exempt."""

    name: str
    item_number: int
    item_title: str
    kind: str
    interest: str


@dataclass(frozen=True)
class PublicMinute:
    """A numbered minute; an exempt item's has no text or resolutions."""

    number: int
    title: str
    text: list[str]
    resolved: list[str]
    exempt_paragraph: int | None

    @property
    def exempt_notice(self) -> str:
        """ "Exempt under paragraph 1 of Schedule 12A to ...: not published"."""
        return EXEMPT_MINUTE.format(self.exempt_paragraph) if self.exempt_paragraph else ""


@dataclass(frozen=True)
class PublicMinutes:
    meeting: Meeting
    present: list[PublicAttendee]
    apologies: list[PublicAttendee]
    deputies: list[PublicAttendee]
    declarations: list[PublicDeclaration]
    minutes: list[PublicMinute]


def _attendee(attendance, *, deputy: bool = False) -> PublicAttendee:
    """An attendance as the minutes name it: the deputy, when one attended."""
    membership = attendance.membership
    role = ""
    if membership and membership.role in (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR):
        role = membership.get_role_display()
    person = attendance.deputy if deputy else attendance.person
    return PublicAttendee(
        name=person.full_name,
        role="" if deputy else role,
        organisation=str(attendance.organisation or ""),
        attended_for=attendance.person.full_name if deputy else "",
    )


def _declaration(declaration) -> PublicDeclaration:
    """Rule: a declaration on an exempt item names the person, item and kind, not the
    interest, which could say what the item is about."""
    item = declaration.agenda_item
    return PublicDeclaration(
        name=declaration.person.full_name,
        item_number=item.order,
        item_title=item.title,
        kind=declaration.get_kind_display(),
        interest=interest_seen(
            interest=declaration.interest, exempt_paragraph=item.exempt_paragraph,
            full_papers=False,
        ),
    )  # fmt: skip


def _minute(minute) -> PublicMinute:
    """Rule: an exempt item's minute keeps its number and the item's published title."""
    item = minute.agenda_item
    paragraph = item.exempt_paragraph if item else None
    seen = minute_seen(number=minute.number, title=minute.title,
                       item_title=item.title if item else None,
                       exempt_paragraph=paragraph, full_papers=False)  # fmt: skip
    if seen.withheld:
        return PublicMinute(seen.number, seen.title, [], [], paragraph)
    text, resolved = paragraphs(minute.text), paragraphs(minute.resolved)
    return PublicMinute(minute.number, minute.title, text, resolved, None)


def public_minutes(meeting: Meeting) -> PublicMinutes:
    """A meeting's published minutes (meetings_with_public_minutes) as the public read
    them: present, apologies, deputies, declarations and numbered minutes. Four queries
    (minutes_for)."""
    record = minutes_for(meeting=meeting)
    return PublicMinutes(
        meeting=meeting,
        present=[_attendee(attendance) for attendance in record.present],
        apologies=[_attendee(attendance) for attendance in record.apologies],
        deputies=[_attendee(attendance, deputy=True) for attendance in record.deputies],
        declarations=[_declaration(declaration) for declaration in record.declarations],
        minutes=[_minute(minute) for minute in record.minutes],
    )
