"""The meetings pages: who may read them, what they say, and that their queries do not grow."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import roles
from governance.meetings.formatting import time_in_words, when_in_words
from governance.models import Meeting
from tests.governance.factories import (
    AgendaItemFactory,
    BoardFactory,
    MeetingFactory,
    UserFactory,
)
from tests.governance.meetings.editing import edit

LIST = reverse("meeting_list")
JANUARY_MEETING = datetime.datetime(2023, 1, 11, 18, 0, tzinfo=datetime.UTC)


@pytest.fixture
def viewer_client(client, db):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    return client


@pytest.fixture
def meeting(db):
    return MeetingFactory(
        board=BoardFactory(name="Improvement Board", slug="improvement-board"),
        starts_at=JANUARY_MEETING,
        place="Committee Room 1 - Tameside One",
        status=Meeting.Status.HELD,
    )


def test_anonymous_people_are_sent_to_sign_in(client, meeting):
    for url in (LIST, reverse("meeting_detail", kwargs={"pk": meeting.pk})):
        response = client.get(url)

        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_every_role_may_read_meetings(client, user_with_role, any_role, meeting):
    client.force_login(user_with_role(any_role))

    assert client.get(LIST).status_code == 200
    assert client.get(reverse("meeting_detail", kwargs={"pk": meeting.pk})).status_code == 200


def test_the_list_splits_each_boards_meetings_into_upcoming_and_past(viewer_client, meeting):
    soon = timezone.now() + datetime.timedelta(days=10)
    MeetingFactory(board=meeting.board, starts_at=soon, place="Town Hall")
    MeetingFactory(board=meeting.board, starts_at=soon + datetime.timedelta(days=30))
    BoardFactory(name="Scrutiny Panel", slug="scrutiny-panel")

    response = viewer_client.get(LIST)

    (board, upcoming, past), (other, other_upcoming, other_past) = response.context["boards"]
    assert board.name == "Improvement Board"
    assert [m.starts_at for m in upcoming.data] == [soon, soon + datetime.timedelta(days=30)]
    assert list(past.data) == [meeting]
    assert other.name == "Scrutiny Panel"
    assert "No upcoming meetings." in response.text
    assert (
        'Upcoming meetings<span class="govuk-visually-hidden"> of Improvement Board</span>'
        in response.text
    )
    assert "No past meetings." in response.text


def test_the_list_says_when_where_and_status_in_words(viewer_client, meeting):
    text = viewer_client.get(LIST).text

    assert "Wednesday 11 January 2023, 6pm" in text
    assert "Committee Room 1 - Tameside One" in text
    assert '<strong class="govuk-tag govuk-tag--yellow">Held</strong>' in text
    assert f'href="{reverse("meeting_detail", kwargs={"pk": meeting.pk})}"' in text


def test_the_detail_shows_the_meeting_and_its_agenda_in_order(viewer_client, meeting):
    AgendaItemFactory(meeting=meeting, order=2, title="Performance scorecard")
    AgendaItemFactory(meeting=meeting, order=1, title="Apologies", description="Apologies given")

    response = viewer_client.get(reverse("meeting_detail", kwargs={"pk": meeting.pk}))

    text = response.text
    assert "Improvement Board" in text
    assert "Wednesday 11 January 2023, 6pm" in text
    assert "Committee Room 1 - Tameside One" in text
    assert "Held" in text
    assert text.index("Apologies") < text.index("Performance scorecard")
    assert "Apologies given" in text


def test_an_exempt_item_shows_its_paragraph_and_withholds_its_description(viewer_client, meeting):
    AgendaItemFactory(
        meeting=meeting,
        order=1,
        title="Placement costs",
        description="Named child's placement",
        exempt_paragraph=1,
    )

    text = viewer_client.get(reverse("meeting_detail", kwargs={"pk": meeting.pk})).text

    assert "1. Placement costs" in text
    assert (
        "Exempt under paragraph 1 of Schedule 12A to the Local Government Act 1972: "
        "its papers are for board members only" in text
    )
    assert "Named child&#x27;s placement" not in text
    assert "Named child" not in text


def test_an_unknown_meeting_is_not_found(viewer_client):
    assert viewer_client.get(reverse("meeting_detail", kwargs={"pk": 999})).status_code == 404


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (datetime.datetime(2023, 1, 11, 18, 0, tzinfo=datetime.UTC), "6pm"),
        (datetime.datetime(2023, 1, 11, 9, 30, tzinfo=datetime.UTC), "9:30am"),
        (datetime.datetime(2023, 1, 11, 12, 0, tzinfo=datetime.UTC), "midday"),
        (datetime.datetime(2023, 1, 11, 0, 0, tzinfo=datetime.UTC), "midnight"),
        (datetime.datetime(2023, 6, 14, 17, 0, tzinfo=datetime.UTC), "6pm"),  # BST
    ],
)
def test_times_are_written_as_gov_uk_writes_them_in_uk_time(moment, shown):
    assert time_in_words(moment) == shown


def test_a_meeting_date_is_written_in_full():
    assert when_in_words(JANUARY_MEETING) == "Wednesday 11 January 2023, 6pm"


# Arranging and changing meetings ----------------------------------------------------------


@pytest.fixture
def officer_client(client, db):
    client.force_login(UserFactory(roles=[roles.DEMOCRATIC_SERVICES]))
    return client


def meeting_data(board=None, **overrides):
    data = {"date_day": "8", "date_month": "3", "date_year": "2023", "start_time": "6pm",
            "place": "Committee Room 1", "papers_deadline_day": "24",
            "papers_deadline_month": "2", "papers_deadline_year": "2023"}  # fmt: skip
    if board is not None:
        data["board"] = board.pk
    return {**data, **overrides}


def test_the_create_form_starts_with_the_board_asked_for(officer_client):
    board = BoardFactory(slug="scrutiny-panel", default_place="Tameside One")

    form = officer_client.get(reverse("meeting_create") + "?board=scrutiny-panel").context["form"]

    assert form.initial == {"board": board, "place": "Tameside One"}
    unknown = officer_client.get(reverse("meeting_create") + "?board=nope")
    assert unknown.status_code == 200
    assert unknown.context["form"].initial == {}


def test_arranging_a_meeting(officer_client, meeting):
    response = officer_client.post(reverse("meeting_create"), meeting_data(meeting.board))

    new = Meeting.objects.get(starts_at=datetime.datetime(2023, 3, 8, 18, 0, tzinfo=datetime.UTC))
    assert response.url == reverse("meeting_detail", args=[new.pk])
    assert (new.place, new.papers_deadline, new.municipal_year) == (
        "Committee Room 1",
        datetime.date(2023, 2, 24),
        "2022/23",
    )
    text = officer_client.get(response.url).text
    assert "The meeting on Wednesday 8 March 2023, 6pm is saved" in text
    assert "held on 11 January 2023." in text
    assert "Minutes of 11 January 2023" in text


def test_the_meeting_form_shows_its_errors_in_a_summary(officer_client, meeting):
    response = officer_client.post(
        reverse("meeting_create"),
        meeting_data(date_day="31", date_month="2", start_time="6", papers_deadline_month=""),
    )

    text = response.text
    assert "<title>Error: Arrange a meeting" in text
    for message in [
        "Select the board",
        "Date of the meeting must be a real date",
        "Start time must be a real time, such as 6pm, 6:30pm or 18:30",
        "Papers deadline must include a month",
    ]:
        assert message in text
    response = officer_client.post(
        reverse("meeting_create"),
        meeting_data(meeting.board, date_day="", date_month="", date_year="", start_time=""),
    )
    assert "Enter the date of the meeting" in response.text
    assert "Enter the start time" in response.text
    assert Meeting.objects.count() == 1


def test_the_service_rules_show_on_the_meeting_form(officer_client, meeting):
    response = officer_client.post(
        reverse("meeting_create"),
        meeting_data(meeting.board, papers_deadline_day="9", papers_deadline_month="3"),
    )

    assert "The papers deadline must be before the meeting date" in response.text
    assert 'href="#id_papers_deadline-day"' in response.text


def test_changing_a_meeting(officer_client, meeting):
    url = reverse("meeting_update", args=[meeting.pk])
    form = officer_client.get(url).context["form"]
    assert (form.initial["start_time"], form.initial["date"]) == ("6pm", datetime.date(2023, 1, 11))
    assert "board" not in form.fields

    edit(officer_client, url, meeting_data(start_time="18:30", date_month="6"))

    meeting.refresh_from_db()
    assert timezone.localtime(meeting.starts_at).time() == datetime.time(18, 30)
    assert meeting.municipal_year == "2023/24"


def test_publishing_from_the_meeting_page(officer_client):
    meeting = MeetingFactory(starts_at=JANUARY_MEETING)
    detail = reverse("meeting_detail", args=[meeting.pk])
    text = officer_client.get(detail).text
    for button in [
        "Publish the agenda",
        "Mark as held",
        "Cancel the meeting",
        "Add an agenda item",
    ]:
        assert button in text

    response = officer_client.post(reverse("meeting_publish_agenda", args=[meeting.pk]))

    assert response.url == detail
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.AGENDA_PUBLISHED
    assert "Publish the agenda again" in officer_client.get(detail).text


def test_cancelling_asks_why_and_stops_publishing(officer_client):
    meeting = MeetingFactory(starts_at=JANUARY_MEETING)
    cancel = reverse("meeting_cancel", args=[meeting.pk])
    assert "Why is the meeting cancelled?" in officer_client.get(cancel).text
    assert "Enter why the meeting is cancelled" in officer_client.post(cancel, {"reason": ""}).text

    officer_client.post(cancel, {"reason": "Not quorate"})

    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED
    assert meeting.history.first().history_change_reason == "Cancelled: Not quorate"
    response = officer_client.post(
        reverse("meeting_publish_agenda", args=[meeting.pk]), follow=True
    )
    assert "This meeting is cancelled: its agenda cannot be published" in response.text
    assert "Publish the agenda" not in response.text
    assert '<strong class="govuk-tag govuk-tag--red">Cancelled</strong>' in response.text


def test_marking_a_meeting_held(officer_client):
    meeting = MeetingFactory(starts_at=JANUARY_MEETING)

    response = officer_client.post(reverse("meeting_mark_held", args=[meeting.pk]), follow=True)

    assert "The meeting is marked as held" in response.text
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD
    response = officer_client.post(reverse("meeting_cancel", args=[meeting.pk]), {"reason": "x"})
    assert "This meeting has been held: it cannot be cancelled" in response.text


def test_readers_see_no_buttons(viewer_client, meeting):
    text = viewer_client.get(reverse("meeting_detail", kwargs={"pk": meeting.pk})).text

    for button in ["Publish the agenda", "Mark as held", "Cancel the meeting", "Add an agenda"]:
        assert button not in text
    for hidden in ["Build the full pack", "Full pack, with exempt items", "Record attendance"]:
        assert hidden not in text
    assert "Public pack" in text
    assert "Record of the meeting" in text
    assert reverse("meeting_agenda_docx", args=[meeting.pk]) in text


def test_the_officer_sees_the_packs_and_the_record_of_the_meeting(officer_client, meeting):
    text = officer_client.get(reverse("meeting_detail", kwargs={"pk": meeting.pk})).text

    assert "Agenda packs" in text
    assert "Full pack, with exempt items" in text
    assert 'value="full">Build the full pack' in text
    assert 'value="public">Build the public pack' in text
    assert "Record of the meeting" in text
    assert reverse("meeting_attendance", args=[meeting.pk]) in text
    assert reverse("meeting_declarations", args=[meeting.pk]) in text
