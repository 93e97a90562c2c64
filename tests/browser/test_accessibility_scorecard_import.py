"""The scorecard import pages pass axe-core in a real browser: the form empty, the form
with an error, and the dry run to check."""

from pathlib import Path

import pytest
from django.urls import reverse

from governance import roles
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import UserFactory

OCTOBER_2022 = (
    Path(__file__).resolve().parents[2]
    / "governance"
    / "fixtures"
    / "demo"
    / "scorecard-2022-10.tsv"
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def officer(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return UserFactory(roles=[roles.PERFORMANCE_OFFICER], full_name="Pat Performance")


def test_the_upload_form_empty_and_with_an_error(page, officer):
    sign_in(page, officer.email)
    page.goto(reverse("scorecard_import"))
    assert page.get_by_role("heading", level=1).inner_text() == "Import a scorecard"
    assert_accessible(page)

    page.get_by_label("Upload the scorecard").set_input_files(
        {"name": "june.tsv", "mimeType": "text/tab-separated-values",
         "buffer": b"\x89PNG\r\n\x1a\n\x00\x00"}
    )  # fmt: skip
    with page.expect_navigation():
        page.get_by_role("button", name="Check the import").click()

    summary = page.locator(".govuk-error-summary")
    assert "The selected file is not TSV or CSV text" in summary.inner_text()
    assert page.title().startswith("Error: Import a scorecard")
    assert_accessible(page)
    summary.get_by_role("link", name="The selected file is not TSV or CSV text").click()
    assert page.evaluate("document.activeElement.id") == "id_file"


def test_the_dry_run_to_check_then_confirm(page, officer):
    sign_in(page, officer.email)
    page.goto(reverse("scorecard_import"))
    page.get_by_label("Upload the scorecard").set_input_files(str(OCTOBER_2022))
    page.get_by_label("Month of the Current column").fill("2022-10")
    with page.expect_navigation():
        page.get_by_role("button", name="Check the import").click()

    assert page.url.endswith(reverse("scorecard_import_preview"))
    assert page.get_by_role("heading", level=1).inner_text() == "Check the import"
    assert "Row 18" in page.locator("table").first.inner_text()
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Confirm import").click()
    assert page.url.endswith(reverse("scorecard_overview"))
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert "scorecard-2022-10.tsv imported" in banner
