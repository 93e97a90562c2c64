"""One action's pages in a real browser: axe finds nothing on the detail page, the
progress form (empty and with errors), the review list and form, and the home page
with a challenge; and the story of issue 3, from a board member's update to the
Director seeing the slipped action.
"""

import datetime
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from governance import roles
from improvement_plan import services
from improvement_plan.models import DueDateChange
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.governance.meetings.factories import pdf_bytes
from tests.improvement_plan.factories import (
    ActionFactory,
    ObjectiveFactory,
    PlanFactory,
    PriorityFactory,
    ProgressUpdateFactory,
)
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TODAY = timezone.localdate()
PDF = pdf_bytes(1)  # a real PDF: uploads must open with pypdf
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def people():
    post = PostFactory(name="AD CSC")
    member = UserFactory(roles=[roles.BOARD_MEMBER], full_name="Bea Member")
    PostHolderFactory(post=post, person=member)
    director = UserFactory(roles=[roles.DIRECTOR], full_name="Dee Director")
    return {"post": post, "member": member, "director": director}


@pytest.fixture
def action(people):
    """Action 3.2.1, led by AD CSC: 43 days overdue, reported Green, moved once before."""
    plan = PlanFactory(title="Improvement Plan 2022", starts_on=datetime.date(2022, 6, 1))
    priority = PriorityFactory(plan=plan, number=3, title="Practice quality")
    objective = ObjectiveFactory(priority=priority, title="Return home interviews")
    action = ActionFactory(
        objective=objective, lead_posts=[people["post"]], reference="3.2.1",
        description="Audit return home interviews", reported_rag="green",
        due_date=TODAY - datetime.timedelta(days=43), timeframe_as_written="AD CSC by Sept 22",
    )  # fmt: skip
    DueDateChange.objects.create(
        action=action, from_date=action.due_date - datetime.timedelta(days=30),
        to_date=action.due_date, reason="Amended date due to leave commitments",
        changed_by=people["member"], changed_at=timezone.now() - datetime.timedelta(days=60),
    )  # fmt: skip
    ProgressUpdateFactory(action=action, text="Audit tool agreed", is_imported=True)
    indicator = IndicatorFactory(ref="FD7", title="Re-referrals within 12 months")
    IndicatorValueFactory(indicator=indicator, period=datetime.date(2023, 6, 1), value=21.4)
    action.indicators.add(indicator)
    services.evidence_attach(
        action=action, uploaded_file=SimpleUploadedFile("audit-tool.pdf", PDF),
        user=people["member"],
    )  # fmt: skip
    return action


def challenge(action, director):
    return services.director_review_record(
        action=action, reviewer=director, decision="challenged",
        comment="Green, when it is six weeks late?", today=TODAY,
    )  # fmt: skip


def screenshot(page, name: str) -> None:
    """Saves a full-page screenshot when SCREENSHOT_DIR is set, to look at by eye."""
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def test_action_detail(page, people, action):
    challenge(action, people["director"])
    sign_in(page, people["director"].email)
    page.goto(reverse("action_detail", args=[action.pk]))
    assert page.title().startswith("Action 3.2.1 – ")
    assert "Reported Green, overdue by 43 days" in page.locator(".govuk-warning-text").inner_text()
    assert page.get_by_role("link", name="Update progress").is_visible()
    screenshot(page, "action_detail")
    assert_accessible(page)


def test_progress_form_empty_and_with_errors(page, people, action):
    sign_in(page, people["member"].email)
    page.goto(reverse("action_update", args=[action.pk]))
    screenshot(page, "progress_form")
    assert_accessible(page)

    page.get_by_label("What has happened since the last update?").fill("Staff shortages")
    page.get_by_label("Red", exact=True).check()
    page.get_by_label("Day").fill("31")
    page.get_by_label("Year").fill("2030")
    with page.expect_navigation():
        page.get_by_role("button", name="Save progress update").click()

    summary = page.locator(".govuk-error-summary")
    assert page.title().startswith("Error: Update progress on action 3.2.1 – ")
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert "Enter why the action is Red" in summary.inner_text()
    assert page.get_by_label("What has happened since the last update?").input_value() == (
        "Staff shortages"
    )
    screenshot(page, "progress_form_errors")
    assert_accessible(page)
    summary.get_by_role("link", name="New due date must include a month").click()
    assert page.evaluate("document.activeElement.id") == "id_new_due_date-day"


def test_review_list_and_form(page, people, action):
    sign_in(page, people["director"].email)
    page.goto(reverse("review_list"))
    assert page.get_by_role("heading", level=1).inner_text() == "Actions to review"
    screenshot(page, "review_list")
    assert_accessible(page)

    page.get_by_role("link", name="Review the RAG of action 3.2.1").click()
    page.wait_for_url("**" + reverse("action_review", args=[action.pk]))
    assert_accessible(page)
    page.get_by_label("Challenge the RAG").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save review").click()
    assert "Enter what you are challenging" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)


def test_home_with_a_challenge(page, people, action):
    challenge(action, people["director"])
    sign_in(page, people["member"].email)
    assert page.get_by_role("heading", name="Challenges from the Director").is_visible()
    assert "Green, when it is six weeks late?" in page.content()
    screenshot(page, "home_with_a_challenge")
    assert_accessible(page)


def test_a_board_member_moves_their_overdue_action_and_the_director_sees_it(page, people, action):
    sign_in(page, people["member"].email)
    page.get_by_role("link", name="3.2.1", exact=True).click()
    page.get_by_role("link", name="Update progress").click()
    moved = TODAY + datetime.timedelta(days=60)
    page.get_by_label("What has happened since the last update?").fill("Audit half done")
    page.get_by_label("Green", exact=True).check()
    page.get_by_label("Day").fill(str(moved.day))
    page.get_by_label("Month").fill(str(moved.month))
    page.get_by_label("Year").fill(str(moved.year))
    page.get_by_label("Why is the due date moving?").fill("Propose move to September Board")
    page.get_by_label("Upload evidence (optional)").set_input_files(
        files=[{"name": "audit.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Save progress update").click()
    assert (
        "Progress on action 3.2.1 is saved"
        in page.locator(".govuk-notification-banner").inner_text()
    )

    page.context.clear_cookies()
    sign_in(page, people["director"].email)
    page.goto(reverse("review_list"))
    first_row = page.locator("tbody tr").first
    assert "Reported Green, due date moved 2 times" in first_row.inner_text()
    first_row.get_by_role("link", name="Audit return home interviews").click()
    history = page.locator(".app-timeline").inner_text()
    assert f"Due date moved from {action.due_date:%-d %B %Y} to {moved:%-d %B %Y}" in history
    assert "Reason: Propose move to September Board" in history
    assert "By Bea Member on" in history
    assert (
        "Reported Green, due date moved 2 times" in page.locator(".govuk-warning-text").inner_text()
    )
    assert page.get_by_role("link", name="audit.pdf").is_visible()
    screenshot(page, "director_sees_the_slipped_action")
    assert_accessible(page)
