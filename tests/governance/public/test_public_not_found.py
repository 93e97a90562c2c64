"""Whatever is not public is a 404, never a 403, so nothing reveals what exists."""

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import Meeting, Pack
from tests.governance.factories import (
    AgendaItemFactory,
    BoardFactory,
    MeetingFactory,
    PackFactory,
    PaperFactory,
)
from tests.governance.public.conftest import pdf_file, public_meeting

pytestmark = pytest.mark.django_db


def assert_not_found(client, url):
    response = client.get(url)
    assert response.status_code == 404, url
    assert "Page not found" in response.content.decode()


def test_an_exempt_items_paper_is_not_found(client, meeting):
    assert_not_found(
        client, reverse("public_paper_download", args=[meeting.items_made["exempt_paper"].pk])
    )


def test_a_generated_report_is_only_in_the_public_pack(client, meeting):
    assert_not_found(
        client, reverse("public_paper_download", args=[meeting.items_made["generated"].pk])
    )


def test_the_full_pack_is_not_found(client, meeting):
    assert_not_found(client, reverse("public_pack_download", args=[meeting.packs_made["full"].pk]))


def test_an_older_public_pack_is_not_found(client, meeting):
    assert_not_found(client, reverse("public_pack_download", args=[meeting.packs_made["older"].pk]))


def test_an_unpublished_or_unbuilt_public_pack_is_not_found(client, meeting):
    unpublished = PackFactory(
        meeting=meeting,
        audience=Pack.Audience.PUBLIC,
        version=3,
        state=Pack.State.BUILT,
        file=pdf_file("draft.pdf"),
    )
    failed = PackFactory(
        meeting=meeting,
        audience=Pack.Audience.PUBLIC,
        version=4,
        state=Pack.State.FAILED,
        published_at=timezone.now(),
    )
    for pack in (unpublished, failed):
        assert_not_found(client, reverse("public_pack_download", args=[pack.pk]))
    # Neither hides the newest pack that is built and published.
    response = client.get(reverse("public_pack_download", args=[meeting.packs_made["public"].pk]))
    assert response.status_code == 200


def test_unpublished_minutes_are_not_found(client, board):
    held = public_meeting(board, status=Meeting.Status.HELD)
    assert_not_found(client, reverse("public_minutes", args=[held.pk]))


def test_a_private_boards_pages_meetings_papers_and_packs_are_not_found(client, meeting):
    meeting.board.is_public = False
    meeting.board.save()
    slug = meeting.board.slug
    for url in (
        reverse("public_board_detail", args=[slug]),
        reverse("board_ical", args=[slug]),
        reverse("public_meeting_detail", args=[meeting.pk]),
        reverse("public_minutes", args=[meeting.pk]),
        reverse("public_paper_download", args=[meeting.items_made["paper"].pk]),
        reverse("public_pack_download", args=[meeting.packs_made["public"].pk]),
    ):
        assert_not_found(client, url)


def test_a_meeting_without_a_published_agenda_is_not_found(client, board):
    scheduled = MeetingFactory(board=board, status=Meeting.Status.SCHEDULED)
    cancelled = MeetingFactory(board=board, status=Meeting.Status.CANCELLED)
    paper = PaperFactory(agenda_item=AgendaItemFactory(meeting=scheduled), file=pdf_file())
    for meeting in (scheduled, cancelled):
        assert_not_found(client, reverse("public_meeting_detail", args=[meeting.pk]))
        assert_not_found(client, reverse("public_minutes", args=[meeting.pk]))
    assert_not_found(client, reverse("public_paper_download", args=[paper.pk]))


def test_an_unknown_board_or_meeting_is_not_found(client, db):
    BoardFactory(slug="hidden", is_public=False)
    assert_not_found(client, reverse("public_board_detail", args=["no-such-board"]))
    assert_not_found(client, reverse("public_board_detail", args=["hidden"]))
    assert_not_found(client, reverse("public_meeting_detail", args=[999999]))


def test_a_paper_missing_from_storage_is_not_found(client, meeting, media):
    paper = meeting.items_made["paper"]
    (media / paper.file.name).unlink()
    assert_not_found(client, reverse("public_paper_download", args=[paper.pk]))
