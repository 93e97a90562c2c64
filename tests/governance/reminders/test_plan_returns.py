"""Scorecard returns, papers and published packs (governance.reminders.plan_returns)."""

import datetime

import pytest
from django.utils import timezone

from governance.models import Membership, Pack, Reminder
from governance.reminders.services import reminders_due
from scorecard.models import IndicatorValue
from tests.governance.factories import (
    AgendaItemFactory,
    MeetingFactory,
    MembershipFactory,
    PackFactory,
    PaperFactory,
    PostFactory,
    PostHolderFactory,
    UserFactory,
)
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, ServiceAreaFactory

D = datetime.date
pytestmark = pytest.mark.django_db


def due(today, kind):
    return [p for p in reminders_due(today=today) if p.kind == kind]


@pytest.fixture
def owner(db):
    person = UserFactory(full_name="Owen Owner")
    post = PostFactory(name="HoS Front Door")
    PostHolderFactory(post=post, person=person)
    person.post = post
    return person


def test_owners_are_reminded_of_figures_not_yet_submitted(owner):
    area = ServiceAreaFactory(prefix="FD", head_of_service=owner.post)
    missing = IndicatorFactory(service_area=area, ref="FD1", title="Contacts")
    done = IndicatorFactory(service_area=area, ref="FD2", owner=owner.post)
    IndicatorValueFactory(
        indicator=done, period=D(2023, 2, 1), state=IndicatorValue.State.SUBMITTED
    )

    assert due(D(2023, 3, 6), Reminder.Kind.SCORECARD_DUE) == []  # 6 working days before
    (reminder,) = due(D(2023, 3, 7), Reminder.Kind.SCORECARD_DUE)

    assert reminder.recipient == owner
    assert [item.text for item in reminder.sections[0].items] == [f"{missing.ref} Contacts"]
    assert reminder.sections[0].items[0].url.endswith("/scorecard/enter/FD/2023-02/")
    assert "due by 14 March 2023" in reminder.subject
    assert reminder.for_date == D(2023, 2, 1)


def test_a_chaser_follows_the_day_after_the_deadline(owner):
    IndicatorFactory(service_area=ServiceAreaFactory(prefix="CIN"), owner=owner.post)

    assert due(D(2023, 3, 14), Reminder.Kind.SCORECARD_LATE) == []
    (chaser,) = due(D(2023, 3, 15), Reminder.Kind.SCORECARD_LATE)
    assert chaser.subject == "Late: 1 figure for the February 2023 scorecard"
    assert chaser.for_date == D(2023, 2, 1)


def test_report_authors_are_reminded_before_the_papers_deadline_until_they_send_papers():
    author = UserFactory(full_name="Paula Sumner")
    meeting = MeetingFactory(papers_deadline=D(2023, 2, 24))
    item = AgendaItemFactory(meeting=meeting, report_author=author, title="Children missing")

    assert due(D(2023, 2, 18), Reminder.Kind.PAPERS_DUE) == []
    (reminder,) = due(D(2023, 2, 19), Reminder.Kind.PAPERS_DUE)
    assert reminder.recipient == author
    assert reminder.for_date == D(2023, 2, 24)
    assert "by 24 February 2023" in reminder.subject

    PaperFactory(agenda_item=item)
    assert due(D(2023, 2, 20), Reminder.Kind.PAPERS_DUE) == []


def test_members_hear_of_a_published_pack_once_within_the_week():
    meeting = MeetingFactory()
    member = MembershipFactory(board=meeting.board, role=Membership.Role.CHAIR).person
    MembershipFactory(board=meeting.board, start_date=D(2020, 1, 1), end_date=D(2022, 1, 1))
    published = timezone.make_aware(datetime.datetime(2023, 1, 4, 10))
    PackFactory(meeting=meeting, state=Pack.State.BUILT, published_at=published, page_count=70)

    (notice,) = due(D(2023, 1, 4), Reminder.Kind.PACK_PUBLISHED)
    assert notice.recipient == member
    assert notice.subject.startswith("Agenda pack published: ")
    assert due(D(2023, 1, 11), Reminder.Kind.PACK_PUBLISHED) != []
    assert due(D(2023, 1, 12), Reminder.Kind.PACK_PUBLISHED) == []
    assert due(D(2023, 1, 3), Reminder.Kind.PACK_PUBLISHED) == []


def test_pack_notices_read_a_fixed_number_of_queries(django_assert_num_queries):
    published = timezone.make_aware(datetime.datetime(2023, 1, 4, 10))
    for _ in range(5):
        meeting = MeetingFactory()
        MembershipFactory.create_batch(3, board=meeting.board)
        PackFactory(meeting=meeting, state=Pack.State.BUILT, published_at=published)
    from governance.reminders.plan_returns import pack_reminders

    with django_assert_num_queries(2):
        assert len(pack_reminders(today=D(2023, 1, 5))) == 15
