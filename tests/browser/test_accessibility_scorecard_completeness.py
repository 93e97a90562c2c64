"""Completeness before judgement in a real browser (issue 12, section 2): the scorecard
opens on the latest complete month and names it, with the later month and what it
lacks; the exceptions page lists "No figure" exceptions; the service area page says how
complete its month is. Each passes axe-core, also at 320px wide.
Set SCREENSHOT_DIR to keep screenshots to look at by eye.
"""

import datetime
import os

import pytest
from django.urls import reverse

from governance import roles
from scorecard.models import IndicatorValue
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import UserFactory
from tests.scorecard.factories import IndicatorFactory, ServiceAreaFactory, TargetFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")
MAY, JUNE = datetime.date(2023, 5, 1), datetime.date(2023, 6, 1)
State = IndicatorValue.State


def held(indicator, period, value, state=State.APPROVED, reason=""):
    IndicatorValue.objects.create(
        indicator=indicator, period=period, value=value, state=state, missing_reason=reason
    )


@pytest.fixture
def scorecard(db):
    """Front Door and Early Help complete in May 2023; in June Front Door has one figure
    approved, one missing with a reason, one submitted and one with nothing."""
    front_door = ServiceAreaFactory(prefix="FD", title="Front Door")
    early_help = ServiceAreaFactory(prefix="EH", title="Early Help", order=2)
    titles = [
        "MASH Screenings Completed within 72 working hours",
        "EHAP Screening within 5 working days (%)",
        "Re-referrals within 12 months of a previous referral (%)",
        "Child and Family Assessments completed under 45 working days (%)",
    ]
    made = [
        IndicatorFactory(ref=f"FD{n}", title=title, service_area=front_door)
        for n, title in enumerate(titles, start=1)
    ]
    made.append(IndicatorFactory(ref="EH1", title="Assessments", service_area=early_help))
    for indicator in made:
        TargetFactory(indicator=indicator, written="85-90%")
        held(indicator, MAY, 88)
    held(made[0], JUNE, 80)
    held(made[1], JUNE, None, reason="Not Yet Available")
    held(made[2], JUNE, 91, state=State.SUBMITTED)
    held(made[4], JUNE, 87)


def screenshot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def on_a_phone(page) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


@pytest.mark.parametrize("role", [roles.DIRECTOR, roles.PERFORMANCE_OFFICER])
def test_the_overview_opens_on_the_latest_complete_month(page, scorecard, role):
    sign_in(page, UserFactory(roles=[role]).email)
    page.goto(reverse("scorecard_overview"))
    box = page.locator("#completeness")
    assert "Showing May 2023, the latest month with every figure approved or explained." in (
        box.inner_text()
    )
    assert "June 2023: lacks 2 figures" in box.inner_text()
    assert page.get_by_role("heading", name="Figures for May 2023 by service area").is_visible()
    assert_accessible(page)
    screenshot(page, f"completeness_overview_{role.split()[0].lower()}")
    with page.expect_navigation():
        box.get_by_role("link", name="June 2023").click()
    assert "period=2023-06" in page.url
    assert "Incomplete" in page.locator("#completeness").inner_text()
    assert_accessible(page)
    screenshot(page, f"completeness_overview_june_{role.split()[0].lower()}")
    on_a_phone(page)
    screenshot(page, f"completeness_overview_june_320_{role.split()[0].lower()}")


def test_exceptions_list_indicators_with_no_figure(page, scorecard):
    sign_in(page, UserFactory(roles=[roles.DIRECTOR]).email)
    page.goto(reverse("scorecard_exceptions") + "?period=2023-06")
    assert "No figure: 3" in page.locator("#exception-counts").inner_text()
    table = page.get_by_role("table", name="Front Door: no figure for June 2023")
    assert table.get_by_role("row").count() == 4
    assert "No indicator is Red" not in page.content()
    assert_accessible(page)
    screenshot(page, "completeness_exceptions")
    on_a_phone(page)
    screenshot(page, "completeness_exceptions_320")


def test_the_service_area_says_how_complete_its_month_is(page, scorecard):
    sign_in(page, UserFactory(roles=[roles.PERFORMANCE_OFFICER]).email)
    page.goto(reverse("scorecard_service_area", kwargs={"prefix": "FD"}) + "?period=2023-06")
    box = page.locator("#completeness")
    assert "June 2023: 1 of 4 expected figures approved" in box.inner_text()
    assert box.get_by_role("link", name="Enter Front Door figures for June 2023").is_visible()
    assert_accessible(page)
    screenshot(page, "completeness_service_area")
    on_a_phone(page)
    screenshot(page, "completeness_service_area_320")
