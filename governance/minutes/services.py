"""Writes of the meeting record: attendance, declarations, numbered minutes, the meeting's
times, publishing and approving the minutes.

Each service is atomic, takes keyword arguments, stores what people type as plain text
(governance.domain.minutes.plain_text), saves history (django-simple-history) naming the
user, and raises ValidationError (a message per field where there is a field) before
writing anything. Actions arising and the work programme are in
governance.minutes.followup, re-exported here.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from common.concurrency import EditConflict, find_conflicts
from governance.domain.minutes import approval_problem, day_in_words, plain_text, time_problem
from governance.meetings.versions import apply, changes_to_write
from governance.minutes.followup import (  # noqa: F401  (re-exported)
    action_arising_add,
    action_arising_update,
    work_programme_item_add,
    work_programme_item_update,
)
from governance.minutes.selectors import members_on, year_of
from governance.models import (
    AgendaItem,
    Attendance,
    Board,
    Declaration,
    Meeting,
    Membership,
    Minute,
    User,
)

TIME_LABELS = {"commenced_at": "Commenced", "terminated_at": "Terminated"}
HELD_FROM = {Meeting.Status.SCHEDULED, Meeting.Status.AGENDA_PUBLISHED}


def _save(instance, *, user, reason: str, **kwargs) -> None:
    """Saves with the history entry naming who changed it and why."""
    instance._history_user = user
    instance._change_reason = reason
    instance.save(**kwargs)


def check_not_approved(meeting: Meeting) -> None:
    """Rule: minutes approved as a correct record are not changed afterwards, nor the
    attendance and declarations they record."""
    if meeting.minutes_approved_at_id:
        at = meeting.minutes_approved_at
        raise ValidationError(
            f"The minutes were approved as a correct record at the meeting on "
            f"{day_in_words(at.starts_at)}, so they can no longer be changed"
        )


# Attendance ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceEntry:
    """One person's attendance as entered: status "" removes what was recorded."""

    person: User
    status: str
    deputy: User | None = None


@transaction.atomic
def attendance_record(
    *, meeting: Meeting, entries: Iterable[AttendanceEntry], user, opened=None, changed=None
) -> list[Attendance]:
    """One row per person: present, apologies, absent, or deputy attended (the deputy named,
    by default the membership's named deputy). Members current on the meeting's day are
    linked to their membership; the organisation is the membership's, else the person's.
    With the form's `opened` and `changed`, only the people whose row this person changed
    are written, and a row someone else changed meanwhile is refused (EditConflict)."""
    check_not_approved(meeting)
    Meeting.objects.select_for_update().filter(pk=meeting.pk).exists()
    entries = list(entries)
    existing = {a.person_id: a for a in Attendance.objects.filter(meeting=meeting)}
    if opened is not None:
        entries = _attendance_changes(entries, existing, opened=opened, changed=changed or set())
    members = {membership.person_id: membership for membership in members_on(meeting=meeting)}
    problems = _attendance_problems(entries, members)
    if problems:
        raise ValidationError(problems)
    saved = []
    for entry in entries:
        row = existing.get(entry.person.pk)
        if not entry.status:
            if row is not None:
                row._history_user = user
                row.delete()
            continue
        saved.append(_attendance_save(meeting, entry, members.get(entry.person.pk), row, user))
    return saved


def _attendance_now(pk: int, row: Attendance | None) -> dict:
    """One person's attendance as saved now, by the form's field names."""
    return {f"status_{pk}": row.status if row else "", f"deputy_{pk}": row.deputy if row else None}


def _attendance_changes(entries, existing, *, opened, changed) -> list[AttendanceEntry]:
    """Rule (governance.meetings.versions) row by row: the entries this person changed,
    keeping what is saved now for the part of a row they left alone; EditConflict when
    someone else changed the same part since the form was opened."""
    kept, conflicts, current = [], [], {}
    for entry in entries:
        pk, row = entry.person.pk, existing.get(entry.person.pk)
        now = _attendance_now(pk, row)
        current.update(now)
        mine = {name for name in now if name in changed or name not in opened}
        if not mine:
            continue
        sent = {f"status_{pk}": entry.status, f"deputy_{pk}": entry.deputy}
        label = {f"status_{pk}": str(entry.person), f"deputy_{pk}": f"Deputy for {entry.person}"}
        conflicts += find_conflicts(
            opened=opened, current=now, submitted=sent, changed=mine, labels=label
        )
        status = entry.status if f"status_{pk}" in mine else now[f"status_{pk}"]
        deputy = entry.deputy if f"deputy_{pk}" in mine else now[f"deputy_{pk}"]
        kept.append(AttendanceEntry(person=entry.person, status=status, deputy=deputy))
    if conflicts:
        conflict = EditConflict(conflicts)
        conflict.current = current
        raise conflict
    return kept


def _deputy_for(entry: AttendanceEntry, membership: Membership | None) -> User | None:
    if entry.status != Attendance.Status.DEPUTY_ATTENDED:
        return None
    return entry.deputy or (membership.deputy if membership else None)


def _attendance_problems(entries: list[AttendanceEntry], members: dict) -> dict[str, str]:
    """Each person once, a known status, and a deputy (not themselves) when one attended."""
    problems, seen = {}, set()
    for entry in entries:
        pk, name = entry.person.pk, entry.person
        if pk in seen:
            problems[f"status_{pk}"] = f"{name} is listed more than once"
        seen.add(pk)
        if entry.status and entry.status not in Attendance.Status.values:
            problems[f"status_{pk}"] = (
                f"Select whether {name} was present, sent apologies, was absent or sent a deputy"
            )
        deputy = _deputy_for(entry, members.get(pk))
        if entry.status == Attendance.Status.DEPUTY_ATTENDED and deputy is None:
            problems[f"deputy_{pk}"] = f"Select who attended as deputy for {name}"
        elif deputy is not None and deputy.pk == pk:
            problems[f"deputy_{pk}"] = f"{name} cannot be their own deputy"
    return problems


def _attendance_save(meeting, entry, membership, row, user) -> Attendance:
    """Creates or updates one person's row, saving history only when something changed."""
    organisation = membership.organisation if membership else None
    fields = {
        "status": entry.status,
        "deputy": _deputy_for(entry, membership),
        "membership": membership,
        "organisation": organisation or entry.person.organisation,
    }
    if row is None:
        row = Attendance(meeting=meeting, person=entry.person, **fields)
        _save(row, user=user, reason="Attendance recorded")
        return row
    if any(getattr(row, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(row, name, value)
        _save(row, user=user, reason="Attendance changed")
    return row


# Declarations ----------------------------------------------------------------------------


@transaction.atomic
def declaration_add(
    *, meeting: Meeting, agenda_item: AgendaItem, person: User, kind: str, interest: str, user
) -> Declaration:
    """A declaration of interest in an item of this meeting's agenda, its nature as declared."""
    check_not_approved(meeting)
    interest = plain_text(interest)
    problems = {}
    if agenda_item is None or agenda_item.meeting_id != meeting.pk:
        problems["agenda_item"] = "Select an item on this meeting’s agenda"
    if kind not in Declaration.Kind.values:
        problems["kind"] = "Select the kind of interest"
    if not interest:
        problems["interest"] = "Enter the nature of the interest, as declared"
    if problems:
        raise ValidationError(problems)
    return Declaration.objects.create(
        meeting=meeting, agenda_item=agenda_item, person=person, kind=kind, interest=interest
    )


@transaction.atomic
def declaration_delete(*, declaration: Declaration, user) -> None:
    """Removes a declaration recorded in error, while the minutes are not yet approved."""
    check_not_approved(declaration.meeting)
    declaration.delete()


# Minutes ---------------------------------------------------------------------------------


def _next_number(meeting: Meeting) -> int:
    """Rule: minutes are numbered on through the board's municipal year (16, 17, 18...),
    starting at 1 in each year. The board's row is locked so two clerks never take the
    same number; call inside a transaction."""
    Board.objects.select_for_update().filter(pk=meeting.board_id).exists()
    top = Minute.objects.filter(
        board_id=meeting.board_id, municipal_year=year_of(meeting)
    ).aggregate(top=Max("number"))["top"]
    return (top or 0) + 1


def _minute_problems(meeting: Meeting, title: str, agenda_item: AgendaItem | None) -> dict:
    problems = {}
    if not title:
        problems["title"] = "Enter the minute’s title"
    if agenda_item is not None:
        if agenda_item.meeting_id != meeting.pk:
            problems["agenda_item"] = "Select an item on this meeting’s agenda"
        elif Minute.objects.filter(agenda_item=agenda_item).exists():
            problems["agenda_item"] = f"Item {agenda_item.order} already has a minute"
    return problems


@transaction.atomic
def minute_add(
    *,
    meeting: Meeting,
    title: str,
    text: str,
    resolved: str,
    agenda_item: AgendaItem | None = None,
    user,
) -> Minute:
    """A minute numbered next in the board's municipal year, board and year copied from
    the meeting (so the database refuses a number used twice)."""
    check_not_approved(meeting)
    title = plain_text(title)
    problems = _minute_problems(meeting, title, agenda_item)
    if problems:
        raise ValidationError(problems)
    minute = Minute(
        meeting=meeting, board_id=meeting.board_id, municipal_year=year_of(meeting),
        number=_next_number(meeting), agenda_item=agenda_item, title=title,
        text=plain_text(text), resolved=plain_text(resolved),
    )  # fmt: skip
    _save(minute, user=user, reason="Minute added")
    return minute


MINUTE_LABELS = {"title": "Title", "text": "Minute", "resolved": "Resolved"}


@transaction.atomic
def minute_update(
    *, minute: Minute, title: str, text: str, resolved: str, user, opened=None, changed=None
) -> Minute:
    """Changes a minute's title, text or resolutions; its number never changes. With the
    form's `opened` and `changed`, only the fields this person changed are written, and a
    change someone else made to the same field since is refused (EditConflict)."""
    check_not_approved(minute.meeting)
    title = plain_text(title)
    if not title:
        raise ValidationError({"title": "Enter the minute’s title"})
    minute = Minute.objects.select_for_update().get(pk=minute.pk)
    values = {"title": title, "text": plain_text(text), "resolved": plain_text(resolved)}
    writes = changes_to_write(minute, values, opened=opened, changed=changed, labels=MINUTE_LABELS)
    if writes:
        _save(minute, user=user, reason="Minute changed", update_fields=apply(minute, writes))
    return minute


@transaction.atomic
def minutes_from_agenda(*, meeting: Meeting, user) -> list[Minute]:
    """One minute per agenda item not yet minuted, in agenda order, titled as the item and
    numbered on from the year's last minute (the standard items are numbered too)."""
    check_not_approved(meeting)
    items = list(AgendaItem.objects.filter(meeting=meeting, minute__isnull=True).order_by("order"))
    if not items:
        return []
    number = _next_number(meeting)
    minutes = []
    for offset, item in enumerate(items):
        minute = Minute(
            meeting=meeting, board_id=meeting.board_id, municipal_year=year_of(meeting),
            number=number + offset, agenda_item=item, title=item.title,
        )  # fmt: skip
        _save(minute, user=user, reason="Minute added from the agenda")
        minutes.append(minute)
    return minutes


# The meeting: times, publishing and approval ---------------------------------------------


@transaction.atomic
def meeting_times_record(
    *,
    meeting: Meeting,
    commenced_at: datetime.time | None,
    terminated_at: datetime.time | None,
    user,
    opened=None,
    changed=None,
) -> Meeting:
    """When the meeting commenced and terminated (terminated after commenced); a meeting
    with a time recorded has been held. With the form's `opened` and `changed`, only the
    times this person changed, never over someone else's change (EditConflict)."""
    check_not_approved(meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    asked = {"commenced_at": commenced_at, "terminated_at": terminated_at}
    writes = changes_to_write(meeting, asked, opened=opened, changed=changed, labels=TIME_LABELS)
    commenced_at = writes.get("commenced_at", meeting.commenced_at)
    terminated_at = writes.get("terminated_at", meeting.terminated_at)
    problems = time_problem(commenced_at, terminated_at)
    if problems:
        raise ValidationError(problems)
    meeting.commenced_at, meeting.terminated_at = commenced_at, terminated_at
    if commenced_at and meeting.status in HELD_FROM:
        meeting.status = Meeting.Status.HELD
    _save(meeting, user=user, reason="Times recorded")
    return meeting


@transaction.atomic
def minutes_publish(*, meeting: Meeting, user) -> Meeting:
    """Publishes the draft minutes of a meeting that has taken place, so the public pages
    show them, marked "to be approved", until a later meeting approves them."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError("A cancelled meeting has no minutes to publish")
    if meeting.starts_at > timezone.now():
        raise ValidationError("Minutes can only be published once the meeting has taken place")
    if meeting.minutes_published_at:
        raise ValidationError("The minutes have already been published")
    if not Minute.objects.filter(meeting=meeting).exists():
        raise ValidationError("Add at least one minute before publishing the minutes")
    meeting.minutes_published_at = timezone.now()
    if meeting.status in HELD_FROM:
        meeting.status = Meeting.Status.HELD
    _save(meeting, user=user, reason="Draft minutes published")
    return meeting


@transaction.atomic
def minutes_approve(*, meeting: Meeting, at_meeting: Meeting, user) -> Meeting:
    """Rule: minutes are approved as a correct record at a later meeting of the same board
    (governance.domain.minutes.approval_problem). Approved minutes are published too."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    now = timezone.now()
    problem = approval_problem(meeting=meeting, at_meeting=at_meeting, now=now)
    if not problem and not Minute.objects.filter(meeting=meeting).exists():
        problem = "There are no minutes of that meeting to approve"
    if problem:
        raise ValidationError(problem)
    meeting.minutes_approved_at = at_meeting
    meeting.minutes_published_at = meeting.minutes_published_at or now
    meeting.status = Meeting.Status.MINUTES_APPROVED
    reason = f"Minutes approved at the meeting on {day_in_words(at_meeting.starts_at)}"
    _save(meeting, user=user, reason=reason)
    return meeting
