"""Finding 4 of issue 11 (meetings): two people open the same form and both save. The
second save never silently loses the first: a field only the first changed stays theirs
(forms save only the fields changed), and a field both changed is refused with a GOV.UK
error showing theirs beside yours, nothing overwritten, until the second saves again."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from governance import roles
from governance.meetings import services
from governance.models import Meeting
from tests.governance.factories import BoardFactory, UserFactory
from tests.governance.meetings.editing import OPENED, opened
from tests.governance.meetings.factories import arranged_meeting

pytestmark = pytest.mark.django_db
JANUARY = datetime.datetime(2023, 1, 11, 18, 0, tzinfo=datetime.UTC)
REFUSED = "Someone else changed this while you were editing"


def officer_client() -> Client:
    client = Client()
    client.force_login(UserFactory(roles=[roles.DEMOCRATIC_SERVICES]))
    return client


@pytest.fixture
def meeting():
    board = BoardFactory(name="Improvement Board", slug="improvement-board")
    return arranged_meeting(board, UserFactory(), starts_at=JANUARY)


@pytest.fixture
def item(meeting):
    return services.agenda_item_add(
        meeting=meeting, title="Performance scorecard", description="To note", user=None
    )


def item_form(**changes) -> dict:
    return {"title": "Performance scorecard", "description": "To note", "presenters": "",
            "report_author": "", "exempt_paragraph": "", **changes}  # fmt: skip


def test_two_item_forms_on_one_version_keep_both_changes(item):
    url = reverse("agenda_item_update", args=[item.pk])
    ann, bob = officer_client(), officer_client()
    ann_opened, bob_opened = opened(ann, url), opened(bob, url)

    assert ann.post(url, {**ann_opened, **item_form(title="Scorecard")}).status_code == 302
    response = bob.post(url, {**bob_opened, **item_form(description="To scrutinise")})

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.description) == ("Scorecard", "To scrutinise")


def test_two_item_forms_changing_one_field_refuse_the_second_and_show_both(item):
    url = reverse("agenda_item_update", args=[item.pk])
    ann, bob = officer_client(), officer_client()
    ann_opened, bob_opened = opened(ann, url), opened(bob, url)
    ann.post(url, {**ann_opened, **item_form(title="Ann's title")})

    response = bob.post(url, {**bob_opened, **item_form(title="Bob's title")})

    text = response.content.decode()
    assert response.status_code == 200
    assert REFUSED in text
    assert "There is a problem" in text
    assert "Title was changed by someone else after you opened this page" in text
    assert "Ann&#x27;s title" in text
    assert "Bob&#x27;s title" in text
    item.refresh_from_db()
    assert item.title == "Ann's title"

    # Saving again, having seen theirs, is a choice: the form now stands on their version.
    rebased = {"opened_version": OPENED.search(text)[1]}
    assert bob.post(url, {**rebased, **item_form(title="Bob's title")}).status_code == 302
    item.refresh_from_db()
    assert item.title == "Bob's title"


def test_the_service_writes_only_the_fields_changed(item):
    """A stale form that sends the title back unchanged does not overwrite a newer one."""
    form_opened = {"title": "Performance scorecard", "description": "To note", "presenters": "",
                   "report_author": "", "exempt_paragraph": ""}  # fmt: skip
    services.agenda_item_update(item=item, user=None, title="Newer", description="To note")

    services.agenda_item_update(
        item=item, user=None, title="Performance scorecard", description="Changed",
        opened=form_opened, changed={"description"},
    )  # fmt: skip

    item.refresh_from_db()
    assert (item.title, item.description) == ("Newer", "Changed")


def meeting_form(**changes) -> dict:
    return {"date_day": "11", "date_month": "1", "date_year": "2023", "start_time": "6pm",
            "place": "Committee Room 1", **changes}  # fmt: skip


def test_two_meeting_forms_keep_the_place_and_the_time(meeting):
    """One more form: one person moves the meeting, another changes its place."""
    Meeting.objects.filter(pk=meeting.pk).update(place="Committee Room 1")
    url = reverse("meeting_update", args=[meeting.pk])
    ann, bob = officer_client(), officer_client()
    ann_opened, bob_opened = opened(ann, url), opened(bob, url)

    assert ann.post(url, {**ann_opened, **meeting_form(start_time="6:30pm")}).status_code == 302
    response = bob.post(url, {**bob_opened, **meeting_form(place="Tameside One")})

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.place == "Tameside One"
    assert meeting.starts_at == datetime.datetime(2023, 1, 11, 18, 30, tzinfo=datetime.UTC)


def test_two_meeting_forms_moving_it_refuse_the_second(meeting):
    url = reverse("meeting_update", args=[meeting.pk])
    ann, bob = officer_client(), officer_client()
    ann_opened, bob_opened = opened(ann, url), opened(bob, url)
    ann.post(url, {**ann_opened, **meeting_form(start_time="6:30pm", place=meeting.place)})

    response = bob.post(url, {**bob_opened, **meeting_form(start_time="7pm", place=meeting.place)})

    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.starts_at == datetime.datetime(2023, 1, 11, 18, 30, tzinfo=datetime.UTC)


def test_two_board_forms_keep_both_changes():
    board = BoardFactory(name="Improvement Board", slug="improvement-board")
    url = reverse("board_update", args=[board.slug])
    ann, bob = officer_client(), officer_client()
    ann_opened, bob_opened = opened(ann, url), opened(bob, url)
    base = {"name": board.name, "slug": board.slug, "kind": board.kind,
            "terms_of_reference": board.terms_of_reference}  # fmt: skip

    ann.post(url, {**ann_opened, **base, "contact_name": "Paul Radcliffe"})
    bob.post(url, {**bob_opened, **base, "default_place": "Tameside One"})

    board.refresh_from_db()
    assert (board.contact_name, board.default_place) == ("Paul Radcliffe", "Tameside One")
