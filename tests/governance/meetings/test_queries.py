"""The pages make as many queries for 30 rows as for 1: boards, meetings, members,
agenda items and papers are read in a fixed number of queries."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance import roles
from tests.governance.factories import (
    AgendaItemFactory,
    BoardFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    PackFactory,
    PaperFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PAST = datetime.datetime(2023, 1, 11, 18, 0, tzinfo=datetime.UTC)


def queries_for(client, url: str) -> int:
    """How many queries a GET of the page makes (read before the next request)."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def signed_in(client, role=roles.VIEWER, person=None):
    client.force_login(person or UserFactory(roles=[role]))
    return client


def full_membership(board):
    return MembershipFactory(
        board=board, organisation=OrganisationFactory(), deputy=UserFactory(),
        start_date=datetime.date(2022, 5, 1),
    )  # fmt: skip


@pytest.mark.parametrize("role", [roles.VIEWER, roles.DEMOCRATIC_SERVICES])
def test_the_meeting_list(client, role):
    board = BoardFactory()
    MeetingFactory(board=board, starts_at=PAST)
    signed_in(client, role)
    url = reverse("meeting_list")
    one = queries_for(client, url)

    MeetingFactory.create_batch(20, board=board)
    for _ in range(9):
        MeetingFactory(board=BoardFactory(), starts_at=timezone.now() + datetime.timedelta(days=3))
    thirty = queries_for(client, url)

    assert thirty == one
    assert len(re.findall(r'href="/meetings/\d+/"', client.get(url).text)) == 30


@pytest.mark.parametrize("role", [roles.VIEWER, roles.DEMOCRATIC_SERVICES])
def test_the_board_list(client, role):
    def board_with_things():
        board = BoardFactory()
        full_membership(board)
        MeetingFactory(board=board, starts_at=timezone.now() + datetime.timedelta(days=9))
        return board

    board_with_things()
    signed_in(client, role)
    url = reverse("board_list")
    one = queries_for(client, url)

    for _ in range(29):
        board_with_things()
    thirty = queries_for(client, url)

    assert thirty == one
    assert len(re.findall(r'href="/boards/board-\d+/"', client.get(url).text)) == 30


@pytest.mark.parametrize("role", [roles.VIEWER, roles.DEMOCRATIC_SERVICES])
def test_the_board_page(client, role):
    board = BoardFactory()
    full_membership(board)
    MeetingFactory(board=board, starts_at=PAST)
    signed_in(client, role)
    url = reverse("board_detail", args=[board.slug])
    one = queries_for(client, url)

    for _ in range(29):
        full_membership(board)
    MembershipFactory.create_batch(
        5, board=board, start_date=datetime.date(2020, 5, 1), end_date=datetime.date(2021, 4, 30)
    )
    MeetingFactory.create_batch(15, board=board)
    MeetingFactory.create_batch(
        14, board=board, starts_at=timezone.now() + datetime.timedelta(days=30)
    )
    thirty = queries_for(client, url)

    assert thirty == one


def agenda_item_with_papers(meeting, order, *, exempt=False):
    item = AgendaItemFactory(
        meeting=meeting, order=order, report_author=UserFactory(),
        exempt_paragraph=1 if exempt else None,
    )  # fmt: skip
    PaperFactory(agenda_item=item, kind="action_log")
    PaperFactory(agenda_item=item, kind="plan_report", plan=None)
    return item


@pytest.mark.parametrize("who", ["viewer", "officer", "member"])
def test_the_meeting_page(client, who):
    meeting = MeetingFactory(starts_at=PAST)
    person = {
        "viewer": lambda: UserFactory(roles=[roles.VIEWER]),
        "officer": lambda: UserFactory(roles=[roles.DEMOCRATIC_SERVICES]),
        "member": lambda: full_membership(meeting.board).person,
    }[who]()
    agenda_item_with_papers(meeting, 1)
    signed_in(client, person=person)
    url = reverse("meeting_detail", args=[meeting.pk])
    one = queries_for(client, url)

    for order in range(2, 31):
        agenda_item_with_papers(meeting, order, exempt=order % 3 == 0)
    for version in range(1, 6):
        PackFactory(meeting=meeting, audience="full", version=version)
        PackFactory(meeting=meeting, audience="public", version=version)
    thirty = queries_for(client, url)

    assert thirty == one
    assert client.get(url).text.count('class="govuk-summary-card"') == 30
