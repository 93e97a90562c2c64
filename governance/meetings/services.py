"""Writes for boards, memberships and meetings; agenda items and papers are written by
governance.meetings.agenda_services and paper_services, imported here so that callers
use one module.

Every service takes keyword arguments only, is atomic, checks its rules first and
raises ValidationError (with a message per field where a field is to blame), leaving
nothing half-written. Text is stored as plain text: any tags are stripped. Changes
are audited (governance.meetings.audit): meetings and agenda items in their history,
boards and memberships in the admin log.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify

from governance.domain.municipal_year import municipal_year
from governance.meetings import standard_items
from governance.meetings.agenda_services import (
    agenda_item_add,
    agenda_item_delete,
    agenda_item_move,
    agenda_item_update,
)
from governance.meetings.audit import ADDITION, CHANGE, log_change, save_with_history
from governance.meetings.formatting import day_in_words
from governance.meetings.paper_services import (
    paper_add_report,
    paper_delete,
    paper_move,
    paper_upload,
)
from governance.meetings.selectors import previous_meeting
from governance.meetings.versions import changes_to_write
from governance.models import AgendaItem, Board, Meeting, Membership, Paper
from scorecard.services import plain_text

__all__ = [
    "agenda_item_add", "agenda_item_delete", "agenda_item_move", "agenda_item_update",
    "board_create", "board_update", "meeting_cancel", "meeting_create", "meeting_mark_held",
    "meeting_publish_agenda", "meeting_update", "membership_add", "membership_update",
    "paper_add_report", "paper_delete", "paper_move", "paper_upload",
]  # fmt: skip

BOARD_TEXT = ("name", "slug", "terms_of_reference", "contact_name", "contact_email")
BOARD_TEXT += ("default_place",)
BOARD_FIELDS = (*BOARD_TEXT, "kind", "items_start_on_odd_pages", "is_public")
RESERVED_SLUGS = {"new"}  # /boards/new/ is the page that adds a board
MEMBERSHIP_FIELDS = ("person", "organisation", "role", "deputy", "start_date", "end_date")
MEETING_LABELS = {"starts_at": "Date and start time", "place": "Place",
                  "papers_deadline": "Papers deadline"}  # fmt: skip
CANCEL_REASON_MAX = 90  # "Cancelled: " and the reason fit the history's 100 characters
Status = Meeting.Status


# Boards -----------------------------------------------------------------------------------


def _board_values(values: dict) -> dict:
    """Plain text, trimmed; an empty slug is made from the name."""
    values = {**values, **{k: plain_text(values[k]) for k in BOARD_TEXT if k in values}}
    if "slug" in values:
        values["slug"] = slugify(values["slug"] or values.get("name", ""))[:80]
    return values


def _board_problems(values: dict, *, board: Board | None) -> dict[str, str]:
    """A board needs a unique name, a unique slug that is not reserved, a known kind and,
    if given, a real email address."""
    others = Board.objects.exclude(pk=board.pk) if board else Board.objects.all()
    problems = {}
    if not values["name"]:
        problems["name"] = "Enter the board's name"
    elif others.filter(name__iexact=values["name"]).exists():
        problems["name"] = "A board with this name already exists"
    if not values["slug"] or values["slug"] in RESERVED_SLUGS:
        problems["slug"] = "Enter a short name for the web address, such as improvement-board"
    elif others.filter(slug=values["slug"]).exists():
        problems["slug"] = "Another board already uses this short name"
    if values["kind"] not in Board.Kind.values:
        problems["kind"] = "Select the kind of board"
    if values["contact_email"]:
        try:
            validate_email(values["contact_email"])
        except ValidationError:
            problems["contact_email"] = (
                "Enter an email address in the correct format, like name@example.gov.uk"
            )
    return problems


def _save_board(board: Board, values: dict, *, user, flag: int) -> Board:
    values = _board_values(values)
    current = _current(board, BOARD_FIELDS)
    problems = _board_problems({**current, **values}, board=board if board.pk else None)
    if problems:
        raise ValidationError(problems)
    for name, value in values.items():
        setattr(board, name, value)
    board.save()
    log_change(board, user=user, flag=flag, message=_changed_names(values, flag))
    return board


@transaction.atomic
def board_create(*, user, name: str, kind: str, **details) -> Board:
    """Adds a board; details are the other board fields (slug, terms_of_reference,
    contact_name, contact_email, default_place, items_start_on_odd_pages, is_public)."""
    _check_names(details, BOARD_FIELDS)
    board = Board(name="", slug="", kind="")
    values = {"slug": "", **details, "name": name, "kind": kind}
    return _save_board(board, values, user=user, flag=ADDITION)


@transaction.atomic
def board_update(*, board: Board, user, opened=None, changed=None, **changes) -> Board:
    """Changes any of a board's fields (BOARD_FIELDS), under the same rules as adding;
    with the form's `opened` and `changed`, only the fields changed, refusing a change
    over someone else's (governance.meetings.versions)."""
    _check_names(changes, BOARD_FIELDS)
    board = Board.objects.select_for_update().get(pk=board.pk)
    changes = changes_to_write(board, changes, opened=opened, changed=changed)
    if not changes:
        return board
    return _save_board(board, changes, user=user, flag=CHANGE)


# Memberships ------------------------------------------------------------------------------


def _overlaps(membership: Membership, start: datetime.date, end: datetime.date | None) -> bool:
    """Two date ranges overlap (an open end runs on for ever)."""
    before_end = end is None or membership.start_date <= end
    return before_end and (membership.end_date is None or membership.end_date >= start)


def _dates_in_words(membership: Membership) -> str:
    start = date_format(membership.start_date, "j F Y")
    if membership.end_date is None:
        return f"from {start}"
    return f"from {start} to {date_format(membership.end_date, 'j F Y')}"


def _membership_problems(board: Board, values: dict, *, exclude: int | None) -> dict[str, str]:
    """To is on or after from; a deputy is not the member; a known role; and the rules
    about other memberships of the board (_overlap_problems)."""
    start, end, person = values["start_date"], values["end_date"], values["person"]
    if person is None:
        return {"person": "Select the person"}
    if start is None:
        return {"start_date": "Enter the date the membership starts"}
    problems = {}
    if end is not None and end < start:
        problems["end_date"] = "The end date must be the same as or after the start date"
    if values["deputy"] is not None and values["deputy"] == person:
        problems["deputy"] = "The deputy must be someone other than the member"
    if values["role"] not in Membership.Role.values:
        problems["role"] = "Select the member's role"
    until = start if "end_date" in problems else end
    others = [
        m
        for m in board.memberships.exclude(pk=exclude).select_related("person")
        if _overlaps(m, start, until)
    ]
    return {**_overlap_problems(board, values, others), **problems}


def _overlap_problems(board: Board, values: dict, others: list[Membership]) -> dict[str, str]:
    """One chair at a time per board; a person holds one membership of a board at a time.
    `others` are the board's other memberships whose dates overlap this one's."""
    problems = {}
    chair = next((m for m in others if m.role == Membership.Role.CHAIR), None)
    if values["role"] == Membership.Role.CHAIR and chair:
        problems["role"] = (
            f"{chair.person} is chair of the {board} {_dates_in_words(chair)}: a board has "
            "one chair at a time. End that membership first, or choose another role"
        )
    same = next((m for m in others if m.person_id == values["person"].pk), None)
    if same:
        problems["person"] = (
            f"{values['person']} is already on the {board} {_dates_in_words(same)}: change "
            "that membership instead"
        )
    return problems


def _save_membership(membership: Membership, values: dict, *, user, flag: int) -> Membership:
    if membership.pk:
        values = {**_current(membership, MEMBERSHIP_FIELDS), **values}
    board = Board.objects.select_for_update().get(pk=membership.board_id)
    problems = _membership_problems(board, values, exclude=membership.pk)
    if problems:
        raise ValidationError(problems)
    for name, value in values.items():
        setattr(membership, name, value)
    membership.save()
    log_change(membership, user=user, flag=flag, message=_changed_names(values, flag))
    return membership


@transaction.atomic
def membership_add(
    *, board: Board, person, role: str, start_date, user, organisation=None, deputy=None,
    end_date=None,
) -> Membership:  # fmt: skip
    """Puts a person on a board in a role from a date (to a date, if known)."""
    membership = Membership(board=board)
    values = {"person": person, "organisation": organisation, "role": role, "deputy": deputy}
    values.update(start_date=start_date, end_date=end_date)
    return _save_membership(membership, values, user=user, flag=ADDITION)


@transaction.atomic
def membership_update(
    *, membership: Membership, user, opened=None, changed=None, **changes
) -> Membership:
    """Changes a membership (MEMBERSHIP_FIELDS), under the same rules as adding one; with
    the form's `opened` and `changed`, only the fields changed, refusing a change over
    someone else's (governance.meetings.versions)."""
    _check_names(changes, MEMBERSHIP_FIELDS)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    changes = changes_to_write(membership, changes, opened=opened, changed=changed)
    if not changes:
        return membership
    return _save_membership(membership, changes, user=user, flag=CHANGE)


# Meetings ---------------------------------------------------------------------------------


def _meeting_values(*, board: Board, starts_at, place: str, papers_deadline) -> dict:
    """A meeting's details checked: a start, a place (the board's usual place if none is
    given) and a papers deadline before the meeting's day."""
    place = plain_text(place) or board.default_place
    problems = {}
    if starts_at is None:
        problems["starts_at"] = "Enter the date and time of the meeting"
    if not place:
        problems["place"] = "Enter where the meeting is held"
    late = starts_at and papers_deadline and papers_deadline >= timezone.localdate(starts_at)
    if late:
        problems["papers_deadline"] = "The papers deadline must be before the meeting date"
    if problems:
        raise ValidationError(problems)
    year = municipal_year(timezone.localdate(starts_at))
    return {"starts_at": starts_at, "place": place[:200], "papers_deadline": papers_deadline,
            "municipal_year": year}  # fmt: skip


def _add_standard_items(meeting: Meeting, *, user) -> None:
    """Apologies, declarations and minutes first; date of next meeting and urgent items
    last. The minutes item carries the previous meeting's minutes as a paper."""
    previous = previous_meeting(board=meeting.board, before=meeting.starts_at)
    day = day_in_words(previous.starts_at) if previous else None
    texts = standard_items.opening_items(board_name=meeting.board.name, previous_day=day)
    texts += standard_items.closing_items(board_name=meeting.board.name)
    for order, text in enumerate(texts, start=1):
        item = AgendaItem(meeting=meeting, order=order, title=text.title,
                          description=text.description, standard=text.standard)  # fmt: skip
        save_with_history(item, user=user, reason="Standard item")
        if text.standard == AgendaItem.Standard.MINUTES and day:
            paper = Paper.objects.create(
                agenda_item=item, order=1, title=standard_items.previous_minutes_title(day),
                kind=Paper.Kind.PREVIOUS_MINUTES, added_by=user,
            )  # fmt: skip
            log_change(paper, user=user, flag=ADDITION, message="Added with the agenda")


@transaction.atomic
def meeting_create(*, board: Board, starts_at, place: str, papers_deadline=None, user) -> Meeting:
    """Arranges a meeting: scheduled, in the municipal year of its day, with the standard
    items on its agenda (governance.meetings.standard_items)."""
    values = _meeting_values(
        board=board, starts_at=starts_at, place=place, papers_deadline=papers_deadline
    )
    meeting = Meeting(board=board, status=Status.SCHEDULED, **values)
    save_with_history(meeting, user=user, reason="Meeting arranged")
    _add_standard_items(meeting, user=user)
    return meeting


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, starts_at, place: str, papers_deadline=None, user, opened=None,
    changed=None,
):  # fmt: skip
    """Changes when and where a meeting is, and its papers deadline; the municipal year
    follows the date. A cancelled meeting is not changed, and a meeting whose minutes
    are numbered does not move to another municipal year. With the form's `opened` and
    `changed` (starts_at, place, papers_deadline), only the fields changed are written,
    refusing a change over someone else's (governance.meetings.versions)."""
    meeting = Meeting.objects.select_for_update().select_related("board").get(pk=meeting.pk)
    if meeting.status == Status.CANCELLED:
        raise ValidationError("This meeting is cancelled: it cannot be changed")
    asked = {"starts_at": starts_at, "place": place, "papers_deadline": papers_deadline}
    asked = changes_to_write(meeting, asked, opened=opened, changed=changed, labels=MEETING_LABELS)
    values = _meeting_values(
        board=meeting.board, starts_at=asked.get("starts_at", meeting.starts_at),
        place=asked.get("place", meeting.place),
        papers_deadline=asked.get("papers_deadline", meeting.papers_deadline),
    )  # fmt: skip
    moving_year = values["municipal_year"] != meeting.municipal_year
    if moving_year and meeting.minutes.exists():
        raise ValidationError({"starts_at": "This meeting's minutes are numbered in the "
                               f"{meeting.municipal_year} municipal year: it cannot move to "
                               "another municipal year"})  # fmt: skip
    for name, value in values.items():
        setattr(meeting, name, value)
    save_with_history(meeting, user=user, reason="Date, time, place or deadline changed")
    return meeting


def _locked(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


@transaction.atomic
def meeting_publish_agenda(*, meeting: Meeting, user) -> Meeting:
    """Publishes the agenda of a scheduled meeting (publishing again records the new time).
    A cancelled meeting, or one already held, is refused."""
    meeting = _locked(meeting)
    if meeting.status == Status.CANCELLED:
        raise ValidationError("This meeting is cancelled: its agenda cannot be published")
    if meeting.status not in (Status.SCHEDULED, Status.AGENDA_PUBLISHED):
        raise ValidationError("This meeting has been held: its agenda cannot be published now")
    meeting.status, meeting.agenda_published_at = Status.AGENDA_PUBLISHED, timezone.now()
    save_with_history(meeting, user=user, reason="Agenda published")
    return meeting


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting, user) -> Meeting:
    """Records that a meeting took place, once its start time has come."""
    meeting = _locked(meeting)
    if meeting.status == Status.CANCELLED:
        raise ValidationError("This meeting is cancelled: it cannot be marked as held")
    if meeting.status not in (Status.SCHEDULED, Status.AGENDA_PUBLISHED):
        raise ValidationError("This meeting is already marked as held")
    if meeting.starts_at > timezone.now():
        raise ValidationError("This meeting has not started yet: mark it as held afterwards")
    meeting.status = Status.HELD
    save_with_history(meeting, user=user, reason="Meeting held")
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, reason: str, user) -> Meeting:
    """Cancels a meeting that has not been held; the reason is kept in its history."""
    reason = plain_text(reason)
    if not reason:
        raise ValidationError({"reason": "Enter why the meeting is cancelled"})
    if len(reason) > CANCEL_REASON_MAX:
        raise ValidationError({"reason": f"The reason must be {CANCEL_REASON_MAX} characters "
                               "or fewer"})  # fmt: skip
    meeting = _locked(meeting)
    if meeting.status == Status.CANCELLED:
        raise ValidationError("This meeting is already cancelled")
    if meeting.status not in (Status.SCHEDULED, Status.AGENDA_PUBLISHED):
        raise ValidationError("This meeting has been held: it cannot be cancelled")
    meeting.status = Status.CANCELLED
    save_with_history(meeting, user=user, reason=f"Cancelled: {reason}")
    return meeting


# Helpers ----------------------------------------------------------------------------------


def _check_names(values: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")


def _current(obj, names: tuple[str, ...]) -> dict:
    return {name: getattr(obj, name) for name in names}


def _changed_names(values: dict, flag: int) -> str:
    if flag == ADDITION:
        return "Added"
    return "Changed " + ", ".join(name.replace("_", " ") for name in sorted(values))
