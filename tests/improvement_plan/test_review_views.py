"""The Director's review: the list of actions to review and the confirm-or-challenge form."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance import roles
from improvement_plan.models import DirectorReview
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.improvement_plan.factories import (
    ActionFactory,
    ObjectiveFactory,
    PlanFactory,
    PriorityFactory,
)
from tests.improvement_plan.helpers import post_form
from tests.scorecard.factories import IndicatorFactory, ServiceAreaFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
LIST = reverse("review_list")


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def objective():
    plan = PlanFactory(title="Improvement Plan 2023", starts_on=datetime.date(2023, 1, 1))
    return ObjectiveFactory(priority=PriorityFactory(plan=plan, number=1, title="Leadership"))


@pytest.fixture
def post():
    return PostFactory(name="AD CSC")


@pytest.fixture
def action(objective, post):
    return ActionFactory(
        objective=objective, lead_posts=[post], reference="1.1.1", due_date=days(-43),
        reported_rag="green",
    )  # fmt: skip


@pytest.fixture
def director():
    return UserFactory(roles=[roles.DIRECTOR], full_name="Dee Director")


def holder(role, post):
    person = UserFactory(roles=[role])
    PostHolderFactory(post=post, person=person)
    return person


# Who may do what -------------------------------------------------------------------------


@pytest.mark.parametrize("view", ["review_list", "action_review"])
def test_only_the_director_and_administrators_review(client, action, post, any_role, view):
    """Every role, each holding the action's lead post: a lead does not review their own."""
    client.force_login(holder(any_role, post))
    url = LIST if view == "review_list" else reverse("action_review", args=[action.pk])

    response = client.get(url)

    expected = 200 if any_role in (roles.DIRECTOR, roles.ADMINISTRATOR) else 403
    assert response.status_code == expected


@pytest.mark.parametrize("view", ["review_list", "action_review"])
def test_anonymous_people_are_sent_to_sign_in(client, action, view):
    url = LIST if view == "review_list" else reverse("action_review", args=[action.pk])

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_refused_review_writes_nothing(client, action, post):
    client.force_login(holder(roles.LEAD_OFFICER, post))

    response = client.post(
        reverse("action_review", args=[action.pk]), {"decision": "confirmed", "comment": ""}
    )

    assert response.status_code == 403
    assert not DirectorReview.objects.exists()


# The list --------------------------------------------------------------------------------


def test_disagreements_come_first_then_red_then_amber(client, objective, director):
    make = ActionFactory
    make(objective=objective, reference="1.1.5", due_date=days(90), reported_rag="green")
    make(objective=objective, reference="1.1.4", due_date=days(5), reported_rag="amber")
    make(objective=objective, reference="1.1.3", due_date=days(-2), reported_rag="red")
    make(objective=objective, reference="1.1.2", due_date=days(-43), reported_rag="green")
    client.force_login(director)

    response = client.get(LIST)

    rows = [row.record.reference for row in response.context["table"].rows]
    assert rows == ["1.1.2", "1.1.3", "1.1.4"]  # 1.1.5 is Green and agrees
    assert "Reported Green, overdue by 43 days" in response.text


def test_the_filter_shows_all_actions_or_one_rag(client, objective, director):
    ActionFactory(objective=objective, reference="1.1.1", due_date=days(90), reported_rag="green")
    ActionFactory(objective=objective, reference="1.1.2", due_date=days(-1), reported_rag="red")
    client.force_login(director)

    def shown(**query):
        table = client.get(LIST, query).context["table"]
        return [row.record.reference for row in table.rows]

    assert shown() == ["1.1.2"]
    assert shown(show="all") == ["1.1.2", "1.1.1"]
    assert shown(show="all", rag="green") == ["1.1.1"]
    assert shown(show="all", priority=objective.priority.pk) == ["1.1.2", "1.1.1"]


def test_the_list_says_whether_a_challenge_is_open(client, action, director):
    DirectorReview.objects.create(
        action=action, reviewer=director, decision="challenged", rag="red",
        comment="Why?", reviewed_at=timezone.now(),
    )  # fmt: skip
    client.force_login(director)

    assert "Challenged, not yet answered" in client.get(LIST).text


def test_the_list_issues_the_same_queries_for_1_and_40_actions(
    client, objective, director, django_assert_num_queries
):
    ActionFactory(objective=objective, due_date=days(-1))
    client.force_login(director)
    client.get(LIST)  # warm the session
    with CaptureQueriesContext(connection) as for_one:
        client.get(LIST)
    expected = len(for_one)  # read now: the next request resets the query log
    ActionFactory.create_batch(
        39, objective=objective, due_date=days(-1), lead_posts=[PostFactory(), PostFactory()]
    )

    with django_assert_num_queries(expected):
        assert client.get(LIST).status_code == 200


# The form --------------------------------------------------------------------------------


def test_the_form_shows_both_rags_and_the_disagreement(client, action, director):
    client.force_login(director)

    page = client.get(reverse("action_review", args=[action.pk])).text

    assert "Review the RAG" in page
    assert "Reported Green, overdue by 43 days" in page
    assert "No progress has been recorded" in page


def test_a_challenge_needs_a_comment(client, action, director):
    client.force_login(director)

    response = post_form(
        client, reverse("action_review", args=[action.pk]), {"decision": "challenged"}
    )

    assert response.status_code == 200
    assert response.text.count("Enter what you are challenging, so the leads can answer it") == 2
    assert "<title>Error: Review the RAG" in response.text
    assert not DirectorReview.objects.exists()


def test_choosing_nothing_says_what_to_do(client, action, director):
    client.force_login(director)

    response = post_form(client, reverse("action_review", args=[action.pk]), {})

    assert "Select whether you confirm or challenge the RAG" in response.text


def test_a_challenge_is_recorded_and_the_director_goes_back_to_the_list(client, action, director):
    client.force_login(director)

    response = post_form(
        client,
        reverse("action_review", args=[action.pk]),
        {"decision": "challenged", "comment": "Green, when it is six weeks late?"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == LIST
    assert "You challenged the RAG of action 1.1.1" in response.text
    review = DirectorReview.objects.get()
    assert (review.decision, review.rag, review.reported_rag) == ("challenged", "red", "green")
    assert (review.reviewer, review.comment) == (director, "Green, when it is six weeks late?")
    assert review.is_open_challenge


def test_a_confirmation_needs_no_comment(client, action, director):
    client.force_login(director)

    response = post_form(
        client, reverse("action_review", args=[action.pk]), {"decision": "confirmed"}, follow=True
    )

    assert "You confirmed the RAG of action 1.1.1" in response.text
    assert DirectorReview.objects.get().decision == "confirmed"


# Linking indicators, the Director's other tool -------------------------------------------


def test_indicators_are_grouped_by_service_area_and_linked(client, action, director):
    front_door = ServiceAreaFactory(prefix="FD", title="Front Door", order=1)
    cla = ServiceAreaFactory(prefix="CLA", title="Children Looked After", order=2)
    fd1 = IndicatorFactory(service_area=front_door, ref="FD1", title="Contacts")
    cla1 = IndicatorFactory(service_area=cla, ref="CLA1", title="Placements")
    client.force_login(director)
    url = reverse("action_indicators", args=[action.pk])

    page = client.get(url).text
    assert page.index("Front Door</legend>") < page.index("FD1 Contacts")
    assert page.index("FD1 Contacts") < page.index("Children Looked After</legend>")

    data = {f"link_{fd1.pk}": "on", f"link_{cla1.pk}": "on"}
    response = post_form(client, url, data, follow=True)

    assert set(action.indicators.all()) == {fd1, cla1}
    assert "Action 1.1.1 is linked to 2 indicators" in response.text
    assert "Linked indicators changed: added CLA1" in response.text
    assert "Linked indicators changed: added FD1" in response.text
    assert "By Dee Director on" in response.text
