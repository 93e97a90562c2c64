"""The indicator page in a real browser with figures from several sources (issue 12,
section 7): each says where it came from, the chart leaves a gap for a month with no
figure, and axe finds nothing at 1280 px and at 320 px. Set SCREENSHOT_DIR to keep
screenshots to look at by eye.
"""

import datetime
import os
from decimal import Decimal as D

import pytest
from django.urls import reverse

from governance import roles
from scorecard import approval_services, services
from scorecard.domain.entry import Entry
from scorecard.domain.provenance import import_reason
from scorecard.models import IndicatorValue
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import UserFactory
from tests.scorecard.factories import IndicatorFactory, TargetFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")
# July 2022 to June 2023, with nothing held for January and February 2023.
FIGURES = {(2022, m): 70 + m % 3 for m in range(7, 13)} | {(2023, m): 74 for m in (3, 4, 5)}


def screenshot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


@pytest.fixture
def director():
    """FD1 with figures imported from a file, and June 2023 entered and approved."""
    director = UserFactory(roles=[roles.DIRECTOR], full_name="Dee Director")
    importer = UserFactory(roles=[roles.PERFORMANCE_OFFICER], full_name="Sam Import")
    officer = UserFactory(roles=[roles.PERFORMANCE_OFFICER], full_name="Pat Officer")
    indicator = IndicatorFactory(ref="FD1", title="Contacts decided within 1 working day")
    TargetFactory(indicator=indicator, written=">75%", kind="min", low=75, high=None)
    for (year, month), figure in FIGURES.items():
        value = IndicatorValue(
            indicator=indicator, period=datetime.date(year, month, 1), value=figure,
            state=IndicatorValue.State.APPROVED, entered_by=importer, approved_by=importer,
        )  # fmt: skip
        value._history_user = importer
        value._change_reason = import_reason("Children's Services Scorecard May 2023.xlsx")
        value.save()
    services.values_enter(
        indicators=[indicator], period=datetime.date(2023, 6, 1), user=officer, submit=True,
        today=datetime.date(2023, 7, 10), entries={indicator.pk: Entry(value=D("77.5"))},
    )  # fmt: skip
    june = IndicatorValue.objects.get(indicator=indicator, period=datetime.date(2023, 6, 1))
    approval_services.values_approve(value_ids=[june.pk], user=director)
    return director


def test_each_figure_says_where_it_came_from_and_the_chart_leaves_a_gap(page, director):
    sign_in(page, director.email)
    page.goto(reverse("indicator_detail", kwargs={"ref": "FD1"}))

    history = page.get_by_role("region", name="Approved values, newest first")
    june, may = (
        history.get_by_role("row").filter(has=page.get_by_role("rowheader", name=m, exact=True))
        for m in ("June 2023", "May 2023")
    )
    june, may = june.inner_text(), may.inner_text()
    assert "Entered by Pat Officer" in june
    assert "approved by Dee Director" in june
    assert "Imported from Children's Services Scorecard May 2023.xlsx" in may
    assert "by Sam Import" in may
    data = page.get_by_role("region", name="The chart's data").inner_text()
    assert "January 2023\tNo figure" in data
    assert page.locator("svg polyline").count() == 2
    assert_accessible(page)
    screenshot(page, "indicator_provenance_1280")

    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
    screenshot(page, "indicator_provenance_320")
