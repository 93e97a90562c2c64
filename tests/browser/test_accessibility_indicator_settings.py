"""The indicator settings page in a real browser: axe finds nothing at full width, at
320px and with errors; the error summary links to the row's field; and a performance
officer sets a polarity, a tolerance and a reason with the keyboard alone."""

import os
from decimal import Decimal

import pytest
from django.urls import reverse

from governance import roles
from scorecard.models import Indicator
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import UserFactory
from tests.scorecard.factories import IndicatorFactory, ServiceAreaFactory, TargetFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

URL = reverse("scorecard_indicator_settings")
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


def screenshot(page, name: str) -> None:
    """Saves a full-page screenshot when SCREENSHOT_DIR is set, to look at by eye."""
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


@pytest.fixture
def officer():
    return UserFactory(roles=[roles.PERFORMANCE_OFFICER], full_name="Pat Officer")


@pytest.fixture
def indicators():
    front_door = ServiceAreaFactory(prefix="FD", title="Front Door", order=1)
    cin = ServiceAreaFactory(prefix="CIN", title="Children in Need", order=2)
    assessed = IndicatorFactory(
        service_area=cin, ref="CIN8", title="Assessments completed within 45 days",
        polarity="not_set", unit="percentage",
    )  # fmt: skip
    TargetFactory(indicator=assessed, written="85%", kind="single", low=85, high=85)
    caseload = IndicatorFactory(
        service_area=front_door, ref="FD9", title="Average caseload per social worker",
        polarity="band", unit="average", polarity_reason="Learned from the council's RAG",
    )  # fmt: skip
    TargetFactory(indicator=caseload, written="16-18", kind="band", low=16, high=18)
    return assessed, caseload


def test_the_page_at_full_width_and_at_320px(page, officer, indicators):
    sign_in(page, officer.email)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(URL)
    assert (
        page.get_by_role("heading", level=1).inner_text() == "Set polarity, tolerance and targets"
    )
    rows = page.locator("tbody tr")
    assert "Not judged: polarity not set" in rows.first.inner_text()
    assert "Now: 85% from April 2022" in rows.first.inner_text()
    screenshot(page, "indicator_settings")
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    screenshot(page, "indicator_settings_320")
    assert_accessible(page)


def test_errors_are_summarised_and_link_to_the_rows_field(page, officer, indicators):
    sign_in(page, officer.email)
    page.goto(URL)
    page.get_by_label("Polarity of CIN8").select_option("higher")
    page.get_by_label("Target of CIN8", exact=True).fill("<7%")
    page.get_by_label("Amber tolerance of FD9").fill("-2")
    with page.expect_navigation():
        page.get_by_role("button", name="Save changes").click()
    summary = page.locator(".govuk-error-summary")
    assert page.title().startswith("Error: Set polarity")
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert "Enter why you are making these changes" in summary.inner_text()
    assert page.get_by_label("Target of CIN8", exact=True).input_value() == "<7%"
    assert page.get_by_label("Polarity of CIN8").input_value() == "higher"
    screenshot(page, "indicator_settings_errors")
    assert_accessible(page)
    summary.get_by_role("link", name="FD9 amber tolerance must be 0 or more").click()
    assert page.evaluate("document.activeElement.name").endswith("-amber_tolerance")
    assert Indicator.objects.get(ref="CIN8").polarity == "not_set"


def tab_to(page, name_ends: str, limit: int = 80) -> None:
    """Presses Tab until the field whose name ends `name_ends` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if (page.evaluate("document.activeElement.name") or "").endswith(name_ends):
            return
    raise AssertionError(f"Tab never reached {name_ends}")


def test_a_performance_officer_sets_a_row_with_the_keyboard_alone(page, officer, indicators):
    assessed, _ = indicators
    sign_in(page, officer.email)
    page.goto(URL)
    tab_to(page, f"i{assessed.pk}-polarity")
    page.keyboard.press("h")  # type-ahead: "Higher is better"
    assert page.get_by_label("Polarity of CIN8").input_value() == "higher"
    tab_to(page, f"i{assessed.pk}-amber_tolerance")
    page.keyboard.type("3")
    tab_to(page, "reason")
    page.keyboard.type("Agreed at the performance clinic")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert "1 indicator saved: CIN8" in banner
    assessed.refresh_from_db()
    assert (assessed.polarity, assessed.amber_tolerance) == ("higher", Decimal(3))
    screenshot(page, "indicator_settings_saved")
    assert_accessible(page)
