"""The plan import pages pass axe-core in a real browser: the form empty, the form with
errors, and the dry run to check."""

from pathlib import Path

import pytest
from django.urls import reverse

from governance import roles
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import UserFactory
from tests.improvement_plan.factories import PlanFactory

SAMPLE = (
    Path(__file__).resolve().parents[2]
    / "governance"
    / "fixtures"
    / "demo"
    / "improvement-plan-2022-sample.csv"
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def director(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    PlanFactory(title="Improvement Plan 2021")
    return UserFactory(roles=[roles.DIRECTOR], full_name="Dee Director")


def test_the_upload_form_empty_and_with_errors(page, director):
    sign_in(page, director.email)
    page.goto(reverse("plan_import"))
    assert page.get_by_role("heading", level=1).inner_text() == "Import a plan"
    assert_accessible(page)

    page.get_by_label("A new plan").check()
    page.get_by_label("Upload the plan").set_input_files(
        {"name": "plan.csv", "mimeType": "text/csv", "buffer": b"\x89PNG\r\n\x1a\n\x00\x00"}
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Check the import").click()

    summary = page.locator(".govuk-error-summary")
    assert "Enter the name of the new plan" in summary.inner_text()
    assert "The selected file is not CSV text" in summary.inner_text()
    assert page.title().startswith("Error: Import a plan")
    assert page.get_by_label("A new plan").is_checked()
    assert_accessible(page)
    summary.get_by_role("link", name="Enter the name of the new plan").click()
    assert page.evaluate("document.activeElement.id") == "id_new_title"


def test_the_dry_run_to_check_then_confirm(page, director):
    sign_in(page, director.email)
    page.goto(reverse("plan_import"))
    page.get_by_label("A new plan").check()
    page.get_by_label("Name of the new plan").fill("Improvement Plan 2022 to 2023")
    page.get_by_label("Upload the plan").set_input_files(str(SAMPLE))
    with page.expect_navigation():
        page.get_by_role("button", name="Check the import").click()

    assert page.url.endswith(reverse("plan_import_preview"))
    assert page.get_by_role("heading", level=1).inner_text() == "Check the import"
    assert "Row 7" in page.locator("table").first.inner_text()
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Confirm import").click()
    assert page.url.endswith(reverse("plan_overview"))
    assert (
        "Improvement Plan 2022 to 2023 imported"
        in page.locator(".govuk-notification-banner").inner_text()
    )
