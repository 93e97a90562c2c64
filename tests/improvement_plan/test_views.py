"""The plan overview page: who may read it, what it says, and that its queries do not grow."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from benchmarks.plan_pages import seed_plan
from governance import roles
from improvement_plan.models import Action
from tests.governance.factories import UserFactory
from tests.improvement_plan.factories import (
    ActionFactory,
    DueDateChangeFactory,
    PlanFactory,
    PriorityFactory,
)
from tests.improvement_plan.test_list_views import days, plan_action

URL = reverse("plan_overview")


@pytest.fixture
def viewer_client(client, db):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    return client


@pytest.fixture
def plan(db):
    return PlanFactory(title="Improvement Plan 2023", starts_on=datetime.date(2023, 1, 1))


def test_anonymous_people_are_sent_to_sign_in(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_every_role_may_read_the_plan(client, user_with_role, any_role, plan):
    plan_action(plan, "1.1.1")
    client.force_login(user_with_role(any_role))

    response = client.get(URL)

    assert response.status_code == 200
    assert "Improvement Plan 2023" in response.text
    assert "Priorities, worst first" in response.text


def test_without_a_plan_the_page_says_so_and_who_can_load_one(viewer_client):
    response = viewer_client.get(URL)

    assert response.status_code == 200
    assert "No improvement plan has been loaded yet" in response.text
    assert "An administrator or the Director can import the plan" in response.text


def test_the_current_plan_is_the_one_starting_latest(viewer_client):
    PlanFactory(title="Old plan", starts_on=datetime.date(2021, 1, 1))
    PlanFactory(title="New plan", starts_on=datetime.date(2023, 1, 1))
    PlanFactory(title="Undated plan", starts_on=None)

    response = viewer_client.get(URL)

    assert response.context["plan"].title == "New plan"


def test_each_priority_counts_computed_rag_and_percent_complete(viewer_client, plan):
    plan_action(plan, "1.1.1", due_date=days(-3), reported_rag="green")  # Red, whatever reported
    plan_action(plan, "1.1.2", due_date=days(7))  # Amber: due soon, no update
    moved = plan_action(plan, "1.1.3", due_date=days(90))  # Amber: moved twice
    for _ in range(2):
        DueDateChangeFactory(action=moved)
    plan_action(plan, "1.1.4", due_date=days(90))  # Green
    plan_action(plan, "1.1.5", due_date=days(-3), status=Action.Status.COMPLETE)  # Blue
    plan_action(plan, "1.2.1", status=Action.Status.COMPLETE_AND_EMBEDDING)  # Blue

    response = viewer_client.get(URL)

    (row,) = response.context["overview"].priorities
    assert (row.red, row.amber, row.green, row.blue, row.total) == (1, 2, 1, 2, 6)
    assert row.percent_complete == 33
    assert "33%" in response.text
    totals = response.context["overview"].totals
    assert (totals.red, totals.amber, totals.total, totals.percent_complete) == (1, 2, 6, 33)
    assert "6 actions: 1 Red, 2 Amber, 1 Green and 2 Blue. 33% complete." in response.text


def test_priorities_come_worst_first(viewer_client, plan):
    plan_action(plan, "1.1.1", due_date=days(90))  # 1: all Green
    plan_action(plan, "2.1.1", due_date=days(7))  # 2: one Amber
    plan_action(plan, "3.1.1", due_date=days(7))  # 3: one Amber, one Red
    plan_action(plan, "3.1.2", due_date=days(-1))
    PriorityFactory(plan=plan, number=4, title="No actions yet")

    response = viewer_client.get(URL)

    numbers = [row.priority.number for row in response.context["overview"].priorities]
    assert numbers == [3, 2, 1, 4]
    text = response.text
    assert text.index("Priority 3") < text.index("Priority 2") < text.index("Priority 1")


def test_each_priority_links_to_its_actions_and_its_red_ones(viewer_client, plan):
    action = plan_action(plan, "1.1.1", due_date=days(-1))
    priority = action.objective.priority
    list_url = reverse("action_list")

    text = viewer_client.get(URL).text

    assert f'href="{list_url}?priority={priority.pk}"' in text
    assert f'href="{list_url}?priority={priority.pk}&amp;rag=red"' in text
    assert "Red in priority 1</span>" in text  # the count's link says what it counts


def test_rag_is_shown_as_tags_with_their_words(viewer_client, plan):
    plan_action(plan, "1.1.1")

    text = viewer_client.get(URL).text

    for word, colour in (("Red", "red"), ("Amber", "orange"), ("Green", "green"), ("Blue", "blue")):
        assert f'<strong class="govuk-tag govuk-tag--{colour}">{word}</strong>' in text


def test_the_page_makes_as_many_queries_for_500_actions_as_for_1(
    client, db, django_assert_num_queries
):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    seed_plan(actions=1, title="Small", starts_on=datetime.date(2023, 1, 1))
    client.get(URL)  # warm the session
    with CaptureQueriesContext(connection) as one_action:
        assert client.get(URL).status_code == 200
    expected = len(one_action)  # read now: the next request resets the query log

    seed_plan(actions=500, title="Big", starts_on=datetime.date(2024, 1, 1), updates_per_action=2)
    with django_assert_num_queries(expected):
        response = client.get(URL)

    assert response.context["overview"].totals.total == 500


@pytest.mark.parametrize(
    ("role", "sees_review", "sees_import"),
    [
        (roles.DIRECTOR, True, True),
        (roles.ADMINISTRATOR, True, True),
        (roles.LEAD_OFFICER, False, False),
        (roles.VIEWER, False, False),
    ],
)
def test_overview_links_to_review_and_import_for_those_allowed(
    client, db, role, sees_review, sees_import
):
    ActionFactory()
    client.force_login(UserFactory(roles=[role]))
    page = client.get(URL).content.decode()
    assert (reverse("review_list") in page) is sees_review
    assert (reverse("plan_import") in page) is sees_import
