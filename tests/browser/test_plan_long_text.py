"""Issue 11, finding 5 in a real browser: a 5,000-character unbroken word on the plan's
pages does not make any of them wider than a 1280px window (it was 13 million pixels).
"""

import datetime
import os

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import roles
from improvement_plan import services
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.improvement_plan.factories import (
    ActionFactory,
    ObjectiveFactory,
    PlanFactory,
    PriorityFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TODAY = timezone.localdate()
WORD = "x" * 5_000
WIDTH = 1280
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


@pytest.fixture
def lead():
    post = PostFactory(name="AD CSC")
    person = UserFactory(roles=[roles.DIRECTOR], full_name="Dee Director")
    PostHolderFactory(post=post, person=person)
    return person


@pytest.fixture
def action(lead):
    plan = PlanFactory(title="Improvement Plan 2023", starts_on=datetime.date(2023, 1, 1))
    objective = ObjectiveFactory(
        priority=PriorityFactory(plan=plan, number=1, title=WORD[:2000]), title=WORD
    )
    action = ActionFactory(
        objective=objective, lead_posts=[lead.post_holdings.get().post], reference="1.1.1",
        description=WORD, due_date=TODAY + datetime.timedelta(days=30),
    )  # fmt: skip
    services.progress_update_record(
        action=action, author=lead, text=WORD, reported_rag="red", rag_reason=WORD, today=TODAY
    )
    services.due_date_change(
        action=action, to_date=TODAY + datetime.timedelta(days=60), reason=WORD[:500], user=lead
    )
    services.director_review_record(
        action=action, reviewer=lead, decision="challenged", comment=WORD, today=TODAY
    )
    return action


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_the_action_page_is_no_wider_than_the_window(page, lead, action):
    page.set_viewport_size({"width": WIDTH, "height": 900})
    sign_in(page, lead.email)

    page.goto(reverse("action_detail", args=[action.pk]))

    assert page_width(page) <= WIDTH
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/action_detail_long_word.png", full_page=True)
    assert_accessible(page)


@pytest.mark.parametrize(
    "name",
    [
        "action_update", "action_review", "action_indicators", "plan_overview", "action_list",
        "my_actions", "slippage", "review_list", "home",
    ],
)  # fmt: skip
def test_every_plan_page_is_no_wider_than_the_window(page, lead, action, name):
    page.set_viewport_size({"width": WIDTH, "height": 900})
    sign_in(page, lead.email)
    args = [action.pk] if name in {"action_update", "action_review", "action_indicators"} else []

    page.goto(reverse(name, args=args))

    assert page_width(page) <= WIDTH, name
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}_long_word.png", full_page=True)


def test_an_over_long_update_is_counted_refused_and_kept(page, lead, action):
    sign_in(page, lead.email)
    page.goto(reverse("action_update", args=[action.pk]))
    box = page.get_by_label("What has happened since the last update?")

    box.fill("y" * 5_010)

    count = page.locator(".govuk-character-count__status").first  # GOV.UK Frontend's live count
    assert count.inner_text() == "You have 10 characters too many"
    with page.expect_navigation():
        page.get_by_role("button", name="Save progress update").click()
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Progress update must be 5,000 characters or fewer" in summary
    assert page.get_by_label("What has happened since the last update?").input_value() == (
        "y" * 5_010
    )
    assert_accessible(page)
