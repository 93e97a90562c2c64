"""Who may open each page and press each button: every role, and people signed out.

Everyone signed in reads boards, meetings and the papers of items that are not exempt;
only democratic services officers and administrators change anything.
"""

import datetime

import pytest
from django.urls import reverse

from governance import roles
from governance.models import AgendaItem, Meeting, Paper
from tests.governance.factories import (
    AgendaItemFactory,
    BoardFactory,
    MeetingFactory,
    MembershipFactory,
    PaperFactory,
    UserFactory,
)
from tests.governance.meetings.factories import pdf_upload

pytestmark = pytest.mark.django_db

EVERYONE = set(roles.ALL_ROLES)
MANAGERS = {roles.ADMINISTRATOR, roles.DEMOCRATIC_SERVICES}
PAST = datetime.datetime(2023, 1, 11, 18, 0, tzinfo=datetime.UTC)


@pytest.fixture
def things():
    board = BoardFactory(slug="improvement-board")
    membership = MembershipFactory(board=board)
    meeting = MeetingFactory(board=board, starts_at=PAST)
    item = AgendaItemFactory(meeting=meeting, order=1)
    AgendaItemFactory(meeting=meeting, order=2)
    paper = PaperFactory(agenda_item=item, file=pdf_upload(), page_count=1)
    PaperFactory(agenda_item=item, file=pdf_upload(), page_count=1)
    return {"board": board, "membership": membership, "meeting": meeting, "item": item,
            "paper": paper}  # fmt: skip


def urls(t) -> dict[str, tuple[str, set]]:
    """Each page a GET opens, and the roles that may open it."""
    slug, meeting, item, paper = t["board"].slug, t["meeting"].pk, t["item"].pk, t["paper"].pk
    return {
        "board_list": (reverse("board_list"), EVERYONE),
        "board_detail": (reverse("board_detail", args=[slug]), EVERYONE),
        "board_create": (reverse("board_create"), MANAGERS),
        "board_update": (reverse("board_update", args=[slug]), MANAGERS),
        "membership_add": (reverse("membership_add", args=[slug]), MANAGERS),
        "membership_update": (
            reverse("membership_update", args=[slug, t["membership"].pk]),
            MANAGERS,
        ),
        "meeting_list": (reverse("meeting_list"), EVERYONE),
        "meeting_create": (reverse("meeting_create") + f"?board={slug}", MANAGERS),
        "meeting_detail": (reverse("meeting_detail", args=[meeting]), EVERYONE),
        "meeting_update": (reverse("meeting_update", args=[meeting]), MANAGERS),
        "meeting_cancel": (reverse("meeting_cancel", args=[meeting]), MANAGERS),
        "agenda_item_add": (reverse("agenda_item_add", args=[meeting]), MANAGERS),
        "agenda_item_update": (reverse("agenda_item_update", args=[item]), MANAGERS),
        "agenda_item_delete": (reverse("agenda_item_delete", args=[item]), MANAGERS),
        "paper_add_upload": (reverse("paper_add_upload", args=[item]), MANAGERS),
        "paper_add_report": (reverse("paper_add_report", args=[item]), MANAGERS),
        "paper_delete": (reverse("paper_delete", args=[paper]), MANAGERS),
        "paper_download": (reverse("paper_download", args=[paper]), EVERYONE),
    }


PAGES = [
    "board_list", "board_detail", "board_create", "board_update", "membership_add",
    "membership_update", "meeting_list", "meeting_create", "meeting_detail", "meeting_update",
    "meeting_cancel", "agenda_item_add", "agenda_item_update", "agenda_item_delete",
    "paper_add_upload", "paper_add_report", "paper_delete", "paper_download",
]  # fmt: skip


@pytest.mark.parametrize("page", PAGES)
def test_every_role_opens_only_its_pages(client, things, any_role, page):
    url, allowed = urls(things)[page]
    client.force_login(UserFactory(roles=[any_role]))

    assert client.get(url).status_code == (200 if any_role in allowed else 403)


@pytest.mark.parametrize("page", PAGES)
def test_people_signed_out_are_sent_to_sign_in(client, things, page):
    url, _ = urls(things)[page]

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def buttons(t) -> dict[str, tuple[str, dict]]:
    """Each POST-only button, and what it sends."""
    return {
        "meeting_publish_agenda": (reverse("meeting_publish_agenda", args=[t["meeting"].pk]), {}),
        "meeting_mark_held": (reverse("meeting_mark_held", args=[t["meeting"].pk]), {}),
        "agenda_item_move": (
            reverse("agenda_item_move", args=[t["item"].pk]),
            {"direction": "down"},
        ),
        "paper_move": (reverse("paper_move", args=[t["paper"].pk]), {"direction": "down"}),
    }


BUTTONS = ["meeting_publish_agenda", "meeting_mark_held", "agenda_item_move", "paper_move"]


@pytest.mark.parametrize("button", BUTTONS)
def test_only_managers_press_the_buttons(client, things, any_role, button):
    url, data = buttons(things)[button]
    client.force_login(UserFactory(roles=[any_role]))

    response = client.post(url, data)

    assert response.status_code == (302 if any_role in MANAGERS else 403)
    changed = (
        Meeting.objects.get().status != Meeting.Status.SCHEDULED
        or AgendaItem.objects.get(pk=things["item"].pk).order != 1
        or Paper.objects.get(pk=things["paper"].pk).order != 1
    )
    assert changed == (any_role in MANAGERS)


@pytest.mark.parametrize("button", BUTTONS)
def test_buttons_do_not_answer_a_get(client, things, button):
    url, _ = buttons(things)[button]
    client.force_login(UserFactory(roles=[roles.DEMOCRATIC_SERVICES]))

    assert client.get(url).status_code == 405


@pytest.mark.parametrize(
    ("who", "status"),
    [("viewer", 403), ("director", 403), ("member", 200), ("former", 200), ("officer", 200)],
)
def test_an_exempt_papers_download_is_for_board_members_and_managers(client, things, who, status):
    item = things["item"]
    item.exempt_paragraph = 1
    item.save()
    person = {
        "viewer": lambda: UserFactory(roles=[roles.VIEWER]),
        "director": lambda: UserFactory(roles=[roles.DIRECTOR]),
        "member": lambda: things["membership"].person,
        "former": lambda: MembershipFactory(
            board=things["board"], start_date=datetime.date(2022, 5, 1),
            end_date=datetime.date(2023, 4, 30),
        ).person,  # sat on the board on the meeting's day
        "officer": lambda: UserFactory(roles=[roles.DEMOCRATIC_SERVICES]),
    }[who]()  # fmt: skip
    client.force_login(person)

    response = client.get(reverse("paper_download", args=[things["paper"].pk]))

    assert response.status_code == status


def test_unknown_objects_are_not_found(client, things):
    client.force_login(UserFactory(roles=[roles.DEMOCRATIC_SERVICES]))

    for url in [
        reverse("board_detail", args=["no-such-board"]),
        reverse("membership_update", args=["no-such-board", things["membership"].pk]),
        reverse("meeting_detail", args=[999]),
        reverse("agenda_item_update", args=[999]),
        reverse("paper_download", args=[999]),
    ]:
        assert client.get(url).status_code == 404, url
