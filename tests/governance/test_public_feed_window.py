"""A board's calendar feed at volume (issue 13): every upcoming meeting and the latest
FEED_PAST_MEETINGS past ones, said in its description; the same queries for 1 meeting
and for many."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from governance.public.selectors import FEED_PAST_MEETINGS
from tests.governance.factories import BoardFactory
from tests.governance.public.conftest import public_meeting

pytestmark = pytest.mark.django_db
PAST = datetime.datetime(2019, 1, 9, 18, 0, tzinfo=datetime.UTC)


@pytest.fixture
def board():
    return BoardFactory(name="Scrutiny Panel", slug="scrutiny-panel", is_public=True)


def meetings(board, count: int, *, start: datetime.datetime, first: int = 0):
    return [
        public_meeting(board, starts_at=start + datetime.timedelta(days=7 * n))
        for n in range(first, first + count)
    ]


def feed(client, board) -> tuple[int, Calendar]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("board_ical", args=[board.slug]))
    assert response.status_code == 200
    return len(captured), Calendar.from_ical(response.content)


def uids(calendar: Calendar) -> set[str]:
    return {str(event["UID"]) for event in calendar.walk("VEVENT")}


def test_the_feed_holds_the_upcoming_meetings_and_the_latest_past_ones(client, board):
    past = meetings(board, FEED_PAST_MEETINGS + 10, start=PAST)
    upcoming = meetings(board, 3, start=timezone.now() + datetime.timedelta(days=1))

    _, calendar = feed(client, board)

    kept = past[10:] + upcoming
    assert uids(calendar) == {f"meeting-{m.pk}@testserver" for m in kept}
    description = str(calendar["X-WR-CALDESC"])
    assert description.startswith(
        f"Upcoming meetings of the Scrutiny Panel and its latest {FEED_PAST_MEETINGS} past "
        "meetings. Earlier meetings are on the board's page: "
    )
    assert description.endswith("/public/boards/scrutiny-panel/")
    assert str(calendar["X-WR-CALNAME"]) == "Scrutiny Panel meetings"


def test_with_fewer_past_meetings_the_feed_holds_them_all(client, board):
    past = meetings(board, 3, start=PAST)

    _, calendar = feed(client, board)

    assert uids(calendar) == {f"meeting-{m.pk}@testserver" for m in past}


def test_the_feed_reads_the_same_queries_for_1_meeting_and_for_many(client, board):
    meetings(board, 1, start=PAST)
    one, _ = feed(client, board)

    meetings(board, FEED_PAST_MEETINGS + 5, start=PAST, first=1)
    meetings(board, 5, start=timezone.now() + datetime.timedelta(days=1))
    many, calendar = feed(client, board)

    assert many == one
    assert len(uids(calendar)) == FEED_PAST_MEETINGS + 5
