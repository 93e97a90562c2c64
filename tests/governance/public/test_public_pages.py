"""The public pages work signed out and say what the public may read: published agendas,
papers, the public pack and minutes, and never an exempt item's text."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import Meeting, Membership
from governance.public.selectors import pack_pages_in_words
from tests.governance.factories import BoardFactory, MembershipFactory, UserFactory
from tests.governance.public.conftest import SECRETS, public_meeting

pytestmark = pytest.mark.django_db


def urls(meeting) -> list[str]:
    """Every public page and feed about the meeting and its board."""
    items = meeting.items_made
    return [
        reverse("public_board_list"),
        reverse("public_board_detail", args=[meeting.board.slug]),
        reverse("board_ical", args=[meeting.board.slug]),
        reverse("public_meeting_detail", args=[meeting.pk]),
        reverse("public_minutes", args=[meeting.pk]),
        reverse("public_paper_download", args=[items["paper"].pk]),
        reverse("public_pack_download", args=[meeting.packs_made["public"].pk]),
    ]


def test_every_public_page_works_signed_out(client, meeting):
    for url in urls(meeting):
        response = client.get(url)
        assert response.status_code == 200, url


def test_signed_in_staff_read_the_same_pages(client, meeting):
    client.force_login(UserFactory())
    for url in urls(meeting):
        assert client.get(url).status_code == 200, url


def test_no_exempt_text_appears_on_any_page_or_the_feed(client, meeting):
    for url in urls(meeting)[:5]:
        text = client.get(url).content.decode()
        for secret in SECRETS:
            assert secret not in text, (secret, url)


def test_the_board_list_shows_each_public_board_with_its_next_meeting(client, meeting):
    soon = timezone.now() + datetime.timedelta(days=14)
    public_meeting(meeting.board, starts_at=soon, place="Town Hall")
    BoardFactory(name="Private Corporate Board", is_public=False)

    text = client.get(reverse("public_board_list")).content.decode()

    assert "Children&#x27;s Services Scrutiny Panel" in text
    assert "Next meeting: " in text
    assert "Town Hall" in text
    assert "Private Corporate Board" not in text


def test_the_board_page_lists_members_meetings_and_the_calendar(client, meeting):
    MembershipFactory(
        board=meeting.board,
        person=UserFactory(full_name="Left Last Year"),
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2021, 1, 1),
    )
    upcoming = public_meeting(
        meeting.board,
        starts_at=timezone.now() + datetime.timedelta(days=7),
        status=Meeting.Status.SCHEDULED,
        agenda_published_at=None,
        place="Council Chamber",
    )

    response = client.get(reverse("public_board_detail", args=[meeting.board.slug]))
    text = response.content.decode()

    assert "To scrutinise the improvement of children&#x27;s services." in text
    assert "Tafheen Sharif" in text
    assert "Chair" in text
    assert "Tameside Council" in text
    assert "Left Last Year" not in text
    assert reverse("public_meeting_detail", args=[meeting.pk]) in text
    assert "Council Chamber" in text
    assert "Agenda not yet published" in text
    assert reverse("public_meeting_detail", args=[upcoming.pk]) not in text
    assert "Subscribe to this board's meetings calendar" in text
    assert reverse("board_ical", args=[meeting.board.slug]) in text


def test_the_meeting_page_shows_the_agenda_papers_pack_and_minutes_link(client, meeting):
    response = client.get(reverse("public_meeting_detail", args=[meeting.pk]))
    text = response.content.decode()

    for shown in ("Wednesday", "11 January 2023", "6pm", "Committee Room 1 - Tameside One"):
        assert shown in text
    assert "Draft minutes published" in text
    assert "4. Children missing from home and care" in text
    assert "The Panel to receive an update on partnership arrangements." in text
    assert reverse("public_paper_download", args=[meeting.items_made["paper"].pk]) in text
    assert "Missing children report (PDF, 10 pages)" in text
    assert "9. Placement of a named child" in text
    assert (
        "Not for publication: exempt under paragraph 1 of Schedule 12A "
        "to the Local Government Act 1972"
    ) in text
    assert reverse("public_pack_download", args=[meeting.packs_made["public"].pk]) in text
    assert "76 pages" in text
    assert "Pages 3 to 12 of the agenda pack" in text
    assert reverse("public_pack_download", args=[meeting.packs_made["older"].pk]) not in text
    assert reverse("public_pack_download", args=[meeting.packs_made["full"].pk]) not in text
    assert reverse("public_paper_download", args=[meeting.items_made["generated"].pk]) not in text
    assert reverse("public_minutes", args=[meeting.pk]) in text


def test_a_cancelled_meeting_whose_agenda_was_published_shows_as_cancelled(client, board):
    cancelled = public_meeting(board, status=Meeting.Status.CANCELLED)

    text = client.get(reverse("public_meeting_detail", args=[cancelled.pk])).content.decode()

    assert "This meeting has been cancelled." in text
    assert ">Cancelled<" in text


def test_draft_minutes_say_so(client, meeting):
    text = client.get(reverse("public_minutes", args=[meeting.pk])).content.decode()

    assert "Draft: to be approved at the next meeting" in text
    assert "Tafheen Sharif (Chair), Tameside Council" in text
    assert "Jan Homer" in text
    assert "Dee Puty, for Tom Smith" in text
    assert "A relative works in the service." in text
    assert "18. Children missing from home and care" in text
    assert "The Panel welcomed the Director." in text
    assert "That the update be noted." in text
    assert "19. Placement of a named child" in text
    assert (
        "Exempt under paragraph 1 of Schedule 12A to the Local Government Act 1972: not published"
    ) in text


def test_approved_minutes_say_when(client, meeting):
    approving = public_meeting(
        meeting.board, starts_at=datetime.datetime(2023, 3, 8, 18, 0, tzinfo=datetime.UTC)
    )
    meeting.minutes_approved_at = approving
    meeting.status = Meeting.Status.MINUTES_APPROVED
    meeting.save()

    text = client.get(reverse("public_minutes", args=[meeting.pk])).content.decode()

    assert "Approved as a correct record on 8 March 2023" in text
    assert "Draft:" not in text


def test_only_current_members_are_listed_chair_first(client, board):
    MembershipFactory(board=board, person=UserFactory(full_name="Aaron Member"))
    MembershipFactory(
        board=board, person=UserFactory(full_name="Vic Chair"), role=Membership.Role.VICE_CHAIR
    )

    text = client.get(reverse("public_board_detail", args=[board.slug])).content.decode()

    assert text.index("Tafheen Sharif") < text.index("Vic Chair") < text.index("Aaron Member")


def test_a_meeting_is_public_once_agenda_published_at_is_set_whatever_its_status(client, board):
    published = public_meeting(board, status=Meeting.Status.SCHEDULED)

    response = client.get(reverse("public_meeting_detail", args=[published.pk]))

    assert response.status_code == 200
    assert "Agenda published" in response.content.decode()


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ({"number": 3, "first": 1, "last": 4}, {3: "Pages 1 to 4"}),
        ({"number": 5, "first": 15, "last": 15}, {5: "Page 15"}),
        ({"number": 7, "exempt_omitted": True, "paragraph": 3}, {}),
    ],
)
def test_where_an_item_is_in_the_pack_in_words(entry, expected):
    assert pack_pages_in_words([entry]) == expected
