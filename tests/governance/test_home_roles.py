"""Every role's home leads to its work (issue 12, section 6): what each role's home
shows and where it links; a person with several roles sees each section; nobody's home
says only that they hold no posts."""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from governance import roles
from governance.models import Pack, Reminder
from scorecard.models import Commentary
from tests.governance.factories import (
    AgendaItemFactory,
    MeetingFactory,
    PackFactory,
    PostFactory,
    PostHolderFactory,
    UserFactory,
)
from tests.improvement_plan.factories import ActionFactory, ObjectiveFactory
from tests.scorecard.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    ServiceAreaFactory,
)

pytestmark = pytest.mark.django_db


def home(client, person) -> str:
    client.force_login(person)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.text


def holding_a_post(*role_names):
    person = UserFactory(roles=list(role_names))
    post = PostFactory()
    PostHolderFactory(post=post, person=person)
    return person, post


@pytest.mark.parametrize("role", [roles.LEAD_OFFICER, roles.BOARD_MEMBER])
def test_a_lead_sees_their_actions_with_rag_and_update_progress_in_the_row(client, role):
    person, post = holding_a_post(role)
    action = ActionFactory(lead_posts=[post], reference="2.1.1", due_date=datetime.date(2020, 1, 1))
    page = home(client, person)
    assert "Actions your posts lead" in page
    assert '<strong class="govuk-tag govuk-tag--red">Red</strong>' in page
    assert reverse("action_update", args=[action.pk]) in page
    assert 'aria-label="Update progress on action 2.1.1">Update progress</a>' in page
    assert re.search(r"<th[^>]*>\s*Progress\s*</th>", page)
    assert "The Director’s view" not in page


def test_a_viewer_holding_a_post_sees_its_actions_but_no_update_link(client):
    person, post = holding_a_post(roles.VIEWER)
    action = ActionFactory(lead_posts=[post])
    page = home(client, person)
    assert reverse("action_detail", args=[action.pk]) in page
    assert reverse("action_update", args=[action.pk]) not in page
    assert not re.search(r"<th[^>]*>\s*Progress\s*</th>", page)  # no empty column


def test_the_performance_officer_sees_this_months_returns_by_area_and_the_queue(client):
    officer = UserFactory(roles=[roles.PERFORMANCE_OFFICER])
    area = ServiceAreaFactory(prefix="FD", title="Front Door")
    last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    before = (last_month - datetime.timedelta(days=1)).replace(day=1)
    entered, waiting, missing = (IndicatorFactory(service_area=area) for _ in range(3))
    for indicator in (entered, waiting, missing):  # each reported the month before
        IndicatorValueFactory(indicator=indicator, period=before, state="approved")
    IndicatorValueFactory(indicator=entered, period=last_month, state="approved")
    IndicatorValueFactory(indicator=waiting, period=last_month, state="submitted")
    Commentary.objects.create(service_area=area, period=last_month, text="Up", state="submitted")

    page = home(client, officer)

    assert f"This month’s returns are the figures for {last_month:%B %Y}" in page
    assert (
        f"{last_month:%B %Y}: 1 of 3 expected figures approved; 1 entered and waiting "
        "approval; 1 missing without one."
    ) in page
    url = reverse("scorecard_value_entry", kwargs={"prefix": "FD", "month": last_month})
    assert url in page
    assert f"Front Door, {last_month:%B %Y}: 1 figure and 1 commentary" in page
    assert reverse("scorecard_approvals") in page
    assert "Scorecard returns" in page  # more than "You do not hold any posts"


def test_democratic_services_see_meetings_papers_and_packs_to_build_or_publish(client):
    officer = UserFactory(roles=[roles.DEMOCRATIC_SERVICES])
    now = timezone.now()
    to_build = MeetingFactory(
        starts_at=now + datetime.timedelta(days=5),
        papers_deadline=timezone.localdate() - datetime.timedelta(days=1),
    )
    AgendaItemFactory(meeting=to_build)
    to_publish = MeetingFactory(starts_at=now + datetime.timedelta(days=9))
    pack = PackFactory(meeting=to_publish, audience=Pack.Audience.FULL, state=Pack.State.BUILT)

    page = home(client, officer)

    assert "Meetings and papers" in page
    assert "no pack built" in page
    assert "1 item has no papers" in page
    assert "Build the pack for" in page
    assert reverse("meeting_detail", args=[to_build.pk]) in page
    assert "Publish the pack for" in page
    assert reverse("pack_detail", args=[pack.pk]) in page


def test_the_administrator_sees_people_reminders_and_locked_sign_ins(client, settings):
    admin, _ = holding_a_post(roles.ADMINISTRATOR)
    roleless = UserFactory(full_name="Nora Norole")
    UserFactory(full_name="Gone Away", is_active=False)
    failed = Reminder.objects.create(
        key="k1", recipient=admin, kind="action_overdue", about="Action 2.1.3", reason="Overdue",
        for_date=datetime.date(2023, 3, 1), subject="Action 2.1.3 is overdue", body_text="T",
        body_html="<p>T</p>", state=Reminder.State.FAILED, last_error="SMTP 550",
    )  # fmt: skip
    locked = AccessAttempt.objects.create(
        username="locked@example.gov.uk", ip_address="10.0.0.1", user_agent="x",
        failures_since_start=settings.AXES_FAILURE_LIMIT, attempt_time=timezone.now(),
        get_data="", post_data="", http_accept="", path_info="/accounts/sign-in/",
    )  # fmt: skip

    page = home(client, admin)

    assert "Nora Norole" in page
    assert reverse("admin:governance_user_change", args=[roleless.pk]) in page
    assert "Gone Away" not in page
    assert "1 reminder has failed to send" in page
    assert reverse("admin:governance_reminder_change", args=[failed.pk]) in page
    assert "locked@example.gov.uk" in page
    assert reverse("admin:axes_accessattempt_change", args=[locked.pk]) in page


def test_a_sign_in_locked_long_ago_is_not_locked_now(client, settings):
    admin = UserFactory(roles=[roles.ADMINISTRATOR])
    attempt = AccessAttempt.objects.create(
        username="old@example.gov.uk", ip_address="10.0.0.1", user_agent="x",
        failures_since_start=settings.AXES_FAILURE_LIMIT,
        get_data="", post_data="", http_accept="", path_info="/accounts/sign-in/",
    )  # fmt: skip
    long_ago = timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(minutes=1)
    AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=long_ago)  # auto_now_add
    page = home(client, admin)
    assert "old@example.gov.uk" not in page
    assert "No account is locked." in page


def test_a_viewer_sees_the_plan_and_scorecard_in_brief(client):
    viewer = UserFactory(roles=[roles.VIEWER])
    objective = ObjectiveFactory()
    ActionFactory(objective=objective, due_date=datetime.date(2020, 1, 1))
    IndicatorValueFactory(state="approved", period=datetime.date(2023, 6, 1))

    page = home(client, viewer)

    assert "The plan and the scorecard" in page
    assert "1 action." in page
    assert "Showing June 2023, the latest month with every figure approved or explained." in page
    assert "June 2023: 1 of 1 expected figure approved." in page
    assert "June 2023: 1 indicator by RAG." in page
    assert reverse("plan_overview") in page
    assert reverse("scorecard_overview") in page
    assert "The plan and the scorecard" in page  # more than "You do not hold any posts"


def test_several_roles_see_each_section_that_applies(client):
    person, _ = holding_a_post(
        roles.DIRECTOR, roles.DEMOCRATIC_SERVICES, roles.ADMINISTRATOR, roles.PERFORMANCE_OFFICER
    )
    page = home(client, person)
    for heading in (
        "The Director’s view", "Actions your posts lead", "Scorecard returns",
        "Meetings and papers", "Administration",
    ):  # fmt: skip
        assert heading in page


@pytest.mark.parametrize("role", [*roles.ALL_ROLES, None])
def test_nobodys_home_says_only_that_they_hold_no_posts(client, role):
    person = UserFactory(roles=[role] if role else [])
    page = home(client, person)
    body = page[page.index("<main") : page.index("</main>")]
    assert body.count('<h2 class="govuk-heading-l"') >= 1
