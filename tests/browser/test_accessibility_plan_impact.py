"""The links form and the impact view in a real browser (issue 12, section 3): axe finds
nothing, at full width and at 320px; ticking an indicator reveals its effect's boxes;
an error summary links to the box; and a lead's link shows on the impact view."""

import datetime
import os

import pytest
from django.urls import reverse

from governance import roles
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.improvement_plan.factories import (
    ActionFactory,
    ObjectiveFactory,
    PlanFactory,
    PriorityFactory,
)
from tests.improvement_plan.link_factories import ActionIndicatorLinkFactory, approved_figures
from tests.scorecard.factories import IndicatorFactory, ServiceAreaFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")
FLAT = [50, 52, 49, 51, 50, 48, 52, 50, 49, 51, 50, 50]


def screenshot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


@pytest.fixture
def world():
    post = PostFactory(name="AD CSC")
    lead = UserFactory(roles=[roles.LEAD_OFFICER], full_name="Lee Lead")
    PostHolderFactory(post=post, person=lead)
    plan = PlanFactory(title="Improvement Plan 2022", starts_on=datetime.date(2022, 6, 1))
    priority = PriorityFactory(plan=plan, number=2, title="Workforce stability")
    action = ActionFactory(
        objective=ObjectiveFactory(priority=priority, title="Permanent staffing"),
        lead_posts=[post], reference="2.3.1",
        description="Monthly recruitment and retention report with a measured improvement "
        "towards 85% permanent staffing by March 2023",
    )  # fmt: skip
    workforce = ServiceAreaFactory(prefix="WF", title="Workforce", order=1)
    front_door = ServiceAreaFactory(prefix="FD", title="Front Door", order=2)
    agency = IndicatorFactory(
        service_area=workforce, ref="WF4", polarity="lower",
        title="Agency Social Workers (% of non managerial Social Work staff)",
    )  # fmt: skip
    approved_figures(agency, datetime.date(2021, 6, 1), FLAT + [40, 39, 41, 40, 38, 39, 40])
    changes = IndicatorFactory(
        service_area=workforce, ref="WF5", polarity="lower",
        title="Children with 3 or more Social Workers in the last 12 months (%)",
    )  # fmt: skip
    approved_figures(changes, datetime.date(2021, 6, 1), FLAT + [51, 49, 50])
    IndicatorFactory(
        service_area=front_door, ref="FD1", title="Contacts received", polarity="not_set"
    )
    ActionIndicatorLinkFactory(
        action=action, indicator=changes, expected_direction="down",
        reason="A stable workforce means fewer changes of social worker",
    )  # fmt: skip
    return {"lead": lead, "action": action, "agency": agency}


def test_the_links_form_reveals_the_effect_and_says_what_is_wrong(page, world):
    action, agency = world["action"], world["agency"]
    sign_in(page, world["lead"].email)
    page.goto(reverse("action_indicators", args=[action.pk]))
    assert page.get_by_role("heading", level=1).inner_text() == "Link scorecard indicators"
    assert_accessible(page)

    page.get_by_label("WF4 Agency Social Workers").check()
    assert page.get_by_label("Which way should the action move WF4?").is_visible()
    page.get_by_label("Which way should the action move WF4?").select_option("down")
    page.get_by_label("Value to reach (optional)").first.fill("fifteen")
    screenshot(page, "links_form_ticked")
    with page.expect_navigation():
        page.get_by_role("button", name="Save linked indicators").click()

    summary = page.locator(".govuk-error-summary")
    assert "Enter the value WF4 should reach as a number, like 85" in summary.inner_text()
    assert_accessible(page)
    screenshot(page, "links_form_errors")
    summary.get_by_role("link", name="Enter the value WF4 should reach").click()
    assert page.evaluate("document.activeElement.id") == f"id_value_{agency.pk}"
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
    screenshot(page, "links_form_errors_320")

    page.set_viewport_size({"width": 1280, "height": 800})
    page.locator(f"#id_value_{agency.pk}").fill("15")
    page.locator(f"#id_by_month_{agency.pk}").fill("3")
    page.locator(f"#id_by_year_{agency.pk}").fill("2023")
    with page.expect_navigation():
        page.get_by_role("button", name="Save linked indicators").click()
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert "Action 2.3.1 is linked to 2 indicators" in banner


def test_the_impact_view_at_full_width_and_at_320px(page, world):
    ActionIndicatorLinkFactory(
        action=world["action"], indicator=world["agency"], expected_direction="down",
        expected_value=15, expected_by=datetime.date(2023, 3, 1),
    )  # fmt: skip
    sign_in(page, world["lead"].email)
    page.goto(reverse("plan_overview"))
    page.get_by_role("link", name="Impact: how the indicators").click()
    page.wait_for_url("**" + reverse("plan_impact"))
    assert page.get_by_role("heading", name="Priority 2: Workforce stability").is_visible()
    text = page.locator("main").inner_text()
    assert "Moved as expected" in text
    assert "No signal yet" in text
    assert "The latest figure, 40.0%, has not reached" not in text
    assert_accessible(page)
    screenshot(page, "impact_view")
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
    screenshot(page, "impact_view_320")
