"""A board's meetings calendar parses back with icalendar and holds one event per meeting
the public may know of: UTC times, the place, a link, and cancelled status."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from governance.models import Meeting
from tests.governance.factories import BoardFactory, MeetingFactory
from tests.governance.public.conftest import SECRETS, public_meeting

pytestmark = pytest.mark.django_db
JUNE = datetime.datetime(2023, 6, 14, 17, 0, tzinfo=datetime.UTC)  # 6pm BST


def feed(client, board) -> tuple:
    response = client.get(reverse("board_ical", args=[board.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return response, {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_holds_each_listed_meeting_in_utc(client, meeting):
    board = meeting.board
    june = public_meeting(
        board, starts_at=JUNE, ends_at=JUNE + datetime.timedelta(minutes=90), place="Town Hall"
    )
    cancelled = public_meeting(board, status=Meeting.Status.CANCELLED)
    scheduled = MeetingFactory(board=board, status=Meeting.Status.SCHEDULED, place="Room 2")
    hidden = MeetingFactory(board=board, status=Meeting.Status.CANCELLED)  # never announced
    MeetingFactory(board=BoardFactory(), status=Meeting.Status.HELD)  # another board

    response, events = feed(client, board)

    host = "testserver"
    assert set(events) == {f"meeting-{m.pk}@{host}" for m in (meeting, june, cancelled, scheduled)}
    assert f"meeting-{hidden.pk}@{host}" not in events
    january = events[f"meeting-{meeting.pk}@{host}"]
    assert january.start == datetime.datetime(2023, 1, 11, 18, 0, tzinfo=datetime.UTC)
    assert january.end == datetime.datetime(2023, 1, 11, 20, 0, tzinfo=datetime.UTC)
    assert str(january["SUMMARY"]) == "Children's Services Scrutiny Panel"
    assert str(january["LOCATION"]) == "Committee Room 1 - Tameside One"
    assert str(january["STATUS"]) == "CONFIRMED"
    assert str(january["URL"]) == f"http://testserver/public/meetings/{meeting.pk}/"
    assert b"DTSTART:20230111T180000Z" in response.content
    june_event = events[f"meeting-{june.pk}@{host}"]
    assert june_event.start == JUNE
    assert june_event.start.utcoffset() == datetime.timedelta(0)
    assert b"DTSTART:20230614T170000Z" in response.content
    assert june_event.end == JUNE + datetime.timedelta(minutes=90)
    assert str(events[f"meeting-{cancelled.pk}@{host}"]["STATUS"]) == "CANCELLED"


def test_a_meeting_without_a_published_agenda_says_so_and_links_to_the_board(client, board):
    scheduled = MeetingFactory(board=board, status=Meeting.Status.SCHEDULED)

    _, events = feed(client, board)

    event = events[f"meeting-{scheduled.pk}@testserver"]
    assert str(event["DESCRIPTION"]) == "Agenda not yet published."
    assert str(event["URL"]) == "http://testserver/public/boards/scrutiny-panel/"


def test_uids_stay_the_same_from_one_fetch_to_the_next(client, meeting):
    _, first = feed(client, meeting.board)
    meeting.place = "Council Chamber"
    meeting.save()
    _, second = feed(client, meeting.board)

    assert set(first) == set(second)
    assert str(second[f"meeting-{meeting.pk}@testserver"]["LOCATION"]) == "Council Chamber"


def test_the_feed_holds_nothing_from_the_agenda(client, meeting):
    response, _ = feed(client, meeting.board)
    for text in [*SECRETS, "Placement of a named child", "Missing children report"]:
        assert text.encode() not in response.content
