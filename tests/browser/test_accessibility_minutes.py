"""The meeting record in a real browser: axe finds nothing on the minutes page, the
attendance form (empty and with errors), the board's action log and an action's progress
form with errors; and the clerk approves the last meeting's minutes at the next."""

import datetime
import os

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import roles
from governance.minutes import services
from governance.minutes.services import AttendanceEntry
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import (
    AgendaItemFactory,
    DeclarationFactory,
    UserFactory,
    WorkProgrammeItemFactory,
)
from tests.governance.minutes.factories import meeting_on, member, panel, uk

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")
TODAY = timezone.localdate()


def screenshot(page, name: str) -> None:
    """Saves a full-page screenshot when SCREENSHOT_DIR is set, to look at by eye."""
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


@pytest.fixture
def record():
    """The panel's meeting of 2 November 2022, minuted as the seed has it, and the next."""
    clerk = UserFactory(roles=[roles.DEMOCRATIC_SERVICES], full_name="Dora Clerk")
    owner = UserFactory(roles=[roles.LEAD_OFFICER], full_name="Susan Harris")
    board = panel()
    november = meeting_on(board, uk(2022, 11, 2))
    january = meeting_on(board, uk(2023, 1, 11))
    chair = member(board, "T Sharif", "Tameside Council", role="chair")
    homer = member(board, "J Homer", "Tameside Council")
    member(board, "Phil Davies", "Greater Manchester Police")
    entries = [AttendanceEntry(chair.person, "present"), AttendanceEntry(homer.person, "apologies")]
    services.attendance_record(meeting=november, entries=entries, user=clerk)
    titles = ["Declarations of interest", "Minutes", "Children's placement sufficiency"]
    for order, title in enumerate(titles, start=1):
        AgendaItemFactory(meeting=november, order=order, title=title)
    AgendaItemFactory(meeting=november, order=4, title="Placement costs", exempt_paragraph=3)
    minutes = services.minutes_from_agenda(meeting=november, user=clerk)
    services.minute_update(
        minute=minutes[2], title=minutes[2].title, user=clerk,
        text="The Panel welcomed Tony Decrop, Assistant Director.\n\n- Fostering\n- Costs",
        resolved="That the update be noted.",
    )  # fmt: skip
    action = services.action_arising_add(
        minute=minutes[2], description="Circulate the sufficiency strategy", owner=owner,
        due_date=datetime.date(2023, 1, 11), user=clerk,
    )  # fmt: skip
    DeclarationFactory(agenda_item=november.agenda_items.get(order=3), person=chair.person)
    return {"clerk": clerk, "owner": owner, "board": board, "november": november,
            "january": january, "action": action, "homer": homer}  # fmt: skip


def test_minutes_page(page, record):
    sign_in(page, record["clerk"].email)
    page.goto(reverse("meeting_minutes", args=[record["november"].pk]))
    assert page.get_by_role("heading", level=1).inner_text() == "Minutes"
    assert page.get_by_role("heading", name="3. Children's placement sufficiency").is_visible()
    screenshot(page, "minutes_page")
    assert_accessible(page)


def test_attendance_form_empty_and_with_errors(page, record):
    sign_in(page, record["clerk"].email)
    page.goto(reverse("meeting_attendance", args=[record["november"].pk]))
    screenshot(page, "attendance_form")
    assert_accessible(page)

    page.get_by_role("group", name="Phil Davies").get_by_label("Deputy attended").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save attendance").click()

    summary = page.locator(".govuk-error-summary")
    assert page.title().startswith("Error: Attendance: ")
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert "Select who attended as deputy for Phil Davies" in summary.inner_text()
    screenshot(page, "attendance_form_errors")
    assert_accessible(page)
    summary.get_by_role("link", name="Select who attended as deputy for Phil Davies").click()
    assert page.evaluate("document.activeElement.id").startswith("id_deputy_")


def test_action_log(page, record):
    sign_in(page, record["owner"].email)
    page.goto(reverse("board_action_log", args=[record["board"].slug]))
    page.get_by_label("Overdue only").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Apply filters").click()
    row = page.locator("tbody tr").first
    assert "Circulate the sufficiency strategy" in row.inner_text()
    assert "Overdue by" in row.inner_text()
    screenshot(page, "action_log")
    assert_accessible(page)


def test_action_update_form_with_errors(page, record):
    sign_in(page, record["owner"].email)
    page.goto(reverse("board_action_log", args=[record["board"].slug]))
    page.get_by_role("link", name="Circulate the sufficiency strategy").click()
    page.wait_for_url("**" + reverse("action_arising_update", args=[record["action"].pk]))
    assert_accessible(page)

    page.get_by_label("Done").check()
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2023")
    with page.expect_navigation():
        page.get_by_role("button", name="Save progress").click()

    summary = page.locator(".govuk-error-summary")
    assert "Date completed must be a real date" in summary.inner_text()
    screenshot(page, "action_update_errors")
    assert_accessible(page)
    summary.get_by_role("link", name="Date completed must be a real date").click()
    assert page.evaluate("document.activeElement.id") == "id_completed_on-day"

    page.get_by_label("Day").fill(str(TODAY.day))
    page.get_by_label("Month").fill(str(TODAY.month))
    page.get_by_label("Year").fill(str(TODAY.year))
    page.get_by_label("Progress").fill("Sent to every member")
    with page.expect_navigation():
        page.get_by_role("button", name="Save progress").click()
    assert (
        "The action’s progress is saved" in page.locator(".govuk-notification-banner").inner_text()
    )
    assert "Status changed from Open to Done" in page.locator("main").inner_text()
    assert_accessible(page)


def test_the_clerk_approves_the_minutes_at_the_next_meeting(page, record):
    sign_in(page, record["clerk"].email)
    page.goto(reverse("meeting_minutes", args=[record["january"].pk]))
    button = page.get_by_role(
        "button", name="Approve the minutes of the meeting on 2 November 2022 as a correct record"
    )
    with page.expect_navigation():
        button.click()
    assert (
        "are approved as a correct record"
        in page.locator(".govuk-notification-banner").inner_text()
    )
    page.goto(reverse("meeting_minutes", args=[record["november"].pk]))
    assert "Approved as a correct record at the meeting on 11 January 2023" in page.content()
    assert_accessible(page)


def test_declarations_attendance_and_work_programme_pages(page, record):
    WorkProgrammeItemFactory(board=record["board"], meeting=record["january"],
                             topic="Children missing from home and care", lead="DCS")  # fmt: skip
    WorkProgrammeItemFactory(board=record["board"], topic="Workforce strategy")
    sign_in(page, record["clerk"].email)
    for name, args, shot in (
        ("meeting_declarations", [record["november"].pk], "declarations"),
        ("board_attendance", [record["board"].slug], "board_attendance"),
        ("board_work_programme", [record["board"].slug], "work_programme"),
        ("work_programme_item_add", [record["board"].slug], "work_programme_item_form"),
    ):
        page.goto(reverse(name, args=args))
        screenshot(page, shot)
        assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Save topic").click()
    assert "Enter the topic" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
