"""Issue 11, finding 4 in a real browser: a lead's progress form refused because someone
else changed the status after it opened shows theirs beside yours, keeps the typed text,
and passes axe; saving again keeps the lead's choice."""

import datetime
import os

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import roles
from improvement_plan import services
from improvement_plan.models import Action
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.improvement_plan.factories import ActionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TODAY = timezone.localdate()
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


def test_a_refused_progress_update_shows_both_versions(page):
    post = PostFactory(name="AD CSC")
    lead, other = (UserFactory(roles=[roles.LEAD_OFFICER], full_name=n) for n in ("Ana", "Ben"))
    for person in (lead, other):
        PostHolderFactory(post=post, person=person)
    action = ActionFactory(
        lead_posts=[post], reference="3.2.1", reported_rag="green",
        due_date=TODAY + datetime.timedelta(days=60),
    )  # fmt: skip
    sign_in(page, lead.email)
    page.goto(reverse("action_update", args=[action.pk]))
    services.progress_update_record(
        action=action, author=other, text="Done", reported_rag="green", status="complete",
        today=TODAY, opened=None,
    )  # fmt: skip

    page.get_by_label("What has happened since the last update?").fill("Audit restarted")
    page.get_by_label("Not started").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save progress update").click()

    conflict = page.locator(".app-edit-conflict")
    assert "Someone else changed this while you were editing" in conflict.inner_text()
    assert "Complete" in conflict.inner_text()
    assert "Not started" in conflict.inner_text()
    assert page.get_by_label("What has happened since the last update?").input_value() == (
        "Audit restarted"
    )
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/progress_conflict.png", full_page=True)
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Save progress update").click()
    action.refresh_from_db()
    assert action.status == Action.Status.NOT_STARTED
