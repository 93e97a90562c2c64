"""The plan's list pages pass axe-core in a real browser: overview, action list (its
filters shown, one applied, and a filter error), my actions and slippage."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import roles
from improvement_plan.models import DueDateChange
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.improvement_plan.factories import PlanFactory, ProgressUpdateFactory
from tests.improvement_plan.test_list_views import days, plan_action

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def lead():
    """A lead whose post leads three actions: one overdue and reported Green, one moved."""
    person = UserFactory(roles=[roles.LEAD_OFFICER], full_name="Ana Lead")
    post = PostFactory(name="AD CSC")
    PostHolderFactory(post=post, person=person)
    plan = PlanFactory(title="Improvement Plan 2023", starts_on=datetime.date(2023, 1, 1))
    overdue = plan_action(
        plan, "1.1.1", due_date=days(-43), reported_rag="green", lead_posts=[post]
    )
    ProgressUpdateFactory(action=overdue, text="Audit under way", author=person)
    moved = plan_action(
        plan, "2.1.1", due_date=days(30), lead_posts=[post, PostFactory(name="DCS")]
    )
    DueDateChange.objects.create(
        action=moved,
        from_date=days(-30),
        to_date=days(30),
        reason="Amended date due to leave commitments",
        changed_by=person,
        changed_at=timezone.now(),
    )
    plan_action(plan, "2.1.2", due_date=None, status="complete")
    return person


def test_plan_overview(page, lead):
    sign_in(page, lead.email)
    page.goto(reverse("plan_overview"))
    assert page.get_by_role("heading", level=1).inner_text() == "Improvement Plan 2023"
    assert page.get_by_role("link", name="Improvement plan").get_attribute("aria-current") == "page"
    assert_accessible(page)


def test_action_list_with_its_filters_then_one_applied(page, lead):
    sign_in(page, lead.email)
    page.goto(reverse("action_list"))
    assert page.get_by_role("heading", name="Filter actions").is_visible()
    assert page.get_by_label("Search").is_visible()
    assert_accessible(page)

    page.get_by_label("RAG", exact=True).select_option("red")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply filters").click()
    assert page.get_by_role("heading", name="1 action matches these filters").is_visible()
    assert "Reported Green, overdue by 43 days" in page.content()
    assert_accessible(page)


def test_action_list_with_a_filter_error(page, lead):
    sign_in(page, lead.email)
    page.goto(reverse("action_list"))
    page.get_by_role("group", name="Due on or after").get_by_label("Day").fill("31")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply filters").click()
    assert page.title().startswith("Error: Actions")
    assert_accessible(page)
    page.get_by_role("link", name="Due on or after must include a month and year").click()
    assert page.evaluate("document.activeElement.id") == "id_due_after-day"


def test_action_list_on_a_phone_sized_screen(page, lead):
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in(page, lead.email)
    page.goto(reverse("action_list"))
    # Reflow (WCAG 1.4.10): the page does not scroll sideways; the table scrolls in its region.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


def test_my_actions(page, lead):
    sign_in(page, lead.email)
    page.goto(reverse("my_actions"))
    assert page.get_by_role("heading", level=1).inner_text() == "Your actions"
    assert_accessible(page)


def test_slippage(page, lead):
    sign_in(page, lead.email)
    page.goto(reverse("slippage"))
    assert "Amended date due to leave commitments" in page.content()
    assert_accessible(page)
