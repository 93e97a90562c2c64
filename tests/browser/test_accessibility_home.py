"""Every role's home passes axe-core in a real browser, at full width and at 320px (the
page reflows; wide tables scroll in their own region): the Director's page with the
plan, exceptions, updates to review, challenges and meetings; a lead's actions; the
performance officer's returns; democratic services' meetings; the administrator's
checks; the viewer's summaries. Set SCREENSHOT_DIR to keep screenshots to look at.
"""

import datetime
import os

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from governance import roles
from governance.models import Pack, Reminder
from improvement_plan import services
from improvement_plan.models import ActionIndicatorLink
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import (
    AgendaItemFactory,
    MeetingFactory,
    PackFactory,
    PostFactory,
    PostHolderFactory,
    UserFactory,
)
from tests.improvement_plan.factories import ActionFactory, ObjectiveFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, TargetFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")
LONG = (
    "Routine reports on contacts and referrals including repeat children and families are "
    "reviewed by the Board and the data is understood and challenged"
)


def person(role, email, *, post=None):
    made = UserFactory(roles=[role], email=email, full_name=email.split("@")[0].title())
    if post is not None:
        PostHolderFactory(post=post, person=made)
    return made


@pytest.fixture
def world():
    """One of each thing every home shows, and a person for each role."""
    today, now = timezone.localdate(), timezone.now()
    dcs_post, lead_post = PostFactory(name="DCS"), PostFactory(name="AD CSC")
    people = {
        "director": person(roles.DIRECTOR, "dcs@example.gov.uk", post=dcs_post),
        "lead": person(roles.LEAD_OFFICER, "lead@example.gov.uk", post=lead_post),
        "performance": person(roles.PERFORMANCE_OFFICER, "performance@example.gov.uk"),
        "democratic": person(roles.DEMOCRATIC_SERVICES, "democratic@example.gov.uk"),
        "administrator": person(roles.ADMINISTRATOR, "admin@example.gov.uk"),
        "viewer": person(roles.VIEWER, "viewer@example.gov.uk"),
    }
    objective = ObjectiveFactory(priority__title="Create a new Improvement Board framework")
    late = ActionFactory(
        objective=objective, reference="3.4.1", description=LONG,
        lead_posts=[lead_post, dcs_post], due_date=datetime.date(2022, 7, 31),
    )  # fmt: skip
    ActionFactory(objective=objective, reference="3.4.2", lead_posts=[lead_post],
                  due_date=today + datetime.timedelta(days=200))  # fmt: skip
    challenged = ActionFactory(objective=objective, reference="1.2.2", lead_posts=[lead_post])
    services.director_review_record(
        action=challenged, reviewer=people["director"], decision="challenged",
        comment="What date will each organisation have agreed the escalation process?",
        today=today,
    )  # fmt: skip
    services.progress_update_record(
        action=late, author=people["lead"], text="Reports started", reported_rag="amber",
        rag_reason="Data late", today=today,
    )  # fmt: skip
    last_month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    red = IndicatorFactory(
        ref="CIN8", title="Child and Family Assessments completed in 45 days", polarity="higher"
    )
    TargetFactory(indicator=red, written="85%", kind="single", low=85, high=None)
    IndicatorValueFactory(
        indicator=red, period=last_month, value=74, previous_year=81, state="approved"
    )
    ActionIndicatorLink.objects.create(action=late, indicator=red, reason="Timely assessments")
    IndicatorValueFactory(indicator=IndicatorFactory(ref="CIN9"), period=last_month,
                          value=12, state="submitted")  # fmt: skip
    meeting = MeetingFactory(starts_at=now + datetime.timedelta(days=11),
                             papers_deadline=today + datetime.timedelta(days=2))  # fmt: skip
    AgendaItemFactory(meeting=meeting, title="Improvement plan progress")
    built = MeetingFactory(starts_at=now + datetime.timedelta(days=40))
    PackFactory(meeting=built, audience=Pack.Audience.PUBLIC, state=Pack.State.BUILT)
    Reminder.objects.create(
        key="k1", recipient=people["lead"], kind="action_overdue", about="Action 3.4.1",
        reason="Overdue", for_date=today, subject="Action 3.4.1 is overdue", body_text="T",
        body_html="<p>T</p>", state=Reminder.State.FAILED, last_error="SMTP 550: no such mailbox",
    )  # fmt: skip
    AccessAttempt.objects.create(
        username="locked.out@example.gov.uk", ip_address="10.0.0.1", user_agent="x",
        failures_since_start=settings.AXES_FAILURE_LIMIT, get_data="", post_data="",
        http_accept="", path_info="/accounts/sign-in/",
    )  # fmt: skip
    return people


def screenshot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


HEADINGS = {
    "director": "How the linked indicators moved",
    "lead": "Actions your posts lead",
    "performance": "Scorecard returns",
    "democratic": "Meetings and papers",
    "administrator": "Administration",
    "viewer": "The plan and the scorecard",
}


@pytest.mark.parametrize("role", list(HEADINGS))
def test_each_roles_home_is_accessible_at_full_width_and_320px(page, world, role):
    sign_in(page, world[role].email)
    page.goto(reverse("home"))
    assert page.get_by_role("heading", level=2, name=HEADINGS[role]).is_visible()
    assert_accessible(page)
    screenshot(page, f"home_{role}")
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
    screenshot(page, f"home_{role}_320")


def test_the_directors_rows_lead_to_where_she_acts(page, world):
    sign_in(page, world["director"].email)
    page.goto(reverse("home"))
    assert page.get_by_text("New", exact=True).is_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="Review action 3.4.1").click()
    assert page.get_by_role("heading", level=1).is_visible()
    assert "/review/" in page.url
