"""The plan overview page: who may read it, what it says, and that its queries do not grow."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance import roles
from improvement_plan.models import Action, Objective
from tests.governance.factories import PostFactory, UserFactory
from tests.improvement_plan.factories import (
    ActionFactory,
    ObjectiveFactory,
    PlanFactory,
    PriorityFactory,
)

URL = reverse("plan_overview")


@pytest.fixture
def viewer_client(client, db):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    return client


def make_plan_with_actions(count: int) -> None:
    """A current plan with two priorities; the second holds `count` actions."""
    plan = PlanFactory(title="Improvement Plan 2023", starts_on=datetime.date(2023, 1, 1))
    PriorityFactory(plan=plan, number=1, title="Leadership")
    objective = ObjectiveFactory(priority=PriorityFactory(plan=plan, number=2, title="Practice"))
    posts = [PostFactory(name="AD CSC"), PostFactory(name="DCS")]
    ActionFactory.create_batch(count, objective=objective, lead_posts=posts)


def test_anonymous_people_are_sent_to_sign_in(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_every_role_may_read_the_plan(client, user_with_role, any_role):
    make_plan_with_actions(2)
    client.force_login(user_with_role(any_role))

    response = client.get(URL)

    assert response.status_code == 200
    assert "Improvement Plan 2023" in response.text
    assert "Actions for priority 2" in response.text


def test_without_a_plan_the_page_says_so_and_who_can_load_one(viewer_client):
    response = viewer_client.get(URL)

    assert response.status_code == 200
    assert "No improvement plan has been loaded yet" in response.text
    assert "An administrator can load the plan" in response.text


def test_the_current_plan_is_the_one_starting_latest(viewer_client):
    PlanFactory(title="Old plan", starts_on=datetime.date(2021, 1, 1))
    PlanFactory(title="New plan", starts_on=datetime.date(2023, 1, 1))
    PlanFactory(title="Undated plan", starts_on=None)

    response = viewer_client.get(URL)

    assert response.context["plan"].title == "New plan"


def test_priorities_come_in_number_order(viewer_client):
    plan = PlanFactory(starts_on=datetime.date(2023, 1, 1))
    PriorityFactory(plan=plan, number=2, title="Second priority")
    PriorityFactory(plan=plan, number=1, title="First priority")

    text = viewer_client.get(URL).text

    assert text.index("First priority") < text.index("Second priority")


def test_each_priority_shows_counts_overdue_and_percent_complete(viewer_client):
    today = timezone.localdate()
    objective = ObjectiveFactory(priority=PriorityFactory(number=1, title="Practice"))
    statuses = [
        Action.Status.NOT_STARTED,
        Action.Status.IN_PROGRESS,
        Action.Status.COMPLETE,
        Action.Status.COMPLETE_AND_EMBEDDING,
    ]
    for status in statuses:
        ActionFactory(objective=objective, status=status, due_date=today - datetime.timedelta(3))

    response = viewer_client.get(URL)

    (summary, _table) = response.context["priorities"][0]
    assert [count for _, _, count in summary.status_counts] == [1, 1, 1, 1]
    assert summary.overdue_count == 2  # complete actions are never overdue
    assert summary.percent_complete == 50
    assert "50%" in response.text


def test_the_actions_table_says_due_dates_leads_and_status_in_words(viewer_client):
    today = timezone.localdate()
    objective = ObjectiveFactory()
    leads = [PostFactory(name="AD CSC"), PostFactory(name="HoS QA")]
    ActionFactory(
        objective=objective,
        reference="2.1.1",
        description="Audit every referral",
        lead_posts=leads,
        due_date=today - datetime.timedelta(days=3),
        status=Action.Status.IN_PROGRESS,
    )
    ActionFactory(objective=objective, due_date=None, status=Action.Status.NOT_STARTED)

    text = viewer_client.get(URL).text

    assert "2.1.1" in text
    assert "Audit every referral" in text
    assert "AD CSC, HoS QA" in text
    assert "Overdue by 3 days" in text
    assert "No due date (recurring)" in text
    assert '<strong class="govuk-tag govuk-tag--blue">In progress</strong>' in text
    assert '<strong class="govuk-tag govuk-tag--grey">Not started</strong>' in text


def test_due_dates_are_written_in_words(viewer_client):
    ActionFactory(due_date=datetime.date(2099, 3, 12))

    assert "12 March 2099" in viewer_client.get(URL).text


def test_the_page_makes_as_many_queries_for_200_actions_as_for_1(
    client, db, django_assert_num_queries
):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    make_plan_with_actions(1)
    with CaptureQueriesContext(connection) as one_action:
        assert client.get(URL).status_code == 200

    objective = Objective.objects.get(priority__number=2)
    ActionFactory.create_batch(199, objective=objective, lead_posts=[PostFactory(), PostFactory()])
    with django_assert_num_queries(len(one_action)):
        response = client.get(URL)

    assert response.text.count("govuk-tag--blue") == 200
