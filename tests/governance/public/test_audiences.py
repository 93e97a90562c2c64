"""Finding 2 of issue 11: one rule decides what each reader may see of a meeting's
exempt business, on every page and document. A board member, democratic services and
an administrator read everything; staff who do not sit on the board (the Director
included), viewers and the public see an exempt item's number and title only: never
its description, presenters or papers, its minute's own title or text, or the interest
declared on it. Every exempt text in the fixture is a SECRET_ marker."""

import io

import pytest
from django.urls import reverse
from docx import Document

from governance import roles
from governance.models import AgendaItem
from tests.governance.factories import (
    ActionArisingFactory,
    AgendaItemFactory,
    MembershipFactory,
    MinuteFactory,
    UserFactory,
)
from tests.governance.public.conftest import SECRETS

FULL = "full"
OPEN = "open"
AUDIENCES = {
    "board member": FULL,
    "democratic services": FULL,
    "administrator": FULL,
    "director, not on the board": OPEN,
    "lead officer, not on the board": OPEN,
    "viewer": OPEN,
}
STAFF_PAGES = ["meeting_detail", "meeting_minutes"]
STAFF_DOCUMENTS = ["meeting_minutes_docx", "meeting_agenda_docx"]
# What each page or document must show a reader of the full papers.
FULL_SHOWS = {
    "meeting_detail": ["SECRET_ITEM_DESCRIPTION", "SECRET_PRESENTERS", "SECRET_PAPER_TITLE"],
    "meeting_minutes": [
        "SECRET_MINUTE_TITLE", "SECRET_MINUTE_TEXT", "SECRET_MINUTE_RESOLVED", "SECRET_INTEREST",
    ],
    "meeting_minutes_docx": ["SECRET_MINUTE_TITLE", "SECRET_MINUTE_TEXT"],
    "meeting_agenda_docx": ["SECRET_ITEM_DESCRIPTION"],
}  # fmt: skip


def reader(audience: str, board):
    if audience == "board member":
        person = UserFactory(roles=[roles.BOARD_MEMBER])
        MembershipFactory(board=board, person=person)
        return person
    if audience == "administrator":
        return UserFactory(roles=[roles.ADMINISTRATOR])
    role = {
        "democratic services": roles.DEMOCRATIC_SERVICES,
        "director, not on the board": roles.DIRECTOR,
        "lead officer, not on the board": roles.LEAD_OFFICER,
        "viewer": roles.VIEWER,
    }[audience]
    return UserFactory(roles=[role])


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def read(client, name: str, meeting) -> str:
    response = client.get(reverse(name, args=[meeting.pk]))
    assert response.status_code == 200, (name, response.status_code)
    if name.endswith("_docx"):
        return docx_text(response.content)
    return response.content.decode()


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("name", STAFF_PAGES + STAFF_DOCUMENTS)
def test_each_reader_sees_exempt_business_by_the_one_rule(client, meeting, audience, name):
    client.force_login(reader(audience, meeting.board))

    text = read(client, name, meeting)

    if AUDIENCES[audience] == FULL:
        for secret in FULL_SHOWS[name]:
            assert secret in text, (audience, name, secret)
    else:
        assert [secret for secret in SECRETS if secret in text] == [], (audience, name)
        # They still see the exempt item's number and published title.
        assert "placement of a named child" in text.lower()


@pytest.mark.parametrize("name", STAFF_PAGES + STAFF_DOCUMENTS)
def test_the_public_are_sent_to_sign_in_for_staff_pages(client, meeting, name):
    response = client.get(reverse(name, args=[meeting.pk]))
    assert response.status_code == 302
    assert "sign" in response.url or "login" in response.url


@pytest.mark.parametrize("name", ["public_meeting_detail", "public_minutes"])
def test_the_public_pages_show_no_exempt_business(client, meeting, name):
    text = read(client, name, meeting)

    assert "Placement of a named child" in text
    assert [secret for secret in SECRETS if secret in text] == []


def test_the_non_member_minutes_page_says_what_is_withheld(client, meeting):
    client.force_login(UserFactory(roles=[roles.LEAD_OFFICER]))

    text = read(client, "meeting_minutes", meeting)

    assert "19. Placement of a named child" in text
    assert "Exempt under paragraph 1 of Part 1 of Schedule 12A" in text
    assert "A relative works in the service." in text  # a public item's interest is shown


@pytest.mark.parametrize(("audience", "shown"), [("board member", True), ("viewer", False)])
def test_the_minutes_docx_declarations_minute_follows_the_rule(client, meeting, audience, shown):
    item = AgendaItemFactory(
        meeting=meeting, order=2, title="Declarations of interest",
        standard=AgendaItem.Standard.DECLARATIONS,
    )  # fmt: skip
    MinuteFactory(meeting=meeting, agenda_item=item, number=17, title="Declarations of interest")
    client.force_login(reader(audience, meeting.board))

    text = read(client, "meeting_minutes_docx", meeting)

    assert "A relative works in the service." in text
    assert ("SECRET_INTEREST" in text) is shown


def test_the_owner_off_the_board_sees_the_exempt_minute_by_its_items_title(client, meeting):
    owner = UserFactory(roles=[roles.LEAD_OFFICER])
    minute = meeting.minutes.get(number=19)
    action = ActionArisingFactory(minute=minute, owner=owner, description="Report back")
    client.force_login(owner)

    text = client.get(reverse("action_arising_update", args=[action.pk])).content.decode()

    assert "Minute 19. Placement of a named child" in text
    assert "SECRET_MINUTE_TITLE" not in text
