"""What the improvement plan's reminders ask of whom (governance.reminders.plan_actions)."""

import datetime

import pytest
from django.utils import timezone

from governance.models import Reminder
from governance.reminders import plan_actions
from governance.reminders.services import reminders_due
from improvement_plan.models import Action, DirectorReview
from tests.governance.factories import (
    ActionArisingFactory,
    MinuteFactory,
    PostHolderFactory,
    UserFactory,
)
from tests.governance.reminders.conftest import TODAY
from tests.improvement_plan.factories import ActionFactory, PlanFactory, ProgressUpdateFactory

D = datetime.date
pytestmark = pytest.mark.django_db


def due(today=TODAY, kind=None):
    found = reminders_due(today=today)
    return [p for p in found if kind is None or p.kind == kind]


@pytest.mark.parametrize(
    ("due_date", "variant"),
    [(D(2023, 3, 20), "14"), (D(2023, 3, 9), "3"), (D(2023, 3, 6), "3"), (D(2023, 3, 21), None)],
)
def test_leads_are_reminded_14_and_3_days_before(action_due, lead, due_date, variant):
    action_due(due_date, reference="2.1.3")

    found = due(kind=Reminder.Kind.ACTION_DUE_SOON)

    if variant is None:
        assert found == []
        return
    (planned,) = found
    assert (planned.recipient, planned.variant, planned.for_date) == (lead, variant, due_date)
    assert planned.subject.startswith("Action 2.1.3 is due")
    assert planned.sections[0].items[0].url.endswith(f"/plan/actions/{Action.objects.get().pk}/")


@pytest.mark.parametrize(
    ("today", "week"),
    [
        (D(2023, 3, 1), D(2023, 3, 1)),
        (D(2023, 3, 7), D(2023, 3, 1)),
        (D(2023, 3, 8), D(2023, 3, 8)),
    ],
)
def test_overdue_actions_go_to_leads_on_the_first_day_then_weekly(action_due, today, week):
    action_due(D(2023, 2, 28))

    (planned,) = due(today=today, kind=Reminder.Kind.ACTION_OVERDUE)

    assert planned.for_date == week
    assert "overdue by" in planned.subject


def test_complete_actions_and_former_post_holders_are_not_chased(action_due, lead):
    action_due(D(2023, 3, 1), status=Action.Status.COMPLETE)
    action = action_due(D(2023, 3, 1))
    former = UserFactory()
    PostHolderFactory(post=lead.post, person=former, end_date=D(2023, 1, 31))

    found = due(kind=Reminder.Kind.ACTION_OVERDUE)

    assert [(p.recipient, p.about_key) for p in found] == [(lead, f"action:{action.pk}")]


def test_only_the_current_plan_is_chased(action_due):
    action_due(D(2023, 3, 1))
    old = PlanFactory(title="Old plan", starts_on=D(2019, 1, 1))
    ActionFactory(objective__priority__plan=old, due_date=D(2023, 3, 1))

    assert len(due(kind=Reminder.Kind.ACTION_OVERDUE)) == 1


def test_the_digest_lists_overdue_due_soon_idle_and_challenged_actions(action_due, director):
    late = action_due(D(2023, 2, 1), reference="1.1.1")
    action_due(D(2023, 3, 15), reference="1.1.2")
    idle = action_due(None, reference="1.1.3")
    ProgressUpdateFactory(
        action=idle, created_at=timezone.make_aware(datetime.datetime(2023, 1, 2))
    )
    DirectorReview.objects.create(
        action=late, reviewer=director, decision=DirectorReview.Decision.CHALLENGED,
        rag="red", comment="Green? It is a month late.", reviewed_at=timezone.now(),
    )  # fmt: skip

    (digest,) = due(kind=Reminder.Kind.DIGEST)

    sections = {s.heading: [i.text.split()[0] for i in s.items] for s in digest.sections}
    assert sections == {
        "Overdue": ["1.1.1"],
        "Due soon": ["1.1.2"],
        "No recent progress": ["1.1.3"],
        "Challenges from the Director": ["1.1.1"],
    }
    assert digest.for_date == TODAY


def test_the_digest_waits_for_its_weekday_and_keeps_that_date(action_due, settings):
    action_due(D(2023, 2, 1))
    settings.REMINDER_DIGEST_WEEKDAY = 2  # Wednesday

    assert due(today=D(2023, 3, 7), kind=Reminder.Kind.DIGEST) == []
    (digest,) = due(today=D(2023, 3, 10), kind=Reminder.Kind.DIGEST)
    assert digest.for_date == D(2023, 3, 8)


def test_nobody_gets_an_empty_digest(action_due):
    action_due(D(2023, 6, 30))

    assert due(kind=Reminder.Kind.DIGEST) == []


def test_the_director_gets_one_summary_of_long_overdue_and_idle_actions(action_due, director):
    action_due(D(2023, 2, 1), reference="3.1.1")  # 33 days overdue
    action_due(D(2023, 2, 10), reference="3.1.2")  # 24 days: not yet
    idle = action_due(None, reference="3.1.3")
    ProgressUpdateFactory(
        action=idle, created_at=timezone.make_aware(datetime.datetime(2022, 12, 1))
    )

    (summary,) = due(kind=Reminder.Kind.ESCALATION)

    assert summary.recipient == director
    texts = [[i.text.split()[0] for i in s.items] for s in summary.sections]
    assert texts == [["3.1.1"], ["3.1.3"]]
    assert summary.reason == "1 long overdue, 1 without progress"


def test_open_actions_read_a_fixed_number_of_queries(action_due, django_assert_num_queries):
    for day in range(1, 21):
        action_due(D(2023, 3, day))
    with django_assert_num_queries(4):
        actions = plan_actions.open_actions(today=TODAY)
        assert all(plan_actions.leads_of(action) for action in actions)


def test_owners_of_actions_arising_find_them_in_their_digest(action_due, lead):
    action_due(D(2023, 2, 1), reference="1.1.1")
    minute = MinuteFactory(number=18)
    ActionArisingFactory(
        minute=minute, owner=lead, description="Share the fostering strategy",
        due_date=D(2023, 3, 1),
    )  # fmt: skip
    other = ActionArisingFactory(minute=minute, due_date=D(2023, 4, 1))

    digests = {p.recipient: p for p in due(kind=Reminder.Kind.DIGEST)}

    section = digests[lead].sections[-1]
    assert section.heading == "Actions from meetings"
    (item,) = section.items
    assert item.text == f"Share the fostering strategy ({minute.meeting.board.name}, minute 18)"
    assert item.note == "Overdue by 5 days"
    assert digests[other.owner].sections[0].items[0].note == "Due 1 April 2023"
