"""Finding 5 of issue 11 (meetings forms): text fields have limits that fit their use,
said in the hint and checked by the form, which keeps what was typed."""

import datetime

import pytest
from django.urls import reverse

from common.forms import COMMENT_LIMIT, LONG_TEXT_LIMIT, TITLE_LIMIT
from governance import roles
from governance.meetings import services
from tests.governance.factories import BoardFactory, MinuteFactory, UserFactory
from tests.governance.meetings.editing import edit
from tests.governance.meetings.factories import arranged_meeting

pytestmark = pytest.mark.django_db
JANUARY = datetime.datetime(2023, 1, 11, 18, 0, tzinfo=datetime.UTC)


@pytest.fixture
def officer_client(client):
    client.force_login(UserFactory(roles=[roles.DEMOCRATIC_SERVICES]))
    return client


@pytest.fixture
def meeting():
    board = BoardFactory(name="Improvement Board", slug="improvement-board")
    return arranged_meeting(board, UserFactory(), starts_at=JANUARY)


def test_the_item_form_says_its_limits(officer_client, meeting):
    text = officer_client.get(reverse("agenda_item_add", args=[meeting.pk])).content.decode()

    assert f"You can enter up to {TITLE_LIMIT} characters" in text
    assert f"You can enter up to {COMMENT_LIMIT} characters" in text
    assert " maxlength=" not in text  # no browser cut-off of pasted text


@pytest.mark.parametrize(
    ("field", "limit", "message"),
    [
        ("title", TITLE_LIMIT, "The title must be 250 characters or fewer"),
        ("description", COMMENT_LIMIT, "The description must be 5,000 characters or fewer"),
        ("presenters", 500, "Presented by must be 500 characters or fewer"),
    ],
)
def test_an_item_over_its_limit_is_refused_and_keeps_the_text(
    officer_client, meeting, field, limit, message
):
    typed = "y" * (limit + 1)
    data = {"title": "Scorecard", field: typed}

    response = officer_client.post(reverse("agenda_item_add", args=[meeting.pk]), data)

    text = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in text
    assert message in text
    assert typed in text  # nothing the person typed is lost
    assert not meeting.agenda_items.filter(title="Scorecard").exists()


def test_a_changed_item_over_its_limit_is_refused(officer_client, meeting):
    item = services.agenda_item_add(meeting=meeting, title="Scorecard", user=None)
    url = reverse("agenda_item_update", args=[item.pk])

    response = edit(officer_client, url, {"title": "z" * (TITLE_LIMIT + 1)})

    assert "The title must be 250 characters or fewer" in response.content.decode()
    item.refresh_from_db()
    assert item.title == "Scorecard"


def test_a_minute_over_its_limit_is_refused_and_keeps_the_text(officer_client, meeting):
    minute = MinuteFactory(meeting=meeting, number=18, title="Fostering")
    url = reverse("minute_update", args=[minute.pk])
    typed = "m" * (LONG_TEXT_LIMIT + 1)

    response = edit(officer_client, url, {"title": "Fostering", "text": typed})

    text = response.content.decode()
    assert "The minute must be 20,000 characters or fewer" in text
    assert typed in text
    assert f"You can enter up to {LONG_TEXT_LIMIT} characters" in text


def test_a_declaration_over_its_limit_is_refused(officer_client, meeting):
    item = meeting.agenda_items.first()
    person = UserFactory()
    data = {"agenda_item": item.pk, "person": person.pk, "kind": "pecuniary",
            "interest": "i" * (COMMENT_LIMIT + 1)}  # fmt: skip

    response = officer_client.post(reverse("meeting_declarations", args=[meeting.pk]), data)

    assert (
        "The nature of the interest must be 5,000 characters or fewer" in response.content.decode()
    )
    assert not item.declarations.exists()
