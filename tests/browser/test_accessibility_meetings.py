"""Boards and meetings in a real browser: axe finds nothing on the board list, a board's
page, a meeting's page (for democratic services, and for a viewer with an exempt item),
the form that arranges a meeting (empty and with errors) and the agenda item form; and
democratic services arrange a meeting and add an item, as the council's packs read.
"""

import datetime
import os

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import roles
from governance.meetings import services
from governance.models import Meeting
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import (
    BoardFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.governance.meetings.factories import arranged_meeting, pdf_upload

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NOVEMBER = datetime.datetime(2022, 11, 2, 18, 0, tzinfo=datetime.UTC)
JANUARY = datetime.datetime(2023, 1, 11, 18, 0, tzinfo=datetime.UTC)
PANEL = "Children's Services Scrutiny Panel"
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def officer():
    return UserFactory(roles=[roles.DEMOCRATIC_SERVICES], full_name="Paul Radcliffe")


@pytest.fixture
def panel():
    board = BoardFactory(
        name=PANEL, slug="scrutiny-panel", kind="scrutiny_panel",
        default_place="Committee Room 1 - Tameside One", contact_name="Paul Radcliffe",
        terms_of_reference="To scrutinise the Children's Social Care Improvement Plan.",
    )  # fmt: skip
    MembershipFactory(
        board=board, role="chair", person=UserFactory(full_name="Cllr T Sharif"),
        organisation=OrganisationFactory(name="Tameside Council"),
        deputy=UserFactory(full_name="Cllr Martin"),
    )  # fmt: skip
    MembershipFactory(
        board=board, person=UserFactory(full_name="Cllr Welsh"),
        start_date=datetime.date(2021, 5, 1), end_date=datetime.date(2022, 4, 30),
    )  # fmt: skip
    MeetingFactory(board=board, starts_at=NOVEMBER, status=Meeting.Status.MINUTES_APPROVED)
    MeetingFactory(board=board, starts_at=timezone.now() + datetime.timedelta(days=20))
    return board


@pytest.fixture
def meeting(panel, officer):
    """11 January 2023, as the council's pack has it, with an exempt item and a paper."""
    meeting = arranged_meeting(panel, officer, starts_at=JANUARY, place=panel.default_place)
    item = services.agenda_item_add(
        meeting=meeting, user=officer, title="Children missing from home and care",
        description="The Panel to receive an update on local partnership arrangements.",
        presenters="Alison Stathers-Tracey, Director of Children's Services",
    )  # fmt: skip
    services.paper_upload(
        item=item, user=officer, title="Children who go missing", uploaded_file=pdf_upload(pages=10)
    )
    services.agenda_item_add(
        meeting=meeting, user=officer, title="Placement costs", exempt_paragraph=3,
        description="Costs of individual placements.",
    )  # fmt: skip
    return meeting


def screenshot(page, name: str) -> None:
    """Saves a full-page screenshot when SCREENSHOT_DIR is set, to look at by eye."""
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def test_board_list_and_board_page(page, panel, officer):
    sign_in(page, officer.email)
    page.goto(reverse("board_list"))
    assert page.get_by_role("heading", level=1).inner_text() == "Boards"
    screenshot(page, "board_list")
    assert_accessible(page)

    page.get_by_role("link", name=PANEL).click()
    page.wait_for_url("**" + reverse("board_detail", args=[panel.slug]))
    assert "Cllr T Sharif" in page.get_by_role("table", name="Current members").inner_text()
    assert "Cllr Welsh" in page.get_by_role("table", name="Past members").inner_text()
    screenshot(page, "board_detail")
    assert_accessible(page)


def test_meeting_page_for_democratic_services(page, meeting, officer):
    sign_in(page, officer.email)
    page.goto(reverse("meeting_detail", args=[meeting.pk]))
    assert page.get_by_role("heading", name="3. Minutes").is_visible()
    assert page.get_by_role("link", name="Children who go missing", exact=True).is_visible()
    assert page.get_by_role("button", name="Publish the agenda").is_visible()
    screenshot(page, "meeting_detail_officer")
    assert_accessible(page)


def test_meeting_page_for_a_viewer_hides_the_exempt_item(page, meeting):
    viewer = UserFactory(roles=[roles.VIEWER])
    sign_in(page, viewer.email)
    page.goto(reverse("meeting_detail", args=[meeting.pk]))
    card = page.locator(".govuk-summary-card", has_text="Placement costs")
    assert "Exempt under paragraph 3 of Schedule 12A" in card.inner_text()
    assert "Costs of individual placements" not in page.content()
    screenshot(page, "meeting_detail_viewer")
    assert_accessible(page)


def test_arranging_a_meeting_with_errors(page, panel, officer):
    sign_in(page, officer.email)
    page.goto(reverse("meeting_create") + f"?board={panel.slug}")
    assert page.get_by_label("Place").input_value() == "Committee Room 1 - Tameside One"
    assert_accessible(page)

    fill_date(page, "31", "2", "2023")
    page.get_by_label("Start time").fill("6")
    with page.expect_navigation():
        page.get_by_role("button", name="Arrange meeting").click()
    summary = page.locator(".govuk-error-summary")
    assert page.title().startswith("Error: Arrange a meeting – ")
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert "Date of the meeting must be a real date" in summary.inner_text()
    screenshot(page, "meeting_form_errors")
    assert_accessible(page)
    summary.get_by_role("link", name="Start time must be a real time").click()
    assert page.evaluate("document.activeElement.id") == "id_start_time"

    fill_date(page, "8", "3", "2023")
    page.get_by_label("Start time").fill("6pm")
    with page.expect_navigation():
        page.get_by_role("button", name="Arrange meeting").click()
    assert "8 March 2023, 6pm is saved" in page.locator(".govuk-notification-banner").inner_text()
    minutes = page.locator(".govuk-summary-card", has_text="3. Minutes").inner_text()
    assert f"the Minutes of the proceedings of the {PANEL} held on 2 November 2022." in minutes


def fill_date(page, day: str, month: str, year: str) -> None:
    """The meeting's date: the first of the form's two date inputs."""
    page.get_by_label("Day").first.fill(day)
    page.get_by_label("Month").first.fill(month)
    page.get_by_label("Year").first.fill(year)


def test_adding_an_agenda_item_with_errors(page, meeting, officer):
    sign_in(page, officer.email)
    page.goto(reverse("meeting_detail", args=[meeting.pk]))
    page.get_by_role("link", name="Add an agenda item").click()
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Save item").click()
    assert "Enter the item's title" in page.locator(".govuk-error-summary").inner_text()
    screenshot(page, "agenda_item_form_errors")
    assert_accessible(page)
    page.get_by_label("Title").fill("Children's performance scorecard")
    page.get_by_label("3. Financial or business affairs of any particular person").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save item").click()
    assert page.get_by_role("heading", name="6. Children's performance scorecard").is_visible()
    assert page.get_by_role("heading", name="7. Date of next meeting").is_visible()
    screenshot(page, "meeting_detail_after_adding")
    assert_accessible(page)
