"""The Director's page (issue 12, section 5): plan RAG by priority, the scorecard's
exceptions, actions updated since her review marked New, her open challenges and the next
meetings with their pack's state; each row links to where she acts; the same number of
queries for 10 and 3,000 actions."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance import roles
from governance.models import Meeting, Pack
from improvement_plan import services
from improvement_plan.models import Action, ActionIndicatorLink, DirectorReview, ProgressUpdate
from improvement_plan.records.services import board_record_take
from improvement_plan.tracking import tracking_refresh
from tests.governance.factories import (
    AgendaItemFactory,
    MeetingFactory,
    PackFactory,
    PaperFactory,
    PostFactory,
    PostHolderFactory,
    UserFactory,
)
from tests.improvement_plan.factories import ActionFactory, ObjectiveFactory, PlanFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, TargetFactory

pytestmark = pytest.mark.django_db
START = datetime.date(2022, 6, 1)


@pytest.fixture
def director(db):
    person = UserFactory(roles=[roles.DIRECTOR], full_name="Dee Director")
    PostHolderFactory(post=PostFactory(name="DCS"), person=person)
    return person


def home(client, person) -> str:
    client.force_login(person)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.text


def update(action, author, text="Audit started"):
    return services.progress_update_record(
        action=action, author=author, text=text, reported_rag="green", today=timezone.localdate()
    )


def review(action, reviewer, decision="confirmed", comment=""):
    return services.director_review_record(
        action=action, reviewer=reviewer, decision=decision, comment=comment,
        today=timezone.localdate(),
    )  # fmt: skip


def test_plan_rag_by_priority_links_to_the_actions_of_each(client, director):
    objective = ObjectiveFactory(priority__plan=PlanFactory(title="The plan"))
    late = ActionFactory(objective=objective, due_date=datetime.date(2020, 1, 1))
    ActionFactory(objective=objective, status=Action.Status.COMPLETE)
    page = home(client, director)
    assert "The Director’s view" in page
    assert "Computed RAG by priority" in page
    assert "The plan: 2 actions, 1 Red, 0 Amber, 0 Green and 1 Blue" in page
    priority = late.objective.priority.pk
    assert f"{reverse('action_list')}?priority={priority}&amp;rag=red" in page


def test_the_change_since_the_last_board_is_shown_by_priority(client, director):
    objective = ObjectiveFactory(priority__plan=PlanFactory(title="The plan"))
    slipping = ActionFactory(objective=objective, due_date=datetime.date(2099, 1, 1))
    ActionFactory(objective=objective, due_date=datetime.date(2099, 1, 1))
    board_record_take(
        plan=objective.priority.plan, occasion="Improvement Board, 11 January 2023",
        presented_on=timezone.localdate(), scorecard_period=None, user=director,
    )  # fmt: skip
    Action.objects.filter(pk=slipping.pk).update(due_date=datetime.date(2020, 1, 1))

    page = home(client, director)

    assert "Since the last board (Improvement Board, 11 January 2023)" in page
    assert "1 action changed RAG: 0 better, 1 worse" in page
    assert "1 newly overdue" in page
    assert "1 worse, 1 newly overdue" in page  # the priority's row
    assert f"{reverse('plan_overview')}#since-last-board-heading" in page


def test_without_a_kept_record_the_page_says_why_no_change_is_shown(client, director):
    ActionFactory()
    page = home(client, director)
    assert "no meeting has kept a record of the plan’s judgements" in page


def test_no_plan_says_so_and_nothing_is_judged(client, director):
    page = home(client, director)
    assert "No improvement plan has been loaded yet" in page
    assert "No figures have been entered yet, so no indicator can be judged." in page


def test_scorecard_exceptions_for_the_latest_month_link_to_each_indicator(client, director):
    red = IndicatorFactory(ref="CIN8", title="Assessments in 45 days")
    TargetFactory(indicator=red, written="85%", kind="single", low=85, high=None)
    june = datetime.date(2023, 6, 1)
    IndicatorValueFactory(indicator=red, period=june, value=60, state="approved")
    IndicatorValueFactory(indicator=IndicatorFactory(ref="CIN9"), period=june, value=50,
                          state="submitted")  # fmt: skip
    page = home(client, director)
    assert "June 2023: 1 of 2 expected figures approved; 1 entered and waiting approval." in page
    assert "No month yet has every expected figure approved or explained" in page
    assert "Incomplete" in page
    assert "2 indicators are exceptions in June 2023" in page
    assert "<li>Red: 1</li>" in page
    assert "<li>No figure: 1</li>" in page  # counted like the others: no all-clear
    assert "No figure: entered, not yet approved" in page
    assert reverse("indicator_detail", kwargs={"ref": "CIN8"}) in page
    assert reverse("indicator_detail", kwargs={"ref": "CIN9"}) in page
    assert f"{reverse('scorecard_exceptions')}?period=2023-06" in page


def test_one_figure_approved_in_a_new_month_leaves_her_on_the_last_complete_month(client, director):
    indicators = [IndicatorFactory(ref=f"CF{n}") for n in range(1, 4)]
    for indicator in indicators:
        IndicatorValueFactory(indicator=indicator, period=datetime.date(2023, 6, 1),
                              value=90, state="approved")  # fmt: skip
    IndicatorValueFactory(indicator=indicators[0], period=datetime.date(2023, 7, 1),
                          value=91, state="approved")  # fmt: skip
    page = home(client, director)
    assert "Showing June 2023, the latest month with every figure approved or explained." in page
    assert "Every expected figure for June 2023 is approved" in page
    assert f"{reverse('scorecard_exceptions')}?period=2023-07" in page
    assert "July 2023</a>: lacks 2 figures (2 missing without a reason)" in page


def test_an_unapproved_figure_is_never_on_her_page(client, director):
    indicator = IndicatorFactory(ref="CF1")
    IndicatorValueFactory(indicator=indicator, value=12.3, state="submitted")
    assert "12.3" not in home(client, director)


def test_actions_updated_since_their_review_are_listed_new_with_a_link_to_review(client, director):
    lead = UserFactory(roles=[roles.LEAD_OFFICER])
    objective = ObjectiveFactory()
    reviewed_then_updated, reviewed, never = (
        ActionFactory(reference=r, objective=objective) for r in ("2.1.1", "2.1.2", "2.1.3")
    )
    update(reviewed, lead)
    review(reviewed, director)
    update(reviewed_then_updated, lead)
    review(reviewed_then_updated, director)
    update(reviewed_then_updated, lead, "Moved on")
    update(never, lead)

    page = home(client, director)

    assert "2 actions have a progress update you have not reviewed" in page
    assert reverse("action_review", args=[reviewed_then_updated.pk]) in page
    assert reverse("action_review", args=[never.pk]) in page
    assert reverse("action_review", args=[reviewed.pk]) not in page
    assert page.count(">New</strong>") == 2


def test_the_latest_ten_updated_are_listed_and_all_of_them_counted(client, director):
    lead = UserFactory(roles=[roles.LEAD_OFFICER])
    objective = ObjectiveFactory()
    actions = [ActionFactory(reference=f"2.2.{n}", objective=objective) for n in range(12)]
    for action in actions:
        update(action, lead)
    reviewed = actions[-1]  # the newest update, reviewed: neither listed nor counted
    review(reviewed, director)
    page = home(client, director)
    counted = "11 actions have a progress update you have not reviewed; the latest 10 are below"
    assert counted in page
    assert reverse("action_review", args=[actions[0].pk]) not in page  # the oldest of 11
    assert reverse("action_review", args=[actions[1].pk]) in page
    assert reverse("action_review", args=[reviewed.pk]) not in page


def test_an_update_before_her_last_review_is_listed_but_not_new(client, director):
    lead = UserFactory(roles=[roles.LEAD_OFFICER])
    objective = ObjectiveFactory()
    waiting = ActionFactory(reference="3.1.1", objective=objective)
    update(waiting, lead)
    ProgressUpdate.objects.filter(action=waiting).update(
        created_at=timezone.now() - datetime.timedelta(days=3)
    )
    review(ActionFactory(objective=objective), director)  # she reviewed another since
    page = home(client, director)
    assert reverse("action_review", args=[waiting.pk]) in page
    assert ">New</strong>" not in page


def test_her_open_challenges_are_listed_until_answered(client, director):
    lead = UserFactory(roles=[roles.LEAD_OFFICER])
    open_one, answered = ActionFactory(reference="1.2.2"), ActionFactory(reference="1.2.3")
    review(open_one, director, "challenged", "What date will partners agree?")
    review(answered, director, "challenged", "Answered already")
    update(answered, lead)
    review(ActionFactory(), UserFactory(roles=[roles.DIRECTOR]), "challenged", "Someone else's")

    page = home(client, director)

    assert "1 of your challenges is not yet answered" in page
    assert "What date will partners agree?" in page
    assert reverse("action_detail", args=[open_one.pk]) in page
    assert "Answered already" not in page
    assert "Someone else" not in page


def test_next_meetings_show_their_packs_state_and_papers(client, director):
    now = timezone.now()
    published = MeetingFactory(starts_at=now + datetime.timedelta(days=7))
    PackFactory(
        meeting=published, audience=Pack.Audience.PUBLIC, state=Pack.State.BUILT,
        published_at=now,
    )  # fmt: skip
    bare = MeetingFactory(
        starts_at=now + datetime.timedelta(days=30),
        papers_deadline=timezone.localdate() + datetime.timedelta(days=10),
    )
    AgendaItemFactory(meeting=bare)
    PaperFactory(agenda_item=AgendaItemFactory(meeting=bare))
    AgendaItemFactory(meeting=bare, standard="apologies")
    MeetingFactory(starts_at=now - datetime.timedelta(days=1))  # past
    MeetingFactory(starts_at=now + datetime.timedelta(days=2), status=Meeting.Status.CANCELLED)

    page = home(client, director)

    assert "Pack published" in page
    assert reverse("pack_detail", args=[published.packs.get().pk]) in page
    assert "Pack not built" in page
    assert "1 item has no papers" in page
    assert "Papers due by" in page
    assert page.count(reverse("meeting_detail", args=[bare.pk])) == 1
    assert "Pack being built" not in page


def a_plan_of(count: int, *, lead):
    """`count` actions across three priorities, each updated by a lead, some reviewed."""
    objectives = [ObjectiveFactory(priority__plan=PlanFactory(title="Big plan")) for _ in range(3)]
    actions = Action.objects.bulk_create(
        Action(
            objective=objectives[n % 3],
            order=n,
            reference=f"{n % 3 + 1}.1.{n}",
            description=f"Action {n}",
            due_date=datetime.date(2030, 1, 1) if n % 2 else None,
            status=Action.Status.IN_PROGRESS,
        )  # fmt: skip
        for n in range(count)
    )
    now = timezone.now()
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(action=a, text="Done some", author=lead, created_at=now) for a in actions
    )
    tracking_refresh(action_ids=[a.pk for a in actions])  # bulk_create bypasses the services
    DirectorReview.objects.bulk_create(
        DirectorReview(action=a, decision="challenged", rag="green", reviewed_at=now, reviewer=lead)
        for a in actions[::5]
    )
    board_record_take(
        plan=objectives[0].priority.plan, occasion="Improvement Board, 11 January 2023",
        presented_on=timezone.localdate(), scorecard_period=None, user=lead,
    )  # fmt: skip
    Action.objects.filter(pk__in=[a.pk for a in actions[::3]]).update(
        due_date=datetime.date(2020, 1, 1)
    )
    moved = IndicatorFactory(polarity="higher")
    IndicatorValueFactory(indicator=moved, state="approved", value=40, previous_year=60)
    ActionIndicatorLink.objects.bulk_create(
        ActionIndicatorLink(action=a, indicator=moved) for a in actions[::7]
    )
    return actions


def queries_for_home(client, person) -> int:
    client.force_login(person)
    client.get(reverse("home"))  # warm the session
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("home")).status_code == 200
    return len(captured)


def test_her_page_reads_the_same_queries_for_10_and_3000_actions(
    client, director, django_assert_num_queries
):
    lead = UserFactory(roles=[roles.LEAD_OFFICER])
    MeetingFactory(starts_at=timezone.now() + datetime.timedelta(days=3))
    IndicatorValueFactory(state="approved")
    a_plan_of(10, lead=lead)
    expected = queries_for_home(client, director)
    Action.objects.all().delete()
    a_plan_of(3000, lead=lead)
    with django_assert_num_queries(expected):
        page = client.get(reverse("home")).text
    assert "have a progress update you have not reviewed" in page
    assert "Since the last board" in page
    assert ": 429 links</li>" in page  # every 7th of 3,000 actions, one verdict


def test_how_the_linked_indicators_moved_is_counted_worst_first(client, director):
    action = ActionFactory(reference="2.3.1", objective__priority__plan__starts_on=START)
    fell = IndicatorFactory(ref="CF25", title="Dental checks", polarity="higher")
    IndicatorValueFactory(
        indicator=fell, period=datetime.date(2022, 10, 1), value=63, previous_year=72,
        state="approved",
    )  # fmt: skip
    tracked = IndicatorFactory(ref="FD7", polarity="neither")
    ActionIndicatorLink.objects.create(action=action, indicator=fell)
    ActionIndicatorLink.objects.create(action=action, indicator=tracked)

    page = home(client, director)

    assert "How the linked indicators moved" in page
    assert page.index("Moved the wrong way: 1 link") < page.index("Not judged: 1 link")
    assert "CF25 Dental checks</a>, linked to" in page
    assert "72.0% (the previous year&#x27;s, as quoted in October 2022) to 63.0%" in page
