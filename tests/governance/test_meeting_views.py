"""The meetings pages: who may read them, what they say, and that their queries do not grow."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance import roles
from governance.meeting_views import time_in_words, when_in_words
from governance.models import Meeting
from tests.governance.factories import (
    AgendaItemFactory,
    BoardFactory,
    MeetingFactory,
    UserFactory,
)

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

    assert "Placement costs" in text
    assert "Exempt: Schedule 12A paragraph 1" in text
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


def test_the_list_makes_as_many_queries_for_50_meetings_as_for_1(
    client, meeting, django_assert_num_queries
):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    with CaptureQueriesContext(connection) as one_meeting:
        assert client.get(LIST).status_code == 200

    MeetingFactory.create_batch(49, board=meeting.board)
    MeetingFactory(board=BoardFactory(), starts_at=timezone.now() + datetime.timedelta(days=1))
    with django_assert_num_queries(len(one_meeting)):
        response = client.get(LIST)

    assert len(re.findall(r'href="/meetings/\d+/"', response.text)) == 51


def test_the_detail_makes_as_many_queries_for_30_items_as_for_1(
    client, meeting, django_assert_num_queries
):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    url = reverse("meeting_detail", kwargs={"pk": meeting.pk})
    AgendaItemFactory(meeting=meeting, order=1)
    with CaptureQueriesContext(connection) as one_item:
        assert client.get(url).status_code == 200

    for order in range(2, 31):
        AgendaItemFactory(meeting=meeting, order=order)
    with django_assert_num_queries(len(one_item)):
        assert client.get(url).status_code == 200
