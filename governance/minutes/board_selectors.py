"""Reads across a board's meetings: attendance by organisation over the years, the action
log, the work programme, and one action's history. Each runs a fixed number of queries
whatever the number of meetings, members or rows."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.formats import date_format

from governance.domain.minutes import rate, rate_in_words
from governance.minutes.selectors import meeting_day, year_of
from governance.models import (
    ActionArising,
    Attendance,
    Board,
    Meeting,
    Membership,
    User,
    WorkProgrammeItem,
)

NO_ORGANISATION = "No organisation"
PRESENT = {Attendance.Status.PRESENT, Attendance.Status.DEPUTY_ATTENDED}


@dataclass
class Tally:
    """Members expected at a meeting (or over a year) and what became of them."""

    expected: int = 0
    present: int = 0
    apologies: int = 0
    absent: int = 0

    def add(self, status: str | None) -> None:
        """Counts one expected member: present covers a deputy attending in their place."""
        self.expected += 1
        if status in PRESENT:
            self.present += 1
        elif status == Attendance.Status.APOLOGIES:
            self.apologies += 1
        elif status == Attendance.Status.ABSENT:
            self.absent += 1

    def merge(self, other: "Tally") -> None:
        self.expected += other.expected
        self.present += other.present
        self.apologies += other.apologies
        self.absent += other.absent

    @property
    def not_recorded(self) -> int:
        return self.expected - self.present - self.apologies - self.absent

    @property
    def rate(self) -> float | None:
        return rate(self.present, self.expected)

    @property
    def percent(self) -> int | None:
        return None if self.rate is None else round(100 * self.rate)

    @property
    def in_words(self) -> str:
        return rate_in_words(self.present, self.expected)


@dataclass
class MeetingTallies:
    meeting: Meeting
    by_organisation: dict[str, Tally]
    total: Tally


@dataclass
class YearTallies:
    """A municipal year: each meeting's tallies and the year's, by organisation."""

    year: str
    meetings: list[MeetingTallies] = field(default_factory=list)
    by_organisation: dict[str, Tally] = field(default_factory=dict)
    total: Tally = field(default_factory=Tally)

    @property
    def organisations(self) -> list[str]:
        return sorted(self.by_organisation, key=lambda name: (name == NO_ORGANISATION, name))


def _organisation_name(membership: Membership) -> str:
    organisation = membership.organisation or membership.person.organisation
    return organisation.name if organisation else NO_ORGANISATION


def attendance_by_organisation(*, board: Board, now: datetime.datetime) -> list[YearTallies]:
    """For each municipal year (latest first) and each meeting held (not cancelled), per
    organisation: members expected (memberships current on the day), present (in person or
    by deputy), apologies and absent, and the rate. Three queries."""
    meetings = list(
        Meeting.objects.filter(board=board, starts_at__lte=now)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at")
    )
    memberships = list(
        board.memberships.select_related("organisation", "person__organisation").order_by("pk")
    )
    statuses = {
        (meeting_id, person_id): status
        for meeting_id, person_id, status in Attendance.objects.filter(
            meeting__in=meetings
        ).values_list("meeting_id", "person_id", "status")
    }
    years: dict[str, YearTallies] = {}
    for meeting in meetings:
        tallies = _meeting_tallies(meeting, memberships, statuses)
        year = years.setdefault(year_of(meeting), YearTallies(year_of(meeting)))
        year.meetings.append(tallies)
        year.total.merge(tallies.total)
        for name, tally in tallies.by_organisation.items():
            year.by_organisation.setdefault(name, Tally()).merge(tally)
    return sorted(years.values(), key=lambda year: year.year, reverse=True)


def _meeting_tallies(meeting: Meeting, memberships: list[Membership], statuses) -> MeetingTallies:
    """One meeting's members expected (one membership per person) and their attendance."""
    day, seen = meeting_day(meeting), set()
    by_organisation: dict[str, Tally] = defaultdict(Tally)
    total = Tally()
    for membership in memberships:
        current = membership.start_date <= day and (
            membership.end_date is None or membership.end_date >= day
        )
        if not current or membership.person_id in seen:
            continue
        seen.add(membership.person_id)
        status = statuses.get((meeting.pk, membership.person_id))
        by_organisation[_organisation_name(membership)].add(status)
        total.add(status)
    return MeetingTallies(meeting, dict(sorted(by_organisation.items())), total)


def action_log(*, board: Board) -> QuerySet[ActionArising]:
    """The board's actions arising, due date order, with what each row shows. One query."""
    return (
        ActionArising.objects.filter(minute__board=board)
        .select_related("owner", "minute", "minute__meeting", "minute__agenda_item")
        .order_by("due_date", "pk")
    )


def action_owners(*, board: Board) -> QuerySet[User]:
    """People who own any of the board's actions arising, by name."""
    return (
        User.objects.filter(actions_arising__minute__board=board).distinct().order_by("full_name")
    )


def overdue_q(*, today: datetime.date) -> Q:
    """Overdue by the rule in governance.domain.minutes: open and past its due date."""
    return Q(status=ActionArising.Status.OPEN, due_date__lt=today)


@dataclass
class ProgrammeGroup:
    """Topics planned for one meeting, one month, or not yet planned."""

    heading: str
    meeting: Meeting | None
    items: list[WorkProgrammeItem] = field(default_factory=list)


def work_programme(*, board: Board) -> list[ProgrammeGroup]:
    """The board's work programme by meeting (or planned month, when no meeting is set),
    soonest first, with topics not yet planned last. One query."""
    items = WorkProgrammeItem.objects.filter(board=board).select_related("meeting")
    groups: dict[tuple, ProgrammeGroup] = {}
    for item in items.order_by("pk"):
        key, group = _programme_group(item)
        groups.setdefault(key, group).items.append(item)
    return [groups[key] for key in sorted(groups)]


def _programme_group(item: WorkProgrammeItem) -> tuple[tuple, ProgrammeGroup]:
    """The sort key and empty group an item belongs to."""
    if item.meeting is not None:
        day = meeting_day(item.meeting)
        heading = f"Meeting on {date_format(day, 'l j F Y')}"
        return (0, day, item.meeting.pk), ProgrammeGroup(heading, item.meeting)
    if item.planned_month is not None:
        month = item.planned_month.replace(day=1)
        heading = f"{date_format(month, 'F Y')}: no meeting set yet"
        return (0, month, 0), ProgrammeGroup(heading, None)
    return (1, datetime.date.max, 0), ProgrammeGroup("Not yet planned", None)


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime.datetime
    who: str
    reason: str
    changes: list[str]


TRACKED = {
    "description": "Action",
    "owner": "Owner",
    "due_date": "Due date",
    "status": "Status",
    "progress": "Progress",
    "completed_on": "Completed on",
}


def action_history(action: ActionArising) -> list[HistoryEntry]:
    """Who changed the action, when, why and what, newest first. Two queries."""
    records = list(action.history.select_related("history_user").order_by("history_date", "pk"))
    owners = dict(
        User.objects.filter(pk__in={r.owner_id for r in records}).values_list("pk", "full_name")
    )
    entries, previous = [], None
    for record in records:
        who = str(record.history_user) if record.history_user_id else "the system"
        changes = ["Action recorded"] if previous is None else []
        if previous is not None:
            delta = record.diff_against(previous, included_fields=list(TRACKED))
            changes = [_change_sentence(change, owners) for change in delta.changes]
        entries.append(
            HistoryEntry(record.history_date, who, record.history_change_reason or "", changes)
        )
        previous = record
    return list(reversed(entries))


def _change_sentence(change, owners: dict[int, str]) -> str:
    """One changed field in words: "Status changed from Open to Done"."""
    old, new = (_word(change.field, value, owners) for value in (change.old, change.new))
    return f"{TRACKED[change.field]} changed from {old} to {new}"


def _word(name: str, value, owners: dict[int, str]) -> str:
    if value in (None, ""):
        return "nothing"
    if name == "status":
        return str(ActionArising.Status(value).label)
    if name == "owner":
        return owners.get(value, "someone no longer recorded")
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    return f"“{value}”"
