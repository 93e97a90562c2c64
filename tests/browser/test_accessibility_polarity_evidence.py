"""Polarity and tolerance learned from the council's letters, in a real browser: the
import's check page listing what would be learned and the rows that conflict, and the
indicator page's "How it is judged" with the council's RAG beside ours, pass axe, also
at 320px wide. Set SCREENSHOT_DIR to keep screenshots to look at by eye."""

import os
from pathlib import Path

import pytest
from django.urls import reverse

from governance import roles
from scorecard.importing import scorecard_import
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
FIXTURES = Path(__file__).resolve().parents[1] / "scorecard" / "fixtures"
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


def screenshot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def import_letters(*months):
    for month in months:
        path = FIXTURES / f"council-letters-2023-0{month}.tsv"
        scorecard_import(source=path.read_bytes(), filename=path.name, period=None, dry_run=False)


def at_320(page):
    page.set_viewport_size({"width": 320, "height": 800})


def test_the_check_page_lists_what_would_be_learned_and_what_conflicts(page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    officer = UserFactory(roles=[roles.PERFORMANCE_OFFICER], full_name="Pat Performance")
    import_letters(4)
    sign_in(page, officer.email)
    page.goto(reverse("scorecard_import"))
    page.get_by_label("Upload the scorecard").set_input_files(
        str(FIXTURES / "council-letters-2023-06.tsv")
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Check the import").click()

    learned = page.get_by_role("region", name="Polarity and amber tolerance learned")
    assert "Learned from the council's RAG" in learned.inner_text()
    conflicts = page.get_by_role("region", name="Evidence that conflicts")
    assert "CIN5" in conflicts.inner_text()
    screenshot(page, "import_check_learned")
    assert_accessible(page)
    at_320(page)
    screenshot(page, "import_check_learned_320")
    assert_accessible(page)


@pytest.mark.parametrize(
    ("ref", "said"),
    [("CF30", "We agree."), ("CIN5", "The council marked it Green; we give no RAG.")],
)
def test_the_indicator_page_puts_the_councils_letter_beside_ours(page, ref, said):
    import_letters(4, 5, 6)
    sign_in(page, UserFactory(roles=[roles.BOARD_MEMBER]).email)
    page.goto(reverse("indicator_detail", kwargs={"ref": ref}))

    table = page.get_by_role("table", name="The council's RAG letter beside ours")
    assert said in table.inner_text()
    assert page.get_by_role("heading", name="How it is judged").is_visible()
    screenshot(page, f"indicator_letters_{ref}")
    assert_accessible(page)
    at_320(page)
    screenshot(page, f"indicator_letters_{ref}_320")
    assert_accessible(page)
