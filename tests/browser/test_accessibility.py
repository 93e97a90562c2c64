"""Pages pass axe-core (WCAG 2.2 AA and best practice) in a real browser, and work by keyboard.

Add each new page here: get it into the state to check, then `assert_accessible(page)`.
"""

import datetime

import pytest
from django.urls import reverse

from governance import roles
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import (
    ActionArisingFactory,
    PostFactory,
    PostHolderFactory,
    UserFactory,
)
from tests.improvement_plan.factories import ActionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def lead():
    """A lead officer holding a post that leads a couple of actions, one overdue."""
    person = UserFactory(roles=[roles.LEAD_OFFICER], full_name="Ana Lead")
    post = PostFactory(name="AD CSC")
    PostHolderFactory(post=post, person=person)
    ActionFactory(lead_posts=[post], reference="2.1.1", due_date=datetime.date(2023, 3, 31))
    ActionFactory(lead_posts=[post], reference="2.1.2", due_date=None)
    ActionArisingFactory(owner=person, description="Share the fostering strategy")
    return person


def test_sign_in_page(page):
    page.goto(reverse("login"))
    assert page.title().startswith("Sign in – ")
    assert_accessible(page)


def test_sign_in_page_with_errors(page):
    page.goto(reverse("login"))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**" + reverse("login"))
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert page.title().startswith("Error: Sign in – ")
    # GOV.UK Frontend moves focus to the summary, so it is read out first.
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert_accessible(page)
    # Each link in the summary moves focus to its field.
    summary.get_by_role("link", name="Enter your email address").click()
    assert page.evaluate("document.activeElement.id") == "id_username"


def test_wrong_password_then_home(page, lead):
    sign_in(page, lead.email, "not the password")
    assert (
        "Enter a correct email address and password"
        in page.locator(".govuk-error-summary").inner_text()
    )
    assert_accessible(page)

    sign_in(page, lead.email)
    assert page.url.endswith(reverse("home"))
    assert page.get_by_role("heading", level=1).inner_text() == "Your actions"
    assert "You hold: AD CSC." in page.content()
    assert page.get_by_role("heading", name="Actions from meetings").is_visible()
    assert page.get_by_role("link", name="Home").get_attribute("aria-current") == "page"
    assert_accessible(page)


def test_home_on_a_phone_sized_screen(page, lead):
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in(page, lead.email)
    # Reflow (WCAG 1.4.10): the page does not scroll sideways; wide tables scroll in their region.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
    # The navigation folds behind a "Menu" button that opens it.
    menu = page.get_by_role("button", name="Menu")
    assert menu.is_visible()
    menu.click()
    assert page.get_by_role("link", name="Improvement plan").is_visible()


def test_sign_out(page, lead):
    sign_in(page, lead.email)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    assert page.url.endswith(reverse("login"))
    assert page.get_by_role("button", name="Sign out").count() == 0


def test_locked_out_page(page, lead, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(page, lead.email, "not the password")
    assert page.get_by_role("heading", level=1).inner_text() == "Your account is locked for now"
    assert_accessible(page)


def test_page_not_found(page, lead):
    sign_in(page, lead.email)
    response = page.goto("/no-such-page/")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Page not found"
    assert_accessible(page)


def test_first_tab_reaches_the_skip_link_which_moves_to_main(page):
    page.goto(reverse("login"))
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "[document.activeElement.className, document.activeElement.textContent.trim()]"
    )
    assert focused == ["govuk-skip-link", "Skip to main content"]
    assert page.locator(".govuk-skip-link").is_visible()  # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_email_reminders_page_by_keyboard(page, lead):
    sign_in(page, lead.email)
    page.get_by_role("link", name="Email reminders").click()
    page.wait_for_url("**" + reverse("reminder_preferences"))
    assert page.get_by_role("heading", level=1).inner_text() == "Email reminders"
    assert_accessible(page)
    page.get_by_label("The weekly digest only").check()
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "You will get the weekly digest only" in page.content()
    assert_accessible(page)
