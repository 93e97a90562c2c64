"""Reads of what a meeting recorded, shaped for the pages, the Word documents and the
agenda pack. Each runs a fixed number of queries whatever the size of the meeting."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When
from django.urls import reverse
from django.utils import timezone

from governance.domain.exempt import interest_seen, minute_seen, withheld
from governance.domain.minutes import day_in_words
from governance.domain.municipal_year import municipal_year
from governance.models import (
    ActionArising,
    Attendance,
    Board,
    Declaration,
    Meeting,
    Membership,
    Minute,
    User,
)


@dataclass(frozen=True)
class MinutesRecord:
    """A meeting's record: who attended, who sent apologies, deputies, declarations and
    the numbered minutes (with their actions arising) in number order."""

    meeting: Meeting
    present: list[Attendance]
    apologies: list[Attendance]
    absent: list[Attendance]
    deputies: list[Attendance]
    declarations: list[Declaration]
    minutes: list[Minute]


def minutes_for(*, meeting: Meeting) -> MinutesRecord:
    """The meeting's record (MinutesRecord). Four queries."""
    attendances = list(
        Attendance.objects.filter(meeting=meeting)
        .select_related("person", "organisation", "deputy", "membership")
        .order_by("person__full_name")
    )
    declarations = list(
        Declaration.objects.filter(meeting=meeting)
        .select_related("person", "agenda_item")
        .order_by("agenda_item__order", "person__full_name")
    )
    minutes = list(
        Minute.objects.filter(meeting=meeting)
        .select_related("agenda_item")
        .prefetch_related(
            Prefetch(
                "actions",
                queryset=ActionArising.objects.select_related("owner").order_by("due_date", "pk"),
            )
        )
        .order_by("number")
    )
    by_status = {status: [] for status in Attendance.Status.values}
    for attendance in attendances:
        by_status[attendance.status].append(attendance)
    return MinutesRecord(
        meeting=meeting,
        present=by_status[Attendance.Status.PRESENT],
        apologies=by_status[Attendance.Status.APOLOGIES],
        absent=by_status[Attendance.Status.ABSENT],
        deputies=by_status[Attendance.Status.DEPUTY_ATTENDED],
        declarations=declarations,
        minutes=minutes,
    )


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The board's last meeting before this one that was not cancelled."""
    return (
        Meeting.objects.filter(board_id=meeting.board_id, starts_at__lt=meeting.starts_at)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")
        .first()
    )


def actions_for_pack(*, board: Board, as_at: datetime.date, since: datetime.date | None = None):
    """The board's actions arising to report at a meeting on `as_at`: every open action,
    and those completed or dropped on or after `since` (the previous meeting's day), so
    the board sees what was closed since it last met. One query, due date order."""
    closed_since = Q(completed_on__gte=since) if since else Q(pk__in=[])
    return list(
        ActionArising.objects.filter(
            minute__board=board, minute__meeting__starts_at__date__lte=as_at
        )
        .filter(Q(status=ActionArising.Status.OPEN) | closed_since)
        .select_related("owner", "minute", "minute__meeting")
        .order_by("due_date", "pk")
    )


def open_actions_arising(*, person=None) -> list[ActionArising]:
    """Open actions arising from every board's minutes (of `person`, when given), soonest
    due first, with their minute, meeting, board and owner. One query."""
    found = ActionArising.objects.filter(
        status=ActionArising.Status.OPEN, owner__is_active=True
    ).select_related("owner", "minute", "minute__meeting", "minute__meeting__board")
    if person is not None:
        found = found.filter(owner=person)
    return list(found.order_by("due_date", "pk"))


def open_actions_arising_for(*, person) -> list[ActionArising]:
    """The person's open actions arising, for their home page. One query."""
    return open_actions_arising(person=person)


def meeting_day(meeting: Meeting) -> datetime.date:
    """The meeting's day in UK time: memberships and municipal years are judged on it."""
    return timezone.localtime(meeting.starts_at).date()


def year_of(meeting: Meeting) -> str:
    """The meeting's municipal year: as recorded on it, else worked out from its day."""
    return meeting.municipal_year or municipal_year(meeting_day(meeting))


ROLE_ORDER = [
    Membership.Role.CHAIR,
    Membership.Role.VICE_CHAIR,
    Membership.Role.MEMBER,
    Membership.Role.ADVISER,
    Membership.Role.OFFICER,
]


def current_on(day: datetime.date) -> Q:
    """Memberships current on a day: started by then and not ended before it."""
    return Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gte=day))


def members_on(*, meeting: Meeting) -> list[Membership]:
    """The board's members current on the meeting's day, chair first then by role and
    name, one membership per person. One query."""
    rank = Case(
        *[When(role=role, then=Value(n)) for n, role in enumerate(ROLE_ORDER)],
        default=Value(len(ROLE_ORDER)),
        output_field=IntegerField(),
    )
    memberships = (
        Membership.objects.filter(current_on(meeting_day(meeting)), board_id=meeting.board_id)
        .select_related("person", "person__organisation", "organisation", "deputy")
        .annotate(rank=rank)
        .order_by("rank", "person__full_name", "pk")
    )
    by_person: dict[int, Membership] = {}
    for membership in memberships:
        by_person.setdefault(membership.person_id, membership)
    return list(by_person.values())


@dataclass(frozen=True)
class AttendanceRow:
    """One person on the attendance form: a member (with their membership) or someone
    else recorded as attending, with what has been recorded so far."""

    person: User
    membership: Membership | None
    attendance: Attendance | None


def attendance_rows(*, meeting: Meeting) -> list[AttendanceRow]:
    """The board's members on the meeting's day, then anyone else recorded (officers in
    attendance) by name. Two queries."""
    recorded = {
        attendance.person_id: attendance
        for attendance in Attendance.objects.filter(meeting=meeting).select_related(
            "person", "deputy", "organisation"
        )
    }
    rows = [
        AttendanceRow(membership.person, membership, recorded.pop(membership.person_id, None))
        for membership in members_on(meeting=meeting)
    ]
    others = sorted(recorded.values(), key=lambda attendance: attendance.person.full_name)
    return rows + [AttendanceRow(a.person, None, a) for a in others]


@dataclass(frozen=True)
class MinuteEntry:
    """A minute as a reader may see it (governance.domain.exempt.minute_seen): `title` is
    the item's published title and `withheld` the exemption note when the minute's own
    title, text, resolutions and actions are kept from this reader, else ""."""

    minute: Minute
    withheld: str
    title: str = ""


def minutes_as_seen(record: MinutesRecord, *, full_papers: bool) -> list[MinuteEntry]:
    """The rule on exempt items (governance.domain.exempt): without the full papers a
    reader sees an exempt item's minute as its number, the item's title and "Exempt
    under paragraph N ...", never its own title or text."""
    entries = []
    for minute in record.minutes:
        item = minute.agenda_item
        seen = minute_seen(
            number=minute.number,
            title=minute.title,
            item_title=item.title if item else None,
            exempt_paragraph=item.exempt_paragraph if item else None,
            full_papers=full_papers,
        )
        entries.append(MinuteEntry(minute, seen.withheld, seen.title))
    return entries


@dataclass(frozen=True)
class DeclarationEntry:
    """A declaration of interest as a reader may see it: `interest` is "" when it was
    declared on an exempt item and the reader may not see the full papers."""

    declaration: Declaration
    interest: str
    withheld: str


def declarations_as_seen(record: MinutesRecord, *, full_papers: bool) -> list[DeclarationEntry]:
    """The rule on exempt items (governance.domain.exempt.interest_seen) for declarations."""
    entries = []
    for declaration in record.declarations:
        paragraph = declaration.agenda_item.exempt_paragraph
        interest = interest_seen(
            interest=declaration.interest, exempt_paragraph=paragraph, full_papers=full_papers
        )
        note = withheld(exempt_paragraph=paragraph, full_papers=full_papers)
        entries.append(DeclarationEntry(declaration, interest, note))
    return entries


def minutes_status(meeting: Meeting, *, has_minutes: bool) -> tuple[str, str]:
    """The minutes' status as a key and in words: none yet, draft, published (to be
    approved) or approved at a later meeting."""
    if meeting.minutes_approved_at_id:
        at = meeting.minutes_approved_at
        return (
            "approved",
            f"Approved as a correct record at the meeting on {day_in_words(at.starts_at)}",
        )
    if meeting.minutes_published_at:
        return "published", "Draft published, to be approved at the next meeting"
    if has_minutes:
        return "draft", "Draft, not yet published"
    return "none", "No minutes yet"


def record_panel(*, meeting: Meeting, user) -> dict:
    """What the meeting page shows of the record: the minutes' status in words, counts,
    and links to only what the user may see or do (governance.rules). Three queries."""
    counts = Minute.objects.filter(meeting=meeting).aggregate(
        minutes_count=Count("pk", distinct=True),
        actions_count=Count("actions"),
        open_actions_count=Count("actions", filter=Q(actions__status=ActionArising.Status.OPEN)),
    )
    has_minutes = bool(counts["minutes_count"])
    status, in_words = minutes_status(meeting, has_minutes=has_minutes)
    return {
        "meeting": meeting,
        "status": status,
        "status_in_words": in_words,
        **counts,
        "attendance_count": Attendance.objects.filter(meeting=meeting).count(),
        "links": _panel_links(meeting, user, has_minutes=has_minutes),
    }


def _panel_links(meeting: Meeting, user, *, has_minutes: bool) -> list[dict]:
    """Links for the record panel, each only when the user holds its permission."""
    may_read = user.has_perm("governance.view_meetings")
    may_record = user.has_perm("governance.record_minutes", meeting)
    pk, slug = meeting.pk, meeting.board.slug
    candidates = [
        (may_read, "Minutes", reverse("meeting_minutes", args=[pk])),
        (may_record, "Record attendance", reverse("meeting_attendance", args=[pk])),
        (may_record, "Declarations of interest", reverse("meeting_declarations", args=[pk])),
        (may_read, "Agenda (Word document)", reverse("meeting_agenda_docx", args=[pk])),
        (
            may_read and has_minutes,
            "Minutes (Word document)",
            reverse("meeting_minutes_docx", args=[pk]),
        ),
        (may_read, "Board’s action log", reverse("board_action_log", args=[slug])),
    ]
    return [{"text": text, "url": url} for allowed, text, url in candidates if allowed]


@dataclass(frozen=True)
class AttendanceInWords:
    """Who attended, as the minutes write it: members present (chair first), deputies
    naming whom they deputised for, others in attendance, apologies and absences."""

    present: list[str]
    in_attendance: list[str]
    apologies: list[str]
    absent: list[str]


def _role_rank(attendance: Attendance) -> tuple[int, str]:
    membership = attendance.membership
    role = membership.role if membership else Membership.Role.OFFICER
    return ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER), str(attendance.person)


def _name_with_role(attendance: Attendance) -> str:
    membership = attendance.membership
    if membership and membership.role in (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR):
        return f"{attendance.person} ({membership.get_role_display()})"
    return str(attendance.person)


def attendance_in_words(record: MinutesRecord) -> AttendanceInWords:
    """The record's attendance in words; no queries beyond minutes_for()'s."""
    members = sorted(
        [a for a in record.present if a.membership_id] + record.deputies, key=_role_rank
    )
    present = [
        f"{a.deputy} (deputising for {a.person})"
        if a.status == Attendance.Status.DEPUTY_ATTENDED
        else _name_with_role(a)
        for a in members
    ]
    in_attendance = [
        f"{a.person} ({a.person.job_title})" if a.person.job_title else str(a.person)
        for a in record.present
        if not a.membership_id
    ]
    return AttendanceInWords(
        present=present,
        in_attendance=in_attendance,
        apologies=[_name_with_role(a) for a in sorted(record.apologies, key=_role_rank)],
        absent=[_name_with_role(a) for a in sorted(record.absent, key=_role_rank)],
    )
