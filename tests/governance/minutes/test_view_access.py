"""Who may open each page of the record: every role signed in reads; democratic services
and administrators record; an action's owner reports its progress; the rest get 403 and
people signed out are sent to sign in."""

import pytest
from django.urls import reverse

from governance import roles
from governance.models import ActionArising, Meeting, Minute
from tests.governance.factories import (
    ActionArisingFactory,
    AgendaItemFactory,
    DeclarationFactory,
    MinuteFactory,
    UserFactory,
    WorkProgrammeItemFactory,
)
from tests.governance.meetings.editing import edit

pytestmark = pytest.mark.django_db

EVERYONE = set(roles.ALL_ROLES)
RECORDERS = {roles.ADMINISTRATOR, roles.DEMOCRATIC_SERVICES}

# name: (who may, the object its URL names)
PAGES = {
    "meeting_minutes": (EVERYONE, "meeting"),
    "meeting_agenda_docx": (EVERYONE, "meeting"),
    "meeting_minutes_docx": (EVERYONE, "meeting"),
    "board_action_log": (EVERYONE, "board"),
    "board_attendance": (EVERYONE, "board"),
    "board_work_programme": (EVERYONE, "board"),
    "meeting_attendance": (RECORDERS, "meeting"),
    "meeting_declarations": (RECORDERS, "meeting"),
    "meeting_times": (RECORDERS, "meeting"),
    "minute_add": (RECORDERS, "meeting"),
    "minute_update": (RECORDERS, "minute"),
    "action_arising_add": (RECORDERS, "minute"),
    "action_arising_update": (RECORDERS, "action"),
    "work_programme_item_add": (RECORDERS, "board"),
    "work_programme_item_update": (RECORDERS, "item"),
}
BUTTONS = {
    "minutes_from_agenda": "meeting",
    "minutes_publish": "meeting",
    "minutes_approve": "meeting",
    "declaration_delete": "declaration",
}


@pytest.fixture
def things(november, january):
    item = AgendaItemFactory(meeting=november, order=1)
    minute = MinuteFactory(meeting=november, agenda_item=item)
    return {
        "meeting": november,
        "board": november.board,
        "minute": minute,
        "action": ActionArisingFactory(minute=minute),
        "item": WorkProgrammeItemFactory(board=november.board),
        "declaration": DeclarationFactory(agenda_item=item),
        "january": january,
    }


def url(name: str, kind: str, things) -> str:
    target = things[kind]
    return reverse(name, args=[target.slug if kind == "board" else target.pk])


@pytest.mark.parametrize("name", PAGES)
def test_every_role(client, user_with_role, any_role, things, name):
    allowed, kind = PAGES[name]
    client.force_login(user_with_role(any_role))

    response = client.get(url(name, kind, things))

    assert response.status_code == (200 if any_role in allowed else 403)


@pytest.mark.parametrize("name", BUTTONS)
def test_every_role_pressing_a_button(client, user_with_role, any_role, things, name):
    client.force_login(user_with_role(any_role))

    response = client.post(url(name, BUTTONS[name], things), {"at_meeting": things["january"].pk})

    assert response.status_code == (302 if any_role in RECORDERS else 403)
    if any_role not in RECORDERS:
        assert Minute.objects.count() == 1
        assert Meeting.objects.filter(minutes_published_at__isnull=False).count() == 0


@pytest.mark.parametrize("name", [*PAGES, *BUTTONS])
def test_people_signed_out_are_sent_to_sign_in(client, things, name):
    kind = PAGES[name][1] if name in PAGES else BUTTONS[name]

    response = client.get(url(name, kind, things))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("role", roles.ALL_ROLES)
def test_the_owner_of_an_action_may_report_its_progress(client, user_with_role, things, role):
    owner = user_with_role(role)
    action = ActionArisingFactory(minute=things["minute"], owner=owner)
    client.force_login(owner)
    page = reverse("action_arising_update", args=[action.pk])

    assert client.get(page).status_code == 200
    response = edit(client, page, {"status": "open", "progress": "Drafted"})

    assert response.status_code == 302
    action.refresh_from_db()
    assert action.progress == "Drafted"


def test_others_may_not_report_progress_on_an_action(client, user_with_role, things):
    action = things["action"]
    client.force_login(user_with_role(roles.BOARD_MEMBER))
    page = reverse("action_arising_update", args=[action.pk])

    assert client.get(page).status_code == 403
    assert client.post(page, {"status": "done", "progress": "x"}).status_code == 403
    action.refresh_from_db()
    assert action.status == ActionArising.Status.OPEN


def test_missing_things_are_not_found(client, things):
    client.force_login(UserFactory(roles=[roles.DEMOCRATIC_SERVICES]))

    for name, (_, kind) in PAGES.items():
        args = ["no-such-board"] if kind == "board" else [99999]
        assert client.get(reverse(name, args=args)).status_code == 404, name
    for name in BUTTONS:
        assert client.post(reverse(name, args=[99999])).status_code == 404, name


def test_buttons_only_take_posts(client, things):
    client.force_login(UserFactory(roles=[roles.DEMOCRATIC_SERVICES]))

    for name, kind in BUTTONS.items():
        assert client.get(url(name, kind, things)).status_code == 405, name
