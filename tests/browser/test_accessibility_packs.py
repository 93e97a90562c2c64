"""An agenda pack's page in a real browser: axe finds nothing while it builds (the
progress bar and the step in words, updated by polling) or once built (pages,
download and publish)."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from governance import roles
from governance.models import Pack
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import (
    BoardFactory,
    MeetingFactory,
    PackFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def officer():
    return UserFactory(roles=[roles.DEMOCRATIC_SERVICES], full_name="Dee Services")


@pytest.fixture
def meeting():
    board = BoardFactory(name="Children's Services Scrutiny Panel", slug="scrutiny-panel")
    return MeetingFactory(
        board=board,
        starts_at=datetime.datetime(2023, 1, 11, 18, 0, tzinfo=datetime.UTC),
        place="Committee Room 1 - Tameside One",
    )


def test_a_pack_building(page, officer, meeting):
    pack = PackFactory(
        meeting=meeting, audience=Pack.Audience.FULL, version=1, state=Pack.State.BUILDING,
        progress=40, step="Rendering item 5 (2 of 4 with papers)", requested_by=officer,
    )  # fmt: skip
    sign_in(page, officer.email)
    page.goto(reverse("pack_detail", kwargs={"pk": pack.pk}))

    assert page.get_by_role("heading", level=1).inner_text() == (
        "Full pack, with exempt items, version 1"
    )
    assert page.get_by_label("Progress of the build").get_attribute("value") == "40"
    assert "Rendering item 5" in page.locator("[aria-live=polite]").inner_text()
    assert page.get_by_role("link", name="Refresh to see progress").count() == 0
    assert_accessible(page)

    Pack.objects.filter(pk=pack.pk).update(progress=70, step="Rendering the front sheet")
    page.locator("#pack-step", has_text="front sheet").wait_for()  # no eval under the CSP
    assert page.get_by_label("Progress of the build").get_attribute("value") == "70"
    assert_accessible(page)


def test_a_pack_built(page, officer, meeting):
    pack = PackFactory(
        meeting=meeting, audience=Pack.Audience.PUBLIC, version=2, state=Pack.State.BUILT,
        progress=100, step="Built", page_count=17, requested_by=officer,
        file=ContentFile(PDF, name="pack.pdf"),
        item_pages=[
            {"item_id": 1, "number": 3, "title": "Minutes", "first": 1, "last": 4},
            {"item_id": 2, "number": 7, "title": "Contract", "exempt_omitted": True,
             "paragraph": 3},
        ],
    )  # fmt: skip
    sign_in(page, officer.email)
    page.goto(reverse("pack_detail", kwargs={"pk": pack.pk}))

    assert page.get_by_role("link", name="Download the pack").is_visible()
    assert page.get_by_role("button", name="Publish version 2").is_visible()
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Publish version 2").click()
    assert "Version 2 of the pack is published." in page.locator("[role=alert]").inner_text()
    assert_accessible(page)
