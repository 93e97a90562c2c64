"""The service-area table at 1280 px in Chromium (issue 12, section 7): at first it shows
value, RAG, direction and SPC without scrolling sideways, the council's letter beside
ours; opened at its full width ("Show 6 months...") it scrolls in its own region. Axe
finds nothing either way, at 1280 px and at 320 px. Set SCREENSHOT_DIR to keep
screenshots to look at by eye.
"""

import os

import pytest
from django.urls import reverse

from governance import roles
from scorecard.models import IndicatorValue, Section
from tests.browser.conftest import assert_accessible, sign_in
from tests.browser.test_accessibility_scorecard import DIPPING, RISING
from tests.browser.test_accessibility_scorecard import indicator as scorecard_indicator
from tests.governance.factories import UserFactory
from tests.scorecard.factories import ServiceAreaFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")
REGION = "Where We Live indicators"


def indicator(ref, title, values, *, section, letter="R", **kwargs):
    """As the scorecard pages' browser test makes one, with the council's own letter."""
    made = scorecard_indicator(ref, title, values, section=section, **kwargs)
    IndicatorValue.objects.filter(indicator=made).update(
        reported_rag=letter, reported_direction="↔"
    )
    return made


@pytest.fixture
def reader():
    """A board member, and a Front Door whose rows carry the longest words the table
    shows: long titles, SPC icons with their words, the council's letter not as ours."""
    area = ServiceAreaFactory(prefix="FD", title="Front Door")
    where = Section.objects.create(service_area=area, title="Where We Live", order=1)
    indicator("FD8", "MASH Screenings Completed within 72 working hours each month "
              "(excluding requests for information)", DIPPING, section=where,
              letter="G")  # fmt: skip
    indicator("FD9", "EHAP Screening within 5 working days (%)", RISING, section=where)
    indicator("FD10", "Re-referrals to Children's Social Care within 12 months of a "
              "previous referral (rolling 12 months)", RISING, section=where,
              polarity="not_set", letter="A")  # fmt: skip
    indicator("FD1", "Contacts received including LCS contacts (number in month)",
              [1221, 1302, None], section=where, target="", unit="count",
              polarity="neither", decimal_places=0, letter="N/A")  # fmt: skip
    return UserFactory(roles=[roles.BOARD_MEMBER])


def screenshot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def scrolls_sideways(page, name: str) -> bool:
    region = page.get_by_role("region", name=name)
    return region.evaluate("el => el.scrollWidth > el.clientWidth")


def test_at_1280px_value_rag_direction_and_spc_fit_without_scrolling(page, reader):
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, reader.email)
    page.goto(reverse("scorecard_service_area", kwargs={"prefix": "FD"}) + "?period=2023-06")

    headers = page.get_by_role("region", name=REGION).get_by_role("columnheader")
    shown = [" ".join(text.split()) for text in headers.all_inner_texts()]
    assert shown == ["Ref", "Indicator", "Apr 23", "May 23", "Jun 23", "Target", "RAG",
                     "Direction on previous period", "SPC"]  # fmt: skip
    assert not scrolls_sideways(page, REGION)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    row = page.get_by_role("row").filter(has_text="FD8")
    assert "Council: Green, not as ours" in row.inner_text()
    assert "Council’s arrow: level" in row.inner_text()
    assert_accessible(page)
    screenshot(page, "scorecard_table_1280")

    with page.expect_navigation():
        page.get_by_role("link", name="Show 6 months, the previous year and benchmarks").click()
    assert "columns=all" in page.url
    assert "England average (2021/22)" in page.get_by_role("region", name=REGION).inner_text()
    assert scrolls_sideways(page, REGION)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert_accessible(page)
    screenshot(page, "scorecard_table_1280_all_columns")

    with page.expect_navigation():
        page.get_by_role("link", name="Show the last 3 months only").click()
    assert "columns=all" not in page.url
    assert not scrolls_sideways(page, REGION)


def test_at_320px_the_page_reflows_and_the_table_scrolls_in_its_region(page, reader):
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in(page, reader.email)
    page.goto(reverse("scorecard_service_area", kwargs={"prefix": "FD"}) + "?period=2023-06")

    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert scrolls_sideways(page, REGION)
    assert_accessible(page)
    screenshot(page, "scorecard_table_320")
