"""In a real browser, under the Content-Security-Policy: GOV.UK Frontend starts with no
policy violation (finding 10), and text typed into a form that was too big to send is
put back when the person returns to the form (the 413 page keeps what can be kept)."""

import pytest
from django.urls import reverse

from governance import roles
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import PostHolderFactory, UserFactory
from tests.improvement_plan.factories import ActionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def watch_console(page) -> list[str]:
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    return messages


def test_govuk_frontend_starts_under_the_policy(page):
    messages = watch_console(page)
    response = page.goto(reverse("login"))
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector("[data-govuk-skip-link-init]", state="attached")
    classes = page.evaluate("document.body.className")
    assert "js-enabled" in classes
    assert "govuk-frontend-supported" in classes
    assert [m for m in messages if "Content Security Policy" in m] == []


def test_text_from_a_form_too_big_to_send_is_put_back(page):
    lead = UserFactory(roles=[roles.LEAD_OFFICER])
    action = ActionFactory()
    PostHolderFactory(post=action.lead_posts.get(), person=lead)
    sign_in(page, lead.email)
    messages = watch_console(page)
    page.goto(reverse("action_update", args=[action.pk]))
    page.locator("textarea[name=text]").fill("Audit of 40 case files finished on Friday")
    # A 6 MB paste into another box: too big to send, and too big to keep in the browser.
    page.evaluate(
        "document.querySelector('textarea[name=rag_reason]').value = 'x'.repeat(6 * 1024 * 1024)"
    )
    with page.expect_navigation():
        page.locator("form[method=post] button[type=submit]").last.click()

    assert page.title().startswith("Your text or file is too big – ")
    assert_accessible(page)
    page.get_by_role("link", name="Go back to the form").click()
    page.wait_for_url("**" + reverse("action_update", args=[action.pk]))

    assert page.locator("textarea[name=text]").input_value() == (
        "Audit of 40 case files finished on Friday"
    )
    assert page.locator("textarea[name=rag_reason]").input_value() == ""
    assert [m for m in messages if "Content Security Policy" in m] == []


def test_kept_text_is_forgotten_once_the_form_is_saved(page):
    lead = UserFactory(roles=[roles.LEAD_OFFICER])
    action = ActionFactory()
    PostHolderFactory(post=action.lead_posts.get(), person=lead)
    sign_in(page, lead.email)
    form_url = reverse("action_update", args=[action.pk])
    page.goto(form_url)
    page.locator("textarea[name=text]").fill("Saved once, not to be offered again")
    page.locator("input[name=reported_rag][value=green]").check()
    with page.expect_navigation():
        page.locator("form[method=post] button[type=submit]").last.click()
    assert page.locator(".govuk-notification-banner--success").count() == 1

    page.goto(form_url)

    assert page.locator("textarea[name=text]").input_value() == ""
    assert page.evaluate("Object.keys(sessionStorage).length") == 0
