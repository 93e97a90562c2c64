"""Data entry and sign-off in a real browser: axe finds nothing on the entry list, the
entry form (empty and with errors), the commentary form and the approvals page; and the
story of issue 4, a performance officer entering and submitting a month, figure by
figure, and the Director approving it (another person: issue 11, finding 11).
"""

import datetime
import os
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import roles
from scorecard.models import Commentary, IndicatorValue
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import PostFactory, UserFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, ServiceAreaFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TODAY = timezone.localdate()
MONTH = (TODAY.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
BEFORE = (MONTH - datetime.timedelta(days=1)).replace(day=1)
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


@pytest.fixture
def officer():
    return UserFactory(roles=[roles.PERFORMANCE_OFFICER], full_name="Pat Officer")


@pytest.fixture
def indicators():
    area = ServiceAreaFactory(
        prefix="FD", title="Front Door", head_of_service=PostFactory(name="HoS Front Door")
    )
    screened = IndicatorFactory(
        service_area=area, ref="FD1", title="Contacts screened within 24 hours",
        unit="percentage", decimal_places=1, order=1,
    )  # fmt: skip
    contacts = IndicatorFactory(
        service_area=area, ref="FD2", title="Contacts received", unit="count",
        decimal_places=0, order=2,
    )  # fmt: skip
    IndicatorValueFactory(
        indicator=screened, period=BEFORE, value=Decimal("76.2"), state="approved"
    )
    IndicatorValueFactory(indicator=contacts, period=BEFORE, value=7120, state="approved")
    return screened, contacts


def entry_url():
    return reverse("scorecard_value_entry", kwargs={"prefix": "FD", "month": MONTH})


def screenshot(page, name: str) -> None:
    """Saves a full-page screenshot when SCREENSHOT_DIR is set, to look at by eye."""
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def test_entry_list(page, officer, indicators):
    sign_in(page, officer.email)
    page.goto(reverse("scorecard_entry_list"))
    assert page.get_by_role("heading", level=1).inner_text() == "Enter values"
    screenshot(page, "entry_list")
    assert_accessible(page)


def test_entry_form_empty_and_with_errors(page, officer, indicators):
    sign_in(page, officer.email)
    page.goto(entry_url())
    assert "Last approved: 76.2% for" in page.content()
    screenshot(page, "value_entry_form")
    assert_accessible(page)

    fd1 = page.get_by_role("group", name="FD1 Contacts screened within 24 hours")
    fd1.get_by_label("Numerator").fill("12")
    fd1.get_by_label("Denominator").fill("10")
    page.get_by_role("group", name="FD2 Contacts received").get_by_label("Count").fill("-4")
    with page.expect_navigation():
        page.get_by_role("button", name="Submit for approval").click()

    summary = page.locator(".govuk-error-summary")
    assert page.title().startswith("Error: Enter values for Front Door")
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert "FD2 count must be 0 or more" in summary.inner_text()
    assert fd1.get_by_label("Numerator").input_value() == "12"
    screenshot(page, "value_entry_form_errors")
    assert_accessible(page)
    summary.get_by_role(
        "link", name="FD1 numerator must be the same as or less than the denominator"
    ).click()
    assert page.evaluate("document.activeElement.name").endswith("-numerator")


def test_commentary_form(page, officer, indicators):
    sign_in(page, officer.email)
    page.goto(reverse("scorecard_commentary", kwargs={"prefix": "FD", "month": MONTH}))
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    assert "Enter the commentary" in page.locator(".govuk-error-summary").inner_text()
    screenshot(page, "commentary_form_errors")
    assert_accessible(page)


def test_approvals_page(page, officer, indicators):
    screened, contacts = indicators
    IndicatorValueFactory(
        indicator=screened, period=MONTH, value=Decimal("78.1"), state="submitted"
    )
    IndicatorValueFactory(indicator=contacts, period=MONTH, value=7362, state="submitted")
    Commentary.objects.create(
        service_area=screened.service_area, period=MONTH, text="Contacts rose", state="submitted"
    )
    sign_in(page, officer.email)
    page.goto(reverse("scorecard_approvals"))
    screenshot(page, "approval_list")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Return selected").click()
    assert "Enter why you are returning them" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)


def test_a_performance_officer_enters_and_submits_and_the_director_approves_a_month(
    page, officer, indicators
):
    month = f"{MONTH:%B %Y}"
    sign_in(page, officer.email)
    page.goto(reverse("scorecard_entry_list"))
    page.get_by_role("link", name=f"Enter values for Front Door, {month}").click()

    fd1 = page.get_by_role("group", name="FD1 Contacts screened within 24 hours")
    fd1.get_by_label("Numerator").fill("781")
    fd1.get_by_label("Denominator").fill("1,000")
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert f"Front Door, {month}: 1 figure saved" in banner
    assert "Still to enter: FD2" in banner
    fd2 = page.get_by_role("group", name="FD2 Contacts received")
    fd2.get_by_label("Count").fill("7,362")
    fd2.get_by_label("Note (optional)").fill("Includes police notifications")
    with page.expect_navigation():
        page.get_by_role("button", name="Submit for approval").click()
    assert "submitted for approval" in page.locator(".govuk-notification-banner").inner_text()

    page.get_by_role("link", name=f"Write the commentary for Front Door, {month}").click()
    page.get_by_label("Commentary").fill("Screening within 24 hours rose to 78.1%.")
    with page.expect_navigation():
        page.get_by_role("button", name="Submit for approval").click()
    assert "Submitted" in page.locator("table").first.inner_text()

    page.goto(reverse("scorecard_approvals"))
    assert "Entered by you: another person must approve it" in page.content()
    director = UserFactory(roles=[roles.DIRECTOR], full_name="Dee Director")
    page.context.clear_cookies()
    sign_in(page, director.email)
    page.goto(reverse("scorecard_approvals"))
    rows = page.locator("tbody tr")
    assert "78.1%" in rows.first.inner_text()
    assert "76.2%" in rows.first.inner_text()
    page.get_by_label(f"Select FD1, {month}").check()
    page.get_by_label(f"Select FD2, {month}").check()
    page.get_by_label(f"Select the commentary for Front Door, {month}").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Approve selected").click()
    assert (
        "2 values and 1 commentary approved"
        in page.locator(".govuk-notification-banner").inner_text()
    )
    assert "Nothing is waiting for approval." in page.content()
    screenshot(page, "approved")
    assert_accessible(page)

    values = IndicatorValue.objects.filter(period=MONTH).order_by("indicator__ref")
    assert [(v.value, v.state, v.approved_by) for v in values] == [
        (Decimal("78.1"), "approved", director),
        (Decimal("7362"), "approved", director),
    ]
    assert Commentary.objects.get(period=MONTH).state == "approved"
