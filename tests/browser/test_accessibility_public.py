"""The public pages pass axe-core in a real browser, signed out: the boards list, a
board's page, a meeting's page (with an exempt item, papers and the public pack) and
its minutes; and each reflows on a phone-sized screen."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import Meeting, Membership
from tests.browser.conftest import assert_accessible
from tests.governance.factories import (
    BoardFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.governance.public.conftest import agenda, minutes, packs, public_meeting

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def board():
    board = BoardFactory(
        name="Children's Services Scrutiny Panel",
        slug="scrutiny-panel",
        terms_of_reference="To scrutinise the improvement of children's services.",
        contact_name="Paul Radcliffe",
        contact_email="democratic.services@example.gov.uk",
    )
    MembershipFactory(
        board=board,
        person=UserFactory(full_name="Tafheen Sharif"),
        organisation=OrganisationFactory(name="Tameside Council"),
        role=Membership.Role.CHAIR,
    )
    return board


@pytest.fixture
def meeting(board):
    """A held meeting with draft minutes, a meeting to come and one not yet announced."""
    held = public_meeting(
        board,
        starts_at=datetime.datetime(2023, 1, 11, 18, 0, tzinfo=datetime.UTC),
        status=Meeting.Status.HELD,
        minutes_published_at=timezone.now(),
    )
    items = agenda(held)
    minutes(held, items)
    packs(held)
    soon = timezone.now() + datetime.timedelta(days=14)
    public_meeting(board, starts_at=soon, place="Council Chamber")
    MeetingFactory(board=board, starts_at=soon + datetime.timedelta(days=56))
    return held


def test_public_board_list(page, meeting):
    page.goto(reverse("public_board_list"))
    assert page.get_by_role("heading", level=1).inner_text() == "Boards and meetings"
    assert_accessible(page)


def test_public_board_page(page, meeting):
    page.goto(reverse("public_board_detail", args=[meeting.board.slug]))
    assert page.get_by_role("link", name="Subscribe to this board's meetings calendar").is_visible()
    assert page.get_by_text("Agenda not yet published").is_visible()
    assert_accessible(page)


@pytest.mark.parametrize(
    "url_name",
    ["public_board_list", "public_board_detail", "public_meeting_detail", "public_minutes"],
)
def test_public_pages_on_a_phone_sized_screen(page, meeting, url_name):
    args = {"public_board_list": [], "public_board_detail": [meeting.board.slug]}
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(reverse(url_name, args=args.get(url_name, [meeting.pk])))
    # Reflow (WCAG 1.4.10): the page does not scroll sideways; tables scroll in their region.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


def test_public_meeting_page(page, meeting):
    page.goto(reverse("public_meeting_detail", args=[meeting.pk]))
    assert page.get_by_role("heading", level=1).inner_text() == "Wednesday 11 January 2023"
    assert page.get_by_text("Not for publication: exempt under paragraph 1").is_visible()
    assert_accessible(page)


def test_public_minutes_page(page, meeting):
    page.goto(reverse("public_minutes", args=[meeting.pk]))
    assert page.get_by_text("Draft: to be approved at the next meeting").is_visible()
    assert_accessible(page)
