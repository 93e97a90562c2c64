"""Writes of the record: attendance, declarations, times, publishing and approving the
minutes, actions arising and the work programme."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from governance.minutes import services
from governance.minutes.services import AttendanceEntry
from governance.models import ActionArising, Attendance, Declaration, Meeting, WorkProgrammeItem
from tests.governance.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    MinuteFactory,
    UserFactory,
)
from tests.governance.minutes.factories import meeting_on, member, panel, uk

pytestmark = pytest.mark.django_db

PRESENT, APOLOGIES = Attendance.Status.PRESENT, Attendance.Status.APOLOGIES
ABSENT, DEPUTY = Attendance.Status.ABSENT, Attendance.Status.DEPUTY_ATTENDED


# Attendance ------------------------------------------------------------------------------


def test_attendance_takes_the_organisation_from_the_membership_else_the_person(
    board, november, clerk
):
    chair = member(board, "T Sharif", "Tameside Council", role="chair")
    officer = UserFactory(full_name="Tony Decrop")
    officer.organisation = chair.organisation
    officer.save()
    entries = [AttendanceEntry(chair.person, PRESENT), AttendanceEntry(officer, PRESENT)]

    rows = services.attendance_record(meeting=november, entries=entries, user=clerk)

    by_person = {row.person: row for row in rows}
    assert by_person[chair.person].membership == chair
    assert by_person[chair.person].organisation == chair.organisation
    assert by_person[officer].membership is None
    assert by_person[officer].organisation == chair.organisation
    assert by_person[chair.person].history.get().history_user == clerk


def test_a_deputy_defaults_to_the_membership_named_deputy(board, november, clerk):
    named = UserFactory(full_name="Named Deputy")
    seat = member(board, "J Homer", "Tameside Council", deputy=named)

    (row,) = services.attendance_record(
        meeting=november, entries=[AttendanceEntry(seat.person, DEPUTY)], user=clerk
    )

    assert (row.status, row.deputy) == (DEPUTY, named)


def test_a_deputy_must_be_named_and_not_the_member(board, november, clerk):
    seat = member(board, "T Smith")
    other = member(board, "Welsh")

    with pytest.raises(ValidationError) as raised:
        services.attendance_record(
            meeting=november, user=clerk,
            entries=[AttendanceEntry(seat.person, DEPUTY),
                     AttendanceEntry(other.person, DEPUTY, deputy=other.person)],
        )  # fmt: skip

    assert raised.value.message_dict == {
        f"deputy_{seat.person.pk}": ["Select who attended as deputy for T Smith"],
        f"deputy_{other.person.pk}": ["Welsh cannot be their own deputy"],
    }
    assert not Attendance.objects.exists()


def test_attendance_is_changed_in_place_and_removed_when_not_recorded(board, november, clerk):
    seat = member(board, "Martin")
    officer = AttendanceFactory(meeting=november, status=PRESENT).person

    services.attendance_record(
        meeting=november, user=clerk,
        entries=[AttendanceEntry(seat.person, PRESENT), AttendanceEntry(officer, "")],
    )  # fmt: skip
    services.attendance_record(
        meeting=november, entries=[AttendanceEntry(seat.person, APOLOGIES)], user=clerk
    )

    (row,) = Attendance.objects.filter(meeting=november)
    assert (row.person, row.status) == (seat.person, APOLOGIES)
    assert [r.history_change_reason for r in row.history.order_by("history_date")] == [
        "Attendance recorded", "Attendance changed",
    ]  # fmt: skip


def test_attendance_of_approved_minutes_cannot_change(board, november, january, clerk):
    MinuteFactory(meeting=november, number=16)
    services.minutes_approve(meeting=november, at_meeting=january, user=clerk)
    november.refresh_from_db()

    with pytest.raises(ValidationError, match="approved as a correct record at the meeting on 11"):
        services.attendance_record(
            meeting=november, entries=[AttendanceEntry(member(board, "X").person, PRESENT)],
            user=clerk,
        )  # fmt: skip


# Declarations ----------------------------------------------------------------------------


def test_a_declaration_is_on_an_item_of_the_meeting(board, november, january, clerk):
    item = AgendaItemFactory(meeting=november, order=4)
    person = member(board, "Owen").person

    declaration = services.declaration_add(
        meeting=november, agenda_item=item, person=person, kind="non_registrable",
        interest="<b>Foster carer</b>", user=clerk,
    )  # fmt: skip

    assert (declaration.agenda_item, declaration.interest) == (item, "Foster carer")
    with pytest.raises(ValidationError) as raised:
        services.declaration_add(
            meeting=november, agenda_item=AgendaItemFactory(meeting=january), person=person,
            kind="other", interest=" ", user=clerk,
        )  # fmt: skip
    assert set(raised.value.message_dict) == {"agenda_item", "kind", "interest"}

    services.declaration_delete(declaration=declaration, user=clerk)
    assert not Declaration.objects.exists()


# Times, publishing, approval -------------------------------------------------------------


def test_times_must_run_forwards_and_mark_the_meeting_held(board, clerk):
    meeting = meeting_on(board, uk(2022, 11, 2), status=Meeting.Status.AGENDA_PUBLISHED)

    with pytest.raises(ValidationError) as raised:
        services.meeting_times_record(
            meeting=meeting, commenced_at=datetime.time(19, 35),
            terminated_at=datetime.time(18), user=clerk,
        )  # fmt: skip
    assert raised.value.message_dict == {
        "terminated_at": ["The meeting must terminate after it commenced"]
    }

    services.meeting_times_record(
        meeting=meeting, commenced_at=datetime.time(18), terminated_at=datetime.time(19, 35),
        user=clerk,
    )  # fmt: skip
    meeting.refresh_from_db()
    assert (meeting.commenced_at, meeting.status) == (datetime.time(18), Meeting.Status.HELD)
    assert meeting.history.first().history_user == clerk


def test_draft_minutes_are_published_once_there_are_minutes(november, clerk):
    with pytest.raises(ValidationError, match="Add at least one minute"):
        services.minutes_publish(meeting=november, user=clerk)
    MinuteFactory(meeting=november)

    services.minutes_publish(meeting=november, user=clerk)

    november.refresh_from_db()
    assert november.minutes_published_at is not None
    with pytest.raises(ValidationError, match="already been published"):
        services.minutes_publish(meeting=november, user=clerk)


def test_minutes_of_a_meeting_not_yet_held_are_not_published(board, clerk):
    later = meeting_on(board, timezone.now() + datetime.timedelta(days=3))
    MinuteFactory(meeting=later)

    with pytest.raises(ValidationError, match="once the meeting has taken place"):
        services.minutes_publish(meeting=later, user=clerk)


def test_minutes_are_approved_at_a_later_meeting_of_the_board(november, january, clerk):
    MinuteFactory(meeting=november)

    services.minutes_approve(meeting=november, at_meeting=january, user=clerk)

    november.refresh_from_db()
    assert november.minutes_approved_at == january
    assert november.status == Meeting.Status.MINUTES_APPROVED
    assert november.minutes_published_at is not None
    assert november.history.first().history_change_reason == (
        "Minutes approved at the meeting on 11 January 2023"
    )


@pytest.mark.parametrize(
    ("which", "message"),
    [
        ("earlier", "only be approved at a meeting after the meeting on 2 November 2022"),
        ("same", "only be approved at a meeting after the meeting on 2 November 2022"),
        ("other_board", "only be approved at a meeting of the same board"),
        ("cancelled", "cannot be approved at a cancelled meeting"),
        ("future", "once the meeting approving them has started"),
    ],
)
def test_approval_is_refused_anywhere_else(board, november, clerk, which, message):
    MinuteFactory(meeting=november)
    at = {
        "earlier": lambda: meeting_on(board, uk(2022, 9, 21)),
        "same": lambda: november,
        "other_board": lambda: meeting_on(panel(name="Other", slug="other"), uk(2023, 1, 11)),
        "cancelled": lambda: meeting_on(board, uk(2023, 1, 11), status=Meeting.Status.CANCELLED),
        "future": lambda: meeting_on(board, timezone.now() + datetime.timedelta(days=1)),
    }[which]()

    with pytest.raises(ValidationError, match=message):
        services.minutes_approve(meeting=november, at_meeting=at, user=clerk)

    november.refresh_from_db()
    assert november.minutes_approved_at is None


def test_minutes_are_approved_once_and_then_kept(november, january, board, clerk):
    minute = MinuteFactory(meeting=november)
    services.minutes_approve(meeting=november, at_meeting=january, user=clerk)
    march = meeting_on(board, uk(2023, 3, 8))

    with pytest.raises(ValidationError, match="already been approved"):
        services.minutes_approve(meeting=november, at_meeting=march, user=clerk)
    november.refresh_from_db()
    with pytest.raises(ValidationError, match="can no longer be changed"):
        services.minute_update(minute=minute, title="New", text="", resolved="", user=clerk)


def test_no_minutes_no_approval(november, january, clerk):
    with pytest.raises(ValidationError, match="no minutes of that meeting"):
        services.minutes_approve(meeting=november, at_meeting=january, user=clerk)


# Actions arising -------------------------------------------------------------------------


def test_an_action_arising_is_agreed_with_owner_and_due_date(november, clerk):
    minute = MinuteFactory(meeting=november)
    owner = UserFactory()

    action = services.action_arising_add(
        minute=minute, description="Circulate <b>the</b> strategy", owner=owner,
        due_date=datetime.date(2023, 1, 11), user=clerk,
    )  # fmt: skip

    assert (action.description, action.owner, action.created_by) == (
        "Circulate the strategy", owner, clerk,
    )  # fmt: skip
    assert action.history.get().history_user == clerk
    with pytest.raises(ValidationError) as raised:
        services.action_arising_add(
            minute=minute, description="", owner=None, due_date=datetime.date(2022, 11, 1),
            user=clerk,
        )  # fmt: skip
    assert set(raised.value.message_dict) == {"description", "owner", "due_date"}


def test_done_needs_a_completion_date_defaulting_to_today_and_reopening_clears_it(november, clerk):
    action = services.action_arising_add(
        minute=MinuteFactory(meeting=november), description="Report back",
        owner=clerk, due_date=datetime.date(2023, 1, 11), user=clerk,
    )  # fmt: skip
    today = datetime.date(2023, 1, 5)

    action = services.action_arising_update(
        action=action, status="done", progress="Sent", completed_on=None, user=clerk, today=today
    )
    assert (action.status, action.completed_on) == ("done", today)

    services.action_arising_update(
        action=action, status="open", progress="Not enough", completed_on=today, user=clerk,
        today=today,
    )  # fmt: skip
    action.refresh_from_db()
    assert (action.status, action.completed_on) == ("open", None)
    assert [r.history_change_reason for r in action.history.order_by("history_date")] == [
        "Action agreed", "Marked done", "Progress reported",
    ]  # fmt: skip


def test_a_completion_date_is_not_in_the_future_nor_before_the_meeting(november, clerk):
    action = ActionArising.objects.create(
        minute=MinuteFactory(meeting=november), description="x", owner=clerk,
        due_date=datetime.date(2023, 1, 1),
    )  # fmt: skip
    today = datetime.date(2023, 1, 5)
    for completed_on, message in (
        (datetime.date(2023, 1, 6), "today or in the past"),
        (datetime.date(2022, 11, 1), "on or after the meeting, 2 November 2022"),
    ):
        with pytest.raises(ValidationError, match=message):
            services.action_arising_update(
                action=action, status="done", progress="", completed_on=completed_on,
                user=clerk, today=today,
            )  # fmt: skip


# Work programme --------------------------------------------------------------------------


def test_a_topic_is_planned_for_a_meeting_or_a_month(board, january, clerk):
    by_month = services.work_programme_item_add(
        board=board, topic="Children missing from home", planned_month=datetime.date(2023, 3, 8),
        user=clerk,
    )  # fmt: skip
    assert by_month.planned_month == datetime.date(2023, 3, 1)

    services.work_programme_item_update(
        item=by_month, topic="Children missing from home and care", lead="DCS", purpose="Scrutiny",
        meeting=january, planned_month=datetime.date(2023, 3, 1), status="on_agenda", user=clerk,
    )  # fmt: skip
    by_month.refresh_from_db()
    assert (by_month.meeting, by_month.planned_month, by_month.status) == (
        january, None, WorkProgrammeItem.Status.ON_AGENDA,
    )  # fmt: skip


def test_a_topic_needs_a_title_and_a_meeting_of_its_board(board, clerk):
    elsewhere = meeting_on(panel(name="Other", slug="other"), uk(2023, 1, 11))

    with pytest.raises(ValidationError) as raised:
        services.work_programme_item_add(board=board, topic=" ", meeting=elsewhere, user=clerk)

    assert set(raised.value.message_dict) == {"topic", "meeting"}
