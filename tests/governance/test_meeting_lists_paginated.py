"""The meeting list and a board's page at volume (issue 13): the list shows each board's
next and latest meetings and leads to the board's page, which pages through them all
with the GOV.UK pagination, keeping the other table's page in its links; the same
queries for 1 meeting and for many."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance import roles
from governance.meetings.selectors import LIST_LIMIT, page_within
from tests.governance.factories import BoardFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db
PAST = datetime.datetime(2020, 1, 8, 18, 0, tzinfo=datetime.UTC)


@pytest.fixture
def viewer(client):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    return client


@pytest.fixture
def board():
    return BoardFactory(name="Improvement Board", slug="improvement-board")


def past_meetings(board, count: int, first: int = 0):
    """`count` past meetings a week apart, the latest first in the lists."""
    return [
        MeetingFactory(board=board, starts_at=PAST + datetime.timedelta(days=7 * n))
        for n in range(first, first + count)
    ]


def upcoming_meetings(board, count: int):
    soon = timezone.now() + datetime.timedelta(days=1)
    return [
        MeetingFactory(board=board, starts_at=soon + datetime.timedelta(days=7 * n))
        for n in range(count)
    ]


def read(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.text


def meeting_links(text: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'href="/meetings/(\d+)/"', text)]


def test_the_board_page_pages_through_past_meetings_latest_first(viewer, board):
    made = past_meetings(board, 30)
    url = reverse("board_detail", args=[board.slug])

    _, first = read(viewer, url)
    _, second = read(viewer, url + "?improvement-board-past-page=2")

    latest_first = [meeting.pk for meeting in reversed(made)]
    assert meeting_links(first) == latest_first[:25]
    assert meeting_links(second) == latest_first[25:]
    assert 'class="govuk-pagination"' in first
    assert 'href="?improvement-board-past-page=2"' in first
    assert 'aria-current="page">2</a>' in second


def test_the_page_links_keep_the_other_tables_page(viewer, board):
    past_meetings(board, 30)
    upcoming_meetings(board, 30)
    url = reverse("board_detail", args=[board.slug])

    _, text = read(viewer, url + "?improvement-board-upcoming-page=2")

    assert "improvement-board-upcoming-page=2&amp;improvement-board-past-page=2" in text


@pytest.mark.parametrize("asked", ["abc", "-1", "0", "99"])
def test_a_page_that_is_not_there_shows_the_nearest(viewer, board, asked):
    made = past_meetings(board, 30)
    url = reverse("board_detail", args=[board.slug])

    _, text = read(viewer, f"{url}?improvement-board-past-page={asked}")

    shown = meeting_links(text)
    assert shown == ([made[4].pk, *[m.pk for m in reversed(made[:4])]] if asked == "99" else
                     [m.pk for m in reversed(made)][:25])  # fmt: skip


def test_the_board_page_reads_the_same_queries_for_1_meeting_and_for_60(viewer, board):
    past_meetings(board, 1)
    url = reverse("board_detail", args=[board.slug])
    one, _ = read(viewer, url)

    past_meetings(board, 40, first=1)
    upcoming_meetings(board, 19)
    many, _ = read(viewer, url)
    second_page, _ = read(viewer, url + "?improvement-board-past-page=2")

    assert many == one
    assert second_page == one


def test_the_meeting_list_shows_each_boards_first_meetings_and_leads_to_the_rest(viewer, board):
    made = past_meetings(board, LIST_LIMIT + 5)
    upcoming = upcoming_meetings(board, 2)

    _, text = read(viewer, reverse("meeting_list"))

    shown = meeting_links(text)
    assert shown == [m.pk for m in upcoming] + [m.pk for m in reversed(made)][:LIST_LIMIT]
    assert f"The latest {LIST_LIMIT} of {LIST_LIMIT + 5} past meetings." in text
    assert 'href="/boards/improvement-board/#improvement-board-past-table-caption"' in text
    assert "upcoming meetings. <a" not in text  # all of them are shown


def test_the_meeting_list_reads_the_same_queries_for_1_meeting_and_for_many(viewer, board):
    past_meetings(board, 1)
    url = reverse("meeting_list")
    one, _ = read(viewer, url)

    past_meetings(board, 40, first=1)
    upcoming_meetings(board, 30)
    for n in range(3):
        past_meetings(BoardFactory(), 30, first=n)
    many, text = read(viewer, url)

    assert many == one
    assert len(meeting_links(text)) == 3 * LIST_LIMIT + LIST_LIMIT + LIST_LIMIT


@pytest.mark.parametrize(
    ("number", "count", "expected"), [(1, 0, 1), (3, 51, 3), (4, 50, 2), (0, 10, 1)]
)
def test_a_page_number_is_kept_within_the_pages_there_are(number, count, expected):
    assert page_within(number, count, 25) == expected
