"""Issue 11, finding 4 on the meetings pages in a real browser: a minute saved over
someone else's newer change is refused with theirs beside yours, keeps the typed text
and passes axe; saving again keeps the clerk's choice."""

import datetime
import os

import pytest
from django.urls import reverse

from governance import roles
from governance.minutes import services
from governance.models import Minute
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import BoardFactory, MeetingFactory, MinuteFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


def test_a_refused_minute_shows_both_versions(page):
    clerk = UserFactory(roles=[roles.DEMOCRATIC_SERVICES], full_name="Dora Clerk")
    meeting = MeetingFactory(
        board=BoardFactory(name="Improvement Board", slug="improvement-board"),
        starts_at=datetime.datetime(2023, 1, 11, 18, tzinfo=datetime.UTC),
    )
    minute = MinuteFactory(meeting=meeting, number=18, title="Fostering", text="Draft")
    sign_in(page, clerk.email)
    page.goto(reverse("minute_update", args=[minute.pk]))
    services.minute_update(
        minute=minute, title="Fostering", text="Their words", resolved="", user=None
    )

    page.get_by_label("Minute", exact=True).fill("My words")
    with page.expect_navigation():
        page.get_by_role("button", name="Save minute").click()

    conflict = page.locator(".app-edit-conflict")
    assert "Someone else changed this while you were editing" in conflict.inner_text()
    assert "Their words" in conflict.inner_text()
    assert "My words" in conflict.inner_text()
    assert page.get_by_label("Minute", exact=True).input_value() == "My words"
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/minute_conflict.png", full_page=True)
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Save minute").click()
    assert Minute.objects.get(pk=minute.pk).text == "My words"
