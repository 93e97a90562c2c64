"""The public list of boards at volume (issue 13): each board's next meeting is read, not
every meeting arranged; the same queries for 1 meeting and for many."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance.models import Meeting
from governance.public.selectors import boards_with_next_meeting
from tests.governance.factories import BoardFactory
from tests.governance.public.conftest import public_meeting

pytestmark = pytest.mark.django_db


def arranged(board, count: int, *, days: int = 1):
    soon = timezone.now() + datetime.timedelta(days=days)
    return [
        public_meeting(board, starts_at=soon + datetime.timedelta(days=7 * n)) for n in range(count)
    ]


def test_each_board_reads_only_its_next_meeting_not_cancelled():
    board = BoardFactory(is_public=True, name="Scrutiny Panel")
    other = BoardFactory(is_public=True, name="Improvement Board")
    public_meeting(
        board, starts_at=timezone.now() + datetime.timedelta(hours=1),
        status=Meeting.Status.CANCELLED,
    )  # fmt: skip
    first, *_ = arranged(board, 12)
    other_first, *_ = arranged(other, 3, days=2)

    found = {entry.board: entry for entry in boards_with_next_meeting(now=timezone.now())}

    assert found[board].next_meeting == first
    assert found[other].next_meeting == other_first
    assert len(found[board].board.upcoming_meetings) == 1


def test_the_public_board_list_reads_the_same_queries_for_1_meeting_and_for_many(client):
    board = BoardFactory(is_public=True)
    arranged(board, 1)
    url = reverse("public_board_list")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    one = queries()
    arranged(board, 30, days=3)
    arranged(BoardFactory(is_public=True), 30)

    assert queries() == one
