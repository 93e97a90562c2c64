"""The plan overview's "Since the last board" section and its RAG-at-each-board chart
with its data table (improvement_plan.views.lists.PlanOverviewView)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from benchmarks.plan_pages import seed_plan
from governance import roles
from improvement_plan.models import Action, Plan
from improvement_plan.records.charts import rag_chart
from improvement_plan.records.selectors import RagAtBoard
from improvement_plan.records.services import board_record_take
from tests.governance.factories import MeetingFactory, UserFactory
from tests.improvement_plan.factories import ActionFactory, PlanFactory

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("plan_overview")


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def take(plan, *, day, occasion):
    return board_record_take(
        plan=plan, occasion=occasion, presented_on=day, scorecard_period=None, user=None, today=day
    )


@pytest.fixture
def viewer(client, db):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    return client


@pytest.fixture
def plan(db):
    return PlanFactory(title="Improvement Plan 2023", starts_on=days(-300))


def test_before_any_board_the_overview_says_why_there_is_nothing_to_compare(viewer, plan):
    ActionFactory(objective__priority__plan=plan, due_date=days(60))
    page = viewer.get(OVERVIEW).content.decode()
    assert "No board has been presented this plan yet" in page


def test_the_overview_shows_what_changed_since_the_last_board(viewer, plan):
    action = ActionFactory(objective__priority__plan=plan, reference="1.1.1", due_date=days(5))
    record = take(plan, day=days(-30), occasion="Improvement Board, 11 January 2023")
    meeting = MeetingFactory()
    meeting.board_record = record
    meeting.save()
    Action.objects.filter(pk=action.pk).update(due_date=days(-2))
    page = viewer.get(OVERVIEW).content.decode()
    assert "Since the last board (Improvement Board, 11 January 2023)" in page
    assert reverse("meeting_record", args=[meeting.pk]) in page
    assert "1 action changed RAG: 0 better, 1 worse" in page
    assert "1 newly overdue" in page
    assert "Actions whose due date moved" in page
    assert "No scorecard figures were presented then" in page


def test_the_rag_at_each_board_has_a_chart_and_its_data_table(viewer, plan):
    action = ActionFactory(objective__priority__plan=plan, due_date=days(-70))
    take(plan, day=days(-60), occasion="Improvement Board, 1 March")
    Action.objects.filter(pk=action.pk).update(status=Action.Status.COMPLETE)
    response = viewer.get(OVERVIEW)
    page = response.content.decode()
    assert "The chart's data: actions by RAG at each board" in page
    assert 'role="img"' in page
    assert "<style" not in page.split("<svg", 1)[1].split("</svg>")[0]
    boards = response.context["boards"]
    assert [(b.occasion, b.red, b.blue) for b in boards] == [
        ("Improvement Board, 1 March", 1, 0),
        ("Today", 0, 1),
    ]


def test_the_chart_says_each_board_in_words_and_escapes_its_text():
    rows = [RagAtBoard("<b>Board</b>", datetime.date(2023, 1, 11), red=2, green=3)]
    svg = str(rag_chart(rows))
    assert "&lt;b&gt;Board&lt;/b&gt;: 2 Red, 0 Amber, 3 Green, 0 Blue." in svg
    assert "<b>" not in svg
    assert str(rag_chart([RagAtBoard("Empty", datetime.date(2023, 1, 11))])) == ""


def test_the_overview_takes_as_many_queries_for_500_actions_as_for_1(
    client, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(UserFactory(roles=[roles.VIEWER]))
    seed_plan(actions=1, title="Small", starts_on=datetime.date(2023, 1, 1), moved_every=1)
    take(Plan.objects.get(), day=days(-10), occasion="Board")
    with CaptureQueriesContext(connection) as small:
        assert client.get(OVERVIEW).status_code == 200
    seed_plan(actions=500, title="Big", starts_on=datetime.date(2024, 1, 1), moved_every=2)
    big_plan = Plan.objects.get(title="Big")
    take(big_plan, day=days(-20), occasion="Board 1")
    take(big_plan, day=days(-10), occasion="Board 2")
    with django_assert_num_queries(len(small)):
        assert client.get(OVERVIEW).status_code == 200


def test_the_overview_lists_the_first_ten_of_each_change_and_links_to_them_all(viewer, plan):
    objective = ActionFactory(objective__priority__plan=plan, reference="1.1.1").objective
    take(plan, day=days(-30), occasion="Improvement Board, 11 January 2023")
    for n in range(2, 14):
        ActionFactory(objective=objective, order=100 + n, reference=f"1.1.{n}", due_date=days(90))
    full = reverse("plan_since_last_board")

    overview = viewer.get(OVERVIEW).content.decode()
    everything = viewer.get(full).content.decode()

    assert "12 actions added since" in overview
    added = overview.split("Added since</h3>")[1].split("</ul>")[0]
    assert added.count("<li") == 10
    assert f'href="{full}">See all 12' in overview
    assert all(f">1.1.{n}</a>" in everything for n in range(2, 14))
    assert "See all" not in everything


def test_the_page_of_every_change_says_why_there_is_nothing_before_a_board(viewer, plan):
    page = viewer.get(reverse("plan_since_last_board")).content.decode()
    assert "No board has been presented this plan yet" in page
