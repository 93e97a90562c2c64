"""A public board's page at volume (issue 13): its past meetings a page at a time, the
latest first, with GOV.UK pagination; a page number out of range or not a number gives
the nearest page; the same queries for 1 past meeting and for many."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance.public.selectors import PAST_PER_PAGE
from tests.governance.factories import BoardFactory
from tests.governance.public.conftest import public_meeting

pytestmark = pytest.mark.django_db


def held(board, count: int):
    """`count` past meetings a week apart, the latest first."""
    last = timezone.now() - datetime.timedelta(days=1)
    return [
        public_meeting(board, starts_at=last - datetime.timedelta(days=7 * n)) for n in range(count)
    ]


def page_of(client, board, **query):
    return client.get(reverse("public_board_detail", args=[board.slug]), query)


def test_past_meetings_come_a_page_at_a_time_the_latest_first(client):
    board = BoardFactory(is_public=True)
    meetings = held(board, PAST_PER_PAGE + 3)

    first, second = page_of(client, board), page_of(client, board, page=2)

    assert [f.meeting for f in first.context["past"]] == meetings[:PAST_PER_PAGE]
    assert [f.meeting for f in second.context["past"]] == meetings[PAST_PER_PAGE:]
    assert 'aria-label="Pages of past meetings"' in first.text
    assert "2 of 2" in first.text
    assert "1 of 2" in second.text


@pytest.mark.parametrize("asked", ["99", "x", "-1", ""])
def test_a_page_number_out_of_range_or_not_a_number_gives_the_nearest_page(client, asked):
    board = BoardFactory(is_public=True)
    held(board, PAST_PER_PAGE + 1)
    response = page_of(client, board, page=asked)
    assert response.status_code == 200
    assert len(response.context["past"]) in (1, PAST_PER_PAGE)


def test_the_same_queries_for_one_past_meeting_and_many(client):
    board = BoardFactory(is_public=True)
    held(board, 1)
    page_of(client, board)
    with CaptureQueriesContext(connection) as one:
        page_of(client, board)
    held(board, 60)
    with CaptureQueriesContext(connection) as many:
        response = page_of(client, board)
    assert len(response.context["past"]) == PAST_PER_PAGE
    assert len(many) == len(one)
