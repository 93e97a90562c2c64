"""Finding 4 of issue 11 (the meeting record): two people open the same form and both
save. A field only the first changed is never sent back by the second (forms save only
the fields changed); a field both changed is refused with theirs beside yours."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from governance import roles
from governance.models import ActionArising, Attendance
from tests.governance.factories import (
    ActionArisingFactory,
    MembershipFactory,
    MinuteFactory,
    UserFactory,
)
from tests.governance.meetings.editing import opened

pytestmark = pytest.mark.django_db
REFUSED = "Someone else changed this while you were editing"


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def clerks():
    return [signed_in(UserFactory(roles=[roles.DEMOCRATIC_SERVICES])) for _ in range(2)]


def test_two_minute_forms_keep_both_changes(november, clerks):
    minute = MinuteFactory(meeting=november, number=18, title="Fostering", text="Draft")
    url = reverse("minute_update", args=[minute.pk])
    ann, bob = clerks
    ann_opened, bob_opened = opened(ann, url), opened(bob, url)

    ann.post(url, {**ann_opened, "title": "Fostering", "text": "Ann's text", "resolved": ""})
    response = bob.post(
        url, {**bob_opened, "title": "Fostering", "text": "Draft", "resolved": "Noted"}
    )

    assert response.status_code == 302
    minute.refresh_from_db()
    assert (minute.text, minute.resolved) == ("Ann's text", "Noted")


def test_two_minute_forms_changing_the_text_refuse_the_second(november, clerks):
    minute = MinuteFactory(meeting=november, number=18, title="Fostering", text="Draft")
    url = reverse("minute_update", args=[minute.pk])
    ann, bob = clerks
    ann_opened, bob_opened = opened(ann, url), opened(bob, url)
    ann.post(url, {**ann_opened, "title": "Fostering", "text": "Ann's text", "resolved": ""})

    response = bob.post(url, {**bob_opened, "title": "Fostering", "text": "Bob's text"})

    text = response.content.decode()
    assert response.status_code == 200
    assert REFUSED in text
    assert "Minute was changed by someone else after you opened this page" in text
    assert "Ann&#x27;s text" in text
    assert "Bob&#x27;s text" in text
    minute.refresh_from_db()
    assert minute.text == "Ann's text"


def test_a_stale_progress_form_never_resets_the_status(november, clerks):
    """The clerk marks the action done; the owner, whose form was opened before, reports
    progress only: the action stays done."""
    owner = UserFactory(roles=[roles.LEAD_OFFICER])
    action = ActionArisingFactory(
        minute=MinuteFactory(meeting=november), owner=owner, due_date=datetime.date(2023, 1, 1)
    )
    url = reverse("action_arising_update", args=[action.pk])
    clerk, owner_client = clerks[0], signed_in(owner)
    clerk_opened, owner_opened = opened(clerk, url), opened(owner_client, url)

    clerk.post(url, {**clerk_opened, "status": "done", "progress": ""})
    response = owner_client.post(url, {**owner_opened, "status": "open", "progress": "Sent"})

    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.progress) == (ActionArising.Status.DONE, "Sent")
    assert action.completed_on is not None


def test_two_attendance_forms_keep_each_persons_row(board, november, clerks):
    chair = MembershipFactory(board=board, role="chair").person
    member = MembershipFactory(board=board).person
    url = reverse("meeting_attendance", args=[november.pk])
    ann, bob = clerks
    ann_opened, bob_opened = opened(ann, url), opened(bob, url)

    ann.post(url, {**ann_opened, f"status_{chair.pk}": "present"})
    response = bob.post(url, {**bob_opened, f"status_{member.pk}": "apologies"})

    assert response.status_code == 302
    rows = {a.person_id: a.status for a in Attendance.objects.filter(meeting=november)}
    assert rows == {chair.pk: "present", member.pk: "apologies"}


def test_two_attendance_forms_changing_one_row_refuse_the_second(board, november, clerks):
    chair = MembershipFactory(board=board, role="chair").person
    url = reverse("meeting_attendance", args=[november.pk])
    ann, bob = clerks
    ann_opened, bob_opened = opened(ann, url), opened(bob, url)
    ann.post(url, {**ann_opened, f"status_{chair.pk}": "present"})

    response = bob.post(url, {**bob_opened, f"status_{chair.pk}": "absent"})

    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert Attendance.objects.get(meeting=november, person=chair).status == "present"
