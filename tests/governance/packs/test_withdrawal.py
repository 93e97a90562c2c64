"""Finding 1 of issue 11: an agenda item made exempt (Schedule 12A) after its public pack
was published. Exemption is enforced where a pack is made and where it is served: the
change withdraws at once every public pack that holds the item, the public meeting page
says a corrected pack is being prepared, a corrected build is started on commit, and the
withdrawn pack is never served again."""

import datetime

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from governance import roles
from governance.meetings import services as meeting_services
from governance.models import AgendaItem, Meeting, Minute, Pack, Paper
from governance.packs import services
from tests.governance.factories import MeetingFactory, PaperFactory, UserFactory
from tests.governance.packs.conftest import build, pack_bytes, page_texts

capture_on_commit = TestCase.captureOnCommitCallbacks
PUBLIC = Pack.Audience.PUBLIC


@pytest.fixture(autouse=True)
def builds_in_process(tasks_in_process):
    """The corrected build runs in this process when its task is started."""


def make_exempt(item: AgendaItem, *, paragraph: int = 1) -> None:
    """What democratic services do on the item's form: mark it exempt."""
    meeting_services.agenda_item_update(
        item=item, user=UserFactory(roles=[roles.DEMOCRATIC_SERVICES]), title=item.title,
        description=item.description, presenters=item.presenters, exempt_paragraph=paragraph,
    )  # fmt: skip


def joined(pack: Pack) -> str:
    return " ".join(" ".join(page_texts(pack_bytes(pack))).split())


def test_an_item_made_exempt_after_publishing_withdraws_the_public_pack(client, agenda, published):
    meeting, workforce = published.meeting, agenda[3]
    download = reverse("public_pack_download", args=[published.pk])
    page_url = reverse("public_meeting_detail", args=[meeting.pk])
    assert client.get(download).status_code == 200
    assert "Item 3 paper" in joined(published)
    assert workforce.pk in published.held_items

    with capture_on_commit() as started:
        make_exempt(workforce)

    published.refresh_from_db()
    assert published.withdrawn_at is not None
    assert "item 3, Workforce strategy, was made exempt" in published.withdrawn_reason
    corrected = Pack.objects.get(meeting=meeting, audience=PUBLIC, version=2)
    assert (corrected.state, corrected.publish_when_built) == (Pack.State.QUEUED, True)
    assert started, "the corrected build is started when the change commits"

    response = client.get(download)
    assert response.status_code == 410
    assert "This agenda pack has been withdrawn" in response.content.decode()
    page = client.get(page_url).content.decode()
    assert download not in page
    assert "a corrected pack is being prepared" in page
    item_three = page[page.index("3. Workforce strategy") :].split("</section>")[0]
    assert "Not for publication: exempt under paragraph 1" in item_three
    assert "of the agenda pack" not in item_three

    for start in started:
        start()

    corrected.refresh_from_db()
    assert corrected.state == Pack.State.BUILT
    assert corrected.published_at is not None
    text = joined(corrected)
    assert "Item 2 paper" in text
    assert "Item 3 paper" not in text
    assert "Item 3 is exempt" in text or "Not for publication" in text
    page = client.get(page_url).content.decode()
    assert reverse("public_pack_download", args=[corrected.pk]) in page
    assert "a corrected pack is being prepared" not in page


def test_staff_off_the_board_cannot_download_a_withdrawn_public_pack(client, agenda, published):
    make_exempt(agenda[3])
    download = reverse("pack_download", args=[published.pk])

    client.force_login(UserFactory(roles=[roles.LEAD_OFFICER]))
    assert client.get(download).status_code == 403
    client.force_login(UserFactory(roles=[roles.DEMOCRATIC_SERVICES]))
    assert client.get(download).status_code == 200


def test_a_pack_that_does_not_hold_the_item_stays(client, meeting, agenda, published):
    """An item added after the pack was built is not in it: the pack stays published."""
    late = AgendaItem.objects.create(meeting=meeting, order=5, title="Late item")

    make_exempt(late)

    published.refresh_from_db()
    assert published.withdrawn_at is None
    assert client.get(reverse("public_pack_download", args=[published.pk])).status_code == 200


def test_a_public_build_under_way_is_stopped_and_started_again(meeting, agenda):
    queued = services.pack_create(meeting=meeting, audience=PUBLIC, user=None)

    make_exempt(agenda[3])

    queued.refresh_from_db()
    assert queued.state == Pack.State.FAILED
    assert "made exempt while this pack was building" in queued.error
    assert Pack.objects.filter(meeting=meeting, audience=PUBLIC, state=Pack.State.QUEUED).exists()


def test_a_build_finishing_after_the_item_was_made_exempt_is_not_saved(meeting, agenda):
    """Where a pack is made: a public build holding an item exempt by the time it is
    saved fails instead of becoming a pack (the race with the change)."""
    pack = services.pack_create(meeting=meeting, audience=PUBLIC, user=None)
    original = services.assemble

    def assemble_then_exempt(*args, **kwargs):
        assembled = original(*args, **kwargs)
        AgendaItem.objects.filter(pk=agenda[3].pk).update(exempt_paragraph=1)
        return assembled

    services.assemble = assemble_then_exempt
    try:
        built = services.pack_build(pack_id=pack.pk)
    finally:
        services.assemble = original

    assert built.state == Pack.State.FAILED
    assert not built.file


def test_the_next_meetings_pack_showing_its_minute_is_withdrawn_too(client, meeting, agenda):
    """A later meeting's public pack holds the item through its previous minutes."""
    minute = Minute.objects.create(
        meeting=meeting, board=meeting.board, municipal_year="2022/23", number=4,
        agenda_item=agenda[3], title="Workforce strategy", text="SECRET workforce words",
    )  # fmt: skip
    march = MeetingFactory(
        board=meeting.board, starts_at=datetime.datetime(2023, 3, 8, 18, tzinfo=datetime.UTC),
        status=Meeting.Status.AGENDA_PUBLISHED, agenda_published_at=timezone.now(),
    )  # fmt: skip
    item = AgendaItem.objects.create(meeting=march, order=1, title="Minutes")
    PaperFactory(agenda_item=item, kind=Paper.Kind.PREVIOUS_MINUTES, title="Minutes", file="")
    march_pack = services.pack_publish(pack=build(march, PUBLIC), user=None)
    assert "SECRET workforce words" in joined(march_pack)
    assert minute.agenda_item_id in march_pack.held_items

    make_exempt(agenda[3])

    march_pack.refresh_from_db()
    assert march_pack.withdrawn_at is not None
    response = client.get(reverse("public_pack_download", args=[march_pack.pk]))
    assert response.status_code == 410


def test_a_pack_holding_an_item_made_exempt_elsewhere_is_not_served(client, agenda, published):
    """Where a pack is served: an item made exempt without the service (the admin, a
    script) still keeps the pack from the public, though nothing withdrew it."""
    AgendaItem.objects.filter(pk=agenda[3].pk).update(exempt_paragraph=1)

    download = reverse("public_pack_download", args=[published.pk])
    assert client.get(download).status_code == 410
    page = client.get(reverse("public_meeting_detail", args=[published.meeting_id]))
    assert download not in page.content.decode()
    assert "a corrected pack is being prepared" in page.content.decode()
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    assert client.get(reverse("pack_download", args=[published.pk])).status_code == 404


def test_a_pack_built_before_packs_recorded_their_items_is_judged_by_its_meeting(
    client, agenda, published
):
    """A pack from before held_items: it holds every item of its meeting it did not
    record as left out, so an item of the meeting made exempt keeps it from the public."""
    Pack.objects.filter(pk=published.pk).update(held_items=[])
    download = reverse("public_pack_download", args=[published.pk])
    assert client.get(download).status_code == 200  # item 4, left out as exempt, is fine

    AgendaItem.objects.filter(pk=agenda[2].pk).update(exempt_paragraph=2)

    assert client.get(download).status_code == 410
