"""The home page shows the signed-in person what is theirs: the actions their posts lead."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance import roles
from improvement_plan import services
from tests.governance.factories import (
    ActionArisingFactory,
    MinuteFactory,
    PostFactory,
    PostHolderFactory,
    UserFactory,
)
from tests.improvement_plan.factories import ActionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead(db):
    person = UserFactory(roles=[roles.LEAD_OFFICER], full_name="Ana Lead")
    PostHolderFactory(post=PostFactory(name="AD CSC"), person=person)
    return person


def test_lead_sees_the_actions_they_lead_with_due_dates(client, lead):
    post = lead.post_holdings.get().post
    ActionFactory(lead_posts=[post], reference="2.1.1", due_date=datetime.date(2023, 3, 31))
    ActionFactory(reference="9.9.9")  # led by someone else
    client.force_login(lead)
    page = client.get(reverse("home")).content.decode()
    assert "2.1.1" in page
    assert "31 March 2023" in page
    assert "Overdue by" in page
    assert "9.9.9" not in page


def test_actions_of_a_post_held_in_the_past_are_not_shown(client):
    person = UserFactory(roles=[roles.LEAD_OFFICER])
    post = PostFactory(name="DCS")
    PostHolderFactory(
        post=post,
        person=person,
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2020, 1, 1),
    )
    ActionFactory(lead_posts=[post], reference="4.4.4")
    client.force_login(person)
    assert "4.4.4" not in client.get(reverse("home")).content.decode()


def lead_with_actions(count):
    person = UserFactory(roles=[roles.LEAD_OFFICER])
    post = PostFactory()
    PostHolderFactory(post=post, person=person)
    for _ in range(count):
        ActionFactory(lead_posts=[post, PostFactory()])
    return person


def test_home_issues_the_same_queries_for_1_and_200_actions(client, django_assert_num_queries):
    client.force_login(lead_with_actions(1))
    client.get(reverse("home"))  # warm the session
    with CaptureQueriesContext(connection) as for_one:
        client.get(reverse("home"))
    expected = len(for_one)  # read now: the next request resets the query log
    client.force_login(lead_with_actions(200))
    client.get(reverse("home"))
    with django_assert_num_queries(expected):
        assert client.get(reverse("home")).status_code == 200


def test_dates_are_english_whatever_language_the_browser_asks_for(client, lead):
    post = lead.post_holdings.get().post
    ActionFactory(lead_posts=[post], due_date=datetime.date(2023, 3, 12))
    client.force_login(lead)
    page = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "12 March 2023" in page


def challenge(action, comment="Green? It is six weeks late."):
    director = UserFactory(roles=[roles.DIRECTOR], full_name="Dee Director")
    return services.director_review_record(
        action=action, reviewer=director, decision="challenged", comment=comment,
        today=timezone.localdate(),
    )  # fmt: skip


def test_the_directors_open_challenges_show_with_a_link_to_update(client, lead):
    post = lead.post_holdings.get().post
    action = ActionFactory(lead_posts=[post], reference="2.1.1")
    challenge(action)
    challenge(ActionFactory(reference="9.9.9"), comment="Not yours")
    client.force_login(lead)

    page = client.get(reverse("home")).text

    assert "Challenges from the Director" in page
    assert "Green? It is six weeks late." in page
    assert "Challenged by Dee Director" in page
    assert reverse("action_update", args=[action.pk]) in page
    assert "Not yours" not in page


def test_a_challenge_leaves_the_home_page_once_a_progress_update_answers_it(client, lead):
    post = lead.post_holdings.get().post
    action = ActionFactory(lead_posts=[post], due_date=datetime.date(2030, 1, 31))
    challenge(action)
    services.progress_update_record(
        action=action, author=lead, text="The audit has started", reported_rag="green",
        today=timezone.localdate(),
    )  # fmt: skip
    client.force_login(lead)

    page = client.get(reverse("home")).text

    assert "Challenges from the Director" not in page


def test_a_confirmation_is_not_a_challenge(client, lead):
    post = lead.post_holdings.get().post
    action = ActionFactory(lead_posts=[post])
    services.director_review_record(
        action=action, reviewer=UserFactory(roles=[roles.DIRECTOR]), decision="confirmed",
        today=timezone.localdate(),
    )  # fmt: skip
    client.force_login(lead)

    assert "Challenges from the Director" not in client.get(reverse("home")).text


def test_a_long_list_is_paged_and_counted_in_full(client):
    person = lead_with_actions(25)
    client.force_login(person)
    response = client.get(reverse("home"))
    page = response.content.decode()
    assert len(response.context["actions_table"].page.object_list) == 20
    assert "Your posts lead 25 actions." in page
    assert "25 of your actions are overdue" in page
    assert reverse("my_actions") in page


def test_open_actions_from_meetings_show_with_a_link_to_report_progress(client, lead):
    minute = MinuteFactory(number=18)
    action = ActionArisingFactory(
        minute=minute, owner=lead, description="Share the fostering strategy",
        due_date=datetime.date(2022, 12, 1),
    )  # fmt: skip
    ActionArisingFactory(minute=minute, owner=lead, description="Done already", status="done")
    ActionArisingFactory(minute=minute, description="Someone else's")
    client.force_login(lead)

    page = client.get(reverse("home")).text

    assert "Actions from meetings" in page
    assert reverse("action_arising_update", args=[action.pk]) in page
    assert "Share the fostering strategy" in page
    assert f"{minute.meeting.board.name}, " in page
    assert "(minute 18)" in page
    assert "Overdue by" in page
    assert "Done already" not in page
    assert "Someone else" not in page


def test_home_reads_the_same_queries_for_1_and_30_actions_from_meetings(
    client, lead, django_assert_num_queries
):
    client.force_login(lead)
    ActionArisingFactory(owner=lead)
    client.get(reverse("home"))
    with CaptureQueriesContext(connection) as for_one:
        client.get(reverse("home"))
    expected = len(for_one)
    ActionArisingFactory.create_batch(29, owner=lead)
    with django_assert_num_queries(expected):
        assert "Actions from meetings" in client.get(reverse("home")).text
