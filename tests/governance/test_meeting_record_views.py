"""A meeting's record page "as presented" (governance.records.views) and the link to it
from the meeting's page."""

import datetime

import pytest
from django.urls import reverse

from governance import roles
from improvement_plan.models import Action
from improvement_plan.records.services import board_record_take
from scorecard.models import IndicatorValue
from tests.governance.factories import MeetingFactory, UserFactory
from tests.improvement_plan.factories import ActionFactory, PlanFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, TargetFactory

pytestmark = pytest.mark.django_db
DAY = datetime.date(2023, 1, 11)
NOVEMBER = datetime.date(2022, 11, 1)


def recorded_meeting(actions: int = 1):
    plan = PlanFactory(title="The plan")
    for n in range(actions):
        ActionFactory(
            objective__priority__plan=plan,
            reference=f"1.{n + 1}.1",
            description=f"Action number {n + 1}",
            due_date=datetime.date(2022, 12, 1),
        )
        indicator = IndicatorFactory(ref=f"CIN{n + 1}", title=f"Indicator {n + 1}")
        TargetFactory(indicator=indicator, written=">85%", kind="min", low=85, high=None)
        IndicatorValueFactory(
            indicator=indicator, period=NOVEMBER, value=70, state=IndicatorValue.State.APPROVED
        )
    record = board_record_take(
        plan=plan,
        occasion="Improvement Board, 11 January 2023",
        presented_on=DAY,
        scorecard_period=NOVEMBER,
        user=None,
        today=DAY,
    )
    meeting = MeetingFactory()
    meeting.board_record = record
    meeting.save()
    return meeting


@pytest.fixture
def viewer(client, db):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    return client


def test_the_record_page_lists_the_judgements_as_presented(viewer):
    meeting = recorded_meeting()
    Action.objects.update(status=Action.Status.COMPLETE)  # after: the page keeps "then"
    page = viewer.get(reverse("meeting_record", args=[meeting.pk])).content.decode()
    assert "As presented on 11 January 2023" in page
    assert "1 action: 1 Red, 0 Amber, 0 Green and 0 Blue (complete)" in page
    assert "Action number 1" in page
    assert "In progress" in page
    assert "1 December 2022 (overdue)" in page
    assert "Overdue by 41 days" in page
    assert "CIN1" in page
    assert "70.0%" in page
    assert "November 2022" in page


def test_a_meeting_without_a_record_says_why(viewer):
    meeting = MeetingFactory()
    response = viewer.get(reverse("meeting_record", args=[meeting.pk]))
    assert response.status_code == 200
    assert "No record has been kept for this meeting" in response.content.decode()
    detail = viewer.get(reverse("meeting_detail", args=[meeting.pk])).content.decode()
    assert "No record kept" in detail


def test_the_meeting_page_links_to_its_record(viewer):
    meeting = recorded_meeting()
    page = viewer.get(reverse("meeting_detail", args=[meeting.pk])).content.decode()
    assert reverse("meeting_record", args=[meeting.pk]) in page


def test_signed_out_is_sent_to_sign_in(client):
    meeting = recorded_meeting()
    response = client.get(reverse("meeting_record", args=[meeting.pk]))
    assert response.status_code == 302
    assert reverse("login") in response.url


@pytest.mark.parametrize("actions", [1, 12])
def test_the_record_page_takes_the_same_queries_for_one_and_many(
    viewer, actions, django_assert_num_queries
):
    meeting = recorded_meeting(actions)
    with django_assert_num_queries(5):
        assert viewer.get(reverse("meeting_record", args=[meeting.pk])).status_code == 200
