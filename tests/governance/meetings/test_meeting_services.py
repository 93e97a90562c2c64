"""Arranging meetings: the standard items worded as the council's packs word them, the
municipal year, and publishing, holding and cancelling, each recorded in the history."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from governance import roles
from governance.meetings import services
from governance.models import AgendaItem, Meeting, Paper
from tests.governance.factories import (
    BoardFactory,
    MeetingFactory,
    MinuteFactory,
    UserFactory,
)
from tests.governance.meetings.factories import arranged_meeting

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
JANUARY = datetime.datetime(2023, 1, 11, 18, 0, tzinfo=UTC)
NOVEMBER = datetime.datetime(2022, 11, 2, 18, 0, tzinfo=UTC)
PANEL = "Children's Services Scrutiny Panel"


@pytest.fixture
def officer():
    return UserFactory(roles=[roles.DEMOCRATIC_SERVICES], full_name="Paul Radcliffe")


@pytest.fixture
def panel():
    return BoardFactory(name=PANEL, slug="scrutiny-panel", default_place="Tameside One")


def agenda(meeting) -> list[tuple[int, str, str]]:
    return [
        (item.order, item.title, item.standard)
        for item in AgendaItem.objects.filter(meeting=meeting).order_by("order")
    ]


def test_a_new_meeting_has_the_standard_items_in_the_councils_words(panel, officer):
    MeetingFactory(board=panel, starts_at=NOVEMBER, status=Meeting.Status.MINUTES_APPROVED)

    meeting = arranged_meeting(panel, officer, starts_at=JANUARY, place="Committee Room 1")

    assert agenda(meeting) == [
        (1, "Apologies for absence", "apologies"),
        (2, "Declarations of interest", "declarations"),
        (3, "Minutes", "minutes"),
        (4, "Date of next meeting", "next_meeting"),
        (5, "Urgent items", "urgent_items"),
    ]
    items = {item.standard: item for item in meeting.agenda_items.all()}
    assert items["declarations"].description == (
        f"To receive any declarations of interest from members of the {PANEL}."
    )
    assert items["minutes"].description == (
        "To approve as a correct record, the Minutes of the proceedings of the "
        f"{PANEL} held on 2 November 2022."
    )
    assert items["urgent_items"].description == (
        "To consider any additional items the Chair is of the opinion shall be dealt with "
        "as a matter of urgency."
    )
    paper = items["minutes"].papers.get()
    assert (paper.title, paper.kind, paper.file.name) == (
        "Minutes of 2 November 2022",
        Paper.Kind.PREVIOUS_MINUTES,
        "",
    )


def test_the_minutes_item_skips_cancelled_meetings_and_later_ones(panel, officer):
    MeetingFactory(board=panel, starts_at=NOVEMBER, status=Meeting.Status.HELD)
    MeetingFactory(
        board=panel, starts_at=NOVEMBER + datetime.timedelta(days=35), status="cancelled"
    )
    MeetingFactory(board=panel, starts_at=JANUARY + datetime.timedelta(days=50))
    MeetingFactory(starts_at=JANUARY - datetime.timedelta(days=3))  # another board

    meeting = arranged_meeting(panel, officer, starts_at=JANUARY)

    minutes = meeting.agenda_items.get(standard="minutes")
    assert minutes.description.endswith("held on 2 November 2022.")


def test_a_first_meeting_says_there_are_no_minutes_to_approve(panel, officer):
    meeting = arranged_meeting(panel, officer, starts_at=JANUARY)

    minutes = meeting.agenda_items.get(standard="minutes")
    assert minutes.description == (
        f"There are no minutes to approve: this is the first meeting of the {PANEL}."
    )
    assert not minutes.papers.exists()


def test_a_new_meeting_is_scheduled_in_its_municipal_year_with_history(panel, officer):
    meeting = arranged_meeting(panel, officer, starts_at=JANUARY)

    assert meeting.status == Meeting.Status.SCHEDULED
    assert meeting.municipal_year == "2022/23"
    record = meeting.history.get()
    assert (record.history_user, record.history_change_reason) == (officer, "Meeting arranged")
    assert meeting.agenda_items.first().history.get().history_user == officer


def test_the_municipal_year_follows_the_uk_date_not_utc(panel, officer):
    # 11:30pm UTC on 30 April 2023 is 12:30am on 1 May in London (BST).
    late = datetime.datetime(2023, 4, 30, 23, 30, tzinfo=UTC)

    assert arranged_meeting(panel, officer, starts_at=late).municipal_year == "2023/24"
    earlier = late - datetime.timedelta(hours=1)
    assert arranged_meeting(panel, officer, starts_at=earlier).municipal_year == "2022/23"


def test_the_place_defaults_to_the_boards_usual_place_and_text_is_plain(panel, officer):
    meeting = services.meeting_create(board=panel, starts_at=JANUARY, place="  ", user=officer)
    assert meeting.place == "Tameside One"

    meeting = services.meeting_update(
        meeting=meeting, starts_at=JANUARY, place="<b>Room 2</b><script>x()</script>", user=officer
    )
    assert meeting.place == "Room 2"


def test_a_meeting_needs_a_place_and_a_deadline_before_its_day(officer):
    board = BoardFactory(default_place="")

    with pytest.raises(ValidationError) as error:
        services.meeting_create(
            board=board, starts_at=JANUARY, place="", papers_deadline=JANUARY.date(), user=officer
        )

    assert error.value.message_dict == {
        "place": ["Enter where the meeting is held"],
        "papers_deadline": ["The papers deadline must be before the meeting date"],
    }
    assert not Meeting.objects.exists()


def test_changing_the_date_recomputes_the_municipal_year(panel, officer):
    meeting = arranged_meeting(panel, officer, starts_at=JANUARY)
    june = datetime.datetime(2023, 6, 14, 17, 0, tzinfo=UTC)

    meeting = services.meeting_update(
        meeting=meeting,
        starts_at=june,
        place="Room 3",
        papers_deadline=datetime.date(2023, 6, 1),
        user=officer,
    )

    meeting.refresh_from_db()
    assert (meeting.starts_at, meeting.municipal_year, meeting.place) == (june, "2023/24", "Room 3")
    assert meeting.papers_deadline == datetime.date(2023, 6, 1)
    assert meeting.history.first().history_change_reason.startswith("Date, time, place")


def test_a_meeting_with_numbered_minutes_stays_in_its_municipal_year(panel, officer):
    meeting = arranged_meeting(panel, officer, starts_at=JANUARY)
    MinuteFactory(meeting=meeting, board=panel, municipal_year="2022/23")

    with pytest.raises(ValidationError) as error:
        services.meeting_update(
            meeting=meeting, starts_at=JANUARY.replace(month=6), place="Room", user=officer
        )

    assert "numbered in the 2022/23 municipal year" in error.value.message_dict["starts_at"][0]


def test_publishing_the_agenda(panel, officer):
    meeting = arranged_meeting(panel, officer, starts_at=JANUARY)

    services.meeting_publish_agenda(meeting=meeting, user=officer)

    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.AGENDA_PUBLISHED
    assert meeting.agenda_published_at is not None
    assert meeting.history.first().history_change_reason == "Agenda published"


def test_a_cancelled_meeting_cannot_be_published_changed_or_held(panel, officer):
    meeting = arranged_meeting(panel, officer, starts_at=JANUARY)

    services.meeting_cancel(meeting=meeting, reason="Chair unwell <i>today</i>", user=officer)

    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED
    record = meeting.history.first()
    assert (record.history_user, record.history_change_reason) == (
        officer,
        "Cancelled: Chair unwell today",
    )
    with pytest.raises(ValidationError, match="cancelled: its agenda cannot be published"):
        services.meeting_publish_agenda(meeting=meeting, user=officer)
    with pytest.raises(ValidationError, match="cancelled: it cannot be marked as held"):
        services.meeting_mark_held(meeting=meeting, user=officer)
    with pytest.raises(ValidationError, match="cancelled: it cannot be changed"):
        services.meeting_update(meeting=meeting, starts_at=JANUARY, place="x", user=officer)
    with pytest.raises(ValidationError, match="already cancelled"):
        services.meeting_cancel(meeting=meeting, reason="Again", user=officer)


def test_cancelling_needs_a_short_reason(panel, officer):
    meeting = arranged_meeting(panel, officer, starts_at=JANUARY)

    for reason, message in [
        ("", "Enter why the meeting is cancelled"),
        ("x" * 91, "The reason must be 90 characters or fewer"),
    ]:
        with pytest.raises(ValidationError) as error:
            services.meeting_cancel(meeting=meeting, reason=reason, user=officer)
        assert error.value.message_dict == {"reason": [message]}
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SCHEDULED


def test_marking_held_once_the_meeting_has_started(panel, officer):
    soon = timezone.now() + datetime.timedelta(days=2)
    future = arranged_meeting(panel, officer, starts_at=soon)
    with pytest.raises(ValidationError, match="has not started yet"):
        services.meeting_mark_held(meeting=future, user=officer)

    past = arranged_meeting(panel, officer, starts_at=JANUARY)
    services.meeting_mark_held(meeting=past, user=officer)

    past.refresh_from_db()
    assert past.status == Meeting.Status.HELD
    with pytest.raises(ValidationError, match="already marked as held"):
        services.meeting_mark_held(meeting=past, user=officer)
    with pytest.raises(ValidationError, match="has been held: its agenda cannot be published"):
        services.meeting_publish_agenda(meeting=past, user=officer)
    with pytest.raises(ValidationError, match="has been held: it cannot be cancelled"):
        services.meeting_cancel(meeting=past, reason="Too late", user=officer)
