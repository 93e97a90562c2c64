"""The board and meeting pages make as many queries for 20 meetings or items as for 1."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.models import Meeting
from tests.governance.factories import AgendaItemFactory, MeetingFactory, PaperFactory
from tests.governance.public.conftest import pdf_file, public_meeting

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_board_page_and_feed_make_as_many_queries_for_20_meetings_as_for_1(client, board):
    public_meeting(board)
    urls = [
        reverse("public_board_detail", args=[board.slug]),
        reverse("board_ical", args=[board.slug]),
        reverse("public_board_list"),
    ]
    for_one = [queries(client, url) for url in urls]

    for _ in range(12):
        public_meeting(board)
    for _ in range(7):
        MeetingFactory(board=board, status=Meeting.Status.SCHEDULED)

    assert [queries(client, url) for url in urls] == for_one


def test_the_meeting_page_makes_as_many_queries_for_20_items_as_for_1(client, board):
    meeting = public_meeting(board)
    url = reverse("public_meeting_detail", args=[meeting.pk])
    PaperFactory(agenda_item=AgendaItemFactory(meeting=meeting, order=1), file=pdf_file())
    for_one = queries(client, url)

    for order in range(2, 21):
        item = AgendaItemFactory(meeting=meeting, order=order, exempt_paragraph=order % 3 or None)
        PaperFactory(agenda_item=item, file=pdf_file())

    assert queries(client, url) == for_one


def test_the_minutes_page_makes_as_many_queries_for_many_minutes_as_for_few(client, meeting):
    url = reverse("public_minutes", args=[meeting.pk])
    for_few = queries(client, url)

    for order in range(20, 40):
        item = AgendaItemFactory(meeting=meeting, order=order, exempt_paragraph=order % 2 or None)
        meeting.minutes.create(
            board=meeting.board,
            municipal_year=meeting.municipal_year,
            number=order + 100,
            agenda_item=item,
            title=f"Item {order}",
        )

    assert queries(client, url) == for_few
