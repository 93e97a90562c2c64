"""The pack pages, per role: build, detail (building, built, failed), status, download,
publish; and the packs panel for the meeting page."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance import roles
from governance.models import Pack
from governance.packs.selectors import packs_panel
from tests.governance.factories import MembershipFactory, PackFactory, UserFactory
from tests.governance.packs.conftest import make_pdf

BUILDERS = {roles.ADMINISTRATOR, roles.DEMOCRATIC_SERVICES}
ITEM_PAGES = [
    {"item_id": 1, "number": 3, "title": "Minutes", "first": 1, "last": 4},
    {"item_id": 2, "number": 4, "title": "Children missing", "first": 5, "last": 14},
    {"item_id": 3, "number": 7, "title": "Contract", "exempt_omitted": True, "paragraph": 3},
]


def built(meeting, audience=Pack.Audience.FULL, version=1, **kwargs) -> Pack:
    return PackFactory(
        meeting=meeting, audience=audience, version=version, state=Pack.State.BUILT,
        file=ContentFile(make_pdf(2), name=f"pack-{audience}-{version}.pdf"),
        page_count=17, item_pages=ITEM_PAGES, **kwargs,
    )  # fmt: skip


@pytest.fixture
def full_pack(meeting):
    return built(meeting)


@pytest.fixture
def public_pack(meeting):
    return built(meeting, Pack.Audience.PUBLIC)


def test_building_per_role(
    client, user_with_role, any_role, meeting, django_capture_on_commit_callbacks
):
    client.force_login(user_with_role(any_role))
    url = reverse("pack_build", kwargs={"pk": meeting.pk})
    with django_capture_on_commit_callbacks():
        response = client.post(url, {"audience": "public"})

    if any_role in BUILDERS:
        pack = Pack.objects.get()
        assert response.status_code == 302
        assert response.url == reverse("pack_detail", kwargs={"pk": pack.pk})
    else:
        assert response.status_code == 403
        assert not Pack.objects.exists()


def test_building_needs_a_post(client, user_with_role, meeting):
    client.force_login(user_with_role(roles.DEMOCRATIC_SERVICES))

    assert client.get(reverse("pack_build", kwargs={"pk": meeting.pk})).status_code == 405


def test_building_an_unknown_audience_says_what_to_choose(client, user_with_role, meeting):
    client.force_login(user_with_role(roles.DEMOCRATIC_SERVICES))
    url = reverse("pack_build", kwargs={"pk": meeting.pk})
    response = client.post(url, {"audience": "press"}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("meeting_detail", kwargs={"pk": meeting.pk})
    assert "Choose whether to build the full pack or the public pack" in response.content.decode()


@pytest.mark.parametrize("name", ["pack_detail", "pack_status", "pack_download"])
def test_a_full_pack_is_for_those_who_may_read_full_papers(
    client, user_with_role, any_role, full_pack, name
):
    client.force_login(user_with_role(any_role))
    response = client.get(reverse(name, kwargs={"pk": full_pack.pk}))

    assert response.status_code == (200 if any_role in BUILDERS else 403)


@pytest.mark.parametrize("name", ["pack_detail", "pack_status", "pack_download"])
def test_a_public_pack_is_for_every_member_of_staff(
    client, user_with_role, any_role, public_pack, name
):
    client.force_login(user_with_role(any_role))

    assert client.get(reverse(name, kwargs={"pk": public_pack.pk})).status_code == 200


def test_a_board_member_reads_the_full_pack_but_may_not_build(client, board, full_pack):
    member = UserFactory(roles=[roles.BOARD_MEMBER])
    MembershipFactory(board=board, person=member)
    client.force_login(member)

    assert client.get(reverse("pack_download", kwargs={"pk": full_pack.pk})).status_code == 200
    page = client.get(reverse("pack_detail", kwargs={"pk": full_pack.pk})).content.decode()
    assert "Publish version" not in page
    publish = reverse("pack_publish", kwargs={"pk": full_pack.pk})
    assert client.post(publish).status_code == 403


def test_signed_out_people_are_sent_to_sign_in(client, full_pack):
    for name in ("pack_detail", "pack_status", "pack_download"):
        response = client.get(reverse(name, kwargs={"pk": full_pack.pk}))
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_publishing_per_role(client, user_with_role, any_role, public_pack):
    client.force_login(user_with_role(any_role))
    response = client.post(reverse("pack_publish", kwargs={"pk": public_pack.pk}))

    public_pack.refresh_from_db()
    if any_role in BUILDERS:
        assert response.status_code == 302
        assert public_pack.published_at is not None
    else:
        assert response.status_code == 403
        assert public_pack.published_at is None


def test_publishing_an_unbuilt_pack_says_why(client, user_with_role, meeting):
    pack = PackFactory(meeting=meeting, state=Pack.State.FAILED)
    client.force_login(user_with_role(roles.DEMOCRATIC_SERVICES))
    url = reverse("pack_publish", kwargs={"pk": pack.pk})
    page = client.post(url, follow=True).content.decode()

    assert "cannot be published because it is not built" in page


def test_the_download_is_the_pdf_named_after_the_meeting(client, user_with_role, public_pack):
    client.force_login(user_with_role(roles.VIEWER))
    response = client.get(reverse("pack_download", kwargs={"pk": public_pack.pk}))

    assert response["Content-Type"] == "application/pdf"
    assert 'filename="scrutiny-panel-2023-01-11-public-v1.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_an_unbuilt_pack_has_nothing_to_download(client, user_with_role, meeting):
    pack = PackFactory(meeting=meeting, audience="public", state=Pack.State.BUILDING)
    client.force_login(user_with_role(roles.VIEWER))

    assert client.get(reverse("pack_download", kwargs={"pk": pack.pk})).status_code == 404


def test_while_building_the_page_shows_progress_without_a_meta_refresh(
    client, user_with_role, meeting
):
    pack = PackFactory(
        meeting=meeting, audience="public", state="building", progress=40,
        step="Rendering item 5 (2 of 4 with papers)",
    )  # fmt: skip
    client.force_login(user_with_role(roles.VIEWER))
    page = client.get(reverse("pack_detail", kwargs={"pk": pack.pk})).content.decode()

    assert '<progress id="pack-progress"' in page
    assert 'value="40"' in page
    assert 'aria-live="polite">Rendering item 5 (2 of 4 with papers) (40% done)' in page
    assert "Refresh to see progress" in page
    assert reverse("pack_status", kwargs={"pk": pack.pk}) in page
    assert 'http-equiv="refresh"' not in page


def test_the_status_is_json_with_progress_in_words(client, user_with_role, meeting):
    pack = PackFactory(meeting=meeting, audience="public", state="building", progress=40, step="x")
    client.force_login(user_with_role(roles.VIEWER))
    response = client.get(reverse("pack_status", kwargs={"pk": pack.pk}))

    assert response.json() == {
        "state": "building", "state_words": "Building", "progress": 40, "step": "x",
        "error": "", "finished": False,
    }  # fmt: skip
    assert response["Cache-Control"] == "no-store"


def test_a_built_pack_shows_its_pages_download_and_publish(client, user_with_role, full_pack):
    client.force_login(user_with_role(roles.DEMOCRATIC_SERVICES))
    page = client.get(reverse("pack_detail", kwargs={"pk": full_pack.pk})).content.decode()

    assert "<progress" not in page
    assert ">17<" in page
    assert "5 to 14" in page
    assert "Not for publication: exempt under paragraph 3" in page
    assert reverse("pack_download", kwargs={"pk": full_pack.pk}) in page
    assert "Publish version 1" in page


def test_a_failed_pack_shows_why_and_offers_a_rebuild(client, user_with_role, meeting):
    pack = PackFactory(meeting=meeting, state="failed", error="The uploaded paper is broken.")
    client.force_login(user_with_role(roles.DEMOCRATIC_SERVICES))
    page = client.get(reverse("pack_detail", kwargs={"pk": pack.pk})).content.decode()

    assert "This version could not be built. The uploaded paper is broken." in page
    assert "Build the pack again" in page


def test_an_older_built_version_is_marked_superseded(client, user_with_role, meeting):
    old, new = built(meeting, version=1), built(meeting, version=2)
    client.force_login(user_with_role(roles.DEMOCRATIC_SERVICES))
    page = client.get(reverse("pack_detail", kwargs={"pk": old.pk})).content.decode()

    assert "Superseded by" in page
    assert reverse("pack_detail", kwargs={"pk": new.pk}) in page


def panel_html(meeting, user) -> str:
    request = RequestFactory().get("/")
    request.user = user
    panel = packs_panel(meeting=meeting, user=user)
    return render_to_string(
        "governance/packs/includes/meeting_packs.html", {"panel": panel}, request=request
    )


def test_the_panel_lists_versions_newest_first_with_superseded_ones(meeting, user_with_role):
    built(meeting, version=1)
    built(meeting, version=2)
    PackFactory(meeting=meeting, audience="full", version=3, state="building")
    panel = packs_panel(meeting=meeting, user=user_with_role(roles.DEMOCRATIC_SERVICES))

    full = panel["groups"][0]
    assert [(r.pack.version, r.state_words) for r in full.rows] == [
        (3, "Building"), (2, "Built"), (1, "Superseded"),
    ]  # fmt: skip
    assert panel["may_build"] is True


def test_the_panel_shows_only_what_the_person_may_see(meeting, user_with_role):
    built(meeting)
    built(meeting, Pack.Audience.PUBLIC)
    viewer = user_with_role(roles.VIEWER)
    panel = packs_panel(meeting=meeting, user=viewer)
    html = panel_html(meeting, viewer)

    assert [group.audience for group in panel["groups"]] == ["public"]
    assert panel["may_build"] is False
    assert "Build the" not in html
    assert "Version 1" in html


def test_the_panel_offers_builders_both_packs(meeting, user_with_role):
    html = panel_html(meeting, user_with_role(roles.DEMOCRATIC_SERVICES))

    assert "Build the full pack" in html
    assert "Build the public pack" in html
    assert "No full pack, with exempt items has been built yet." in html


@pytest.mark.parametrize("role", [roles.DEMOCRATIC_SERVICES, roles.BOARD_MEMBER])
def test_the_panel_reads_a_fixed_number_of_queries(meeting, user_with_role, role):
    user = user_with_role(role)
    built(meeting, version=1)
    counts = []
    for total in (1, 10):
        for version in range(Pack.objects.count() + 1, total + 1):
            built(meeting, version=version)
        user = type(user).objects.get(pk=user.pk)
        with CaptureQueriesContext(connection) as queries:
            panel_html(meeting, user)
        counts.append(len(queries))

    assert counts[0] == counts[1]
