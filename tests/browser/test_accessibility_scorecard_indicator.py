"""The indicator page in a real browser: axe finds nothing with an SPC chart (at least
12 values) or with the not-enough-data message, and the chart is drawn at a readable
size. Set SCREENSHOT_DIR to keep screenshots to look at by eye.
"""

import datetime
import os

import pytest
from django.urls import reverse

from governance import roles
from scorecard.models import IndicatorValue, Target
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import PostFactory, UserFactory
from tests.improvement_plan.factories import ActionFactory
from tests.scorecard.factories import BenchmarkFactory, IndicatorFactory, TargetFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")
# Two years to June 2023: a dip, a recovery and a rising run into the target band.
HISTORY = [89, 86, 75, 77, 81, 74, 72, 78, 76, 82, 77, 54, 66, 77, 86, None, 80, 83, 84, 85]
HISTORY += [86, 87, 88, 89.5]


def month(index: int) -> datetime.date:
    return datetime.date(2021 + (6 + index) // 12, (6 + index) % 12 + 1, 1)


def make_indicator(values: list) -> str:
    indicator = IndicatorFactory(
        ref="FD1",
        title="Contacts progressed to early help or social care within 1 working day",
        definition="Contacts with a decision within one working day.",
        owner=PostFactory(name="Head of Front Door"),
    )
    TargetFactory(
        indicator=indicator, written="85-90%", kind=Target.Kind.BAND, low=85, high=90,
        effective_from=datetime.date(2021, 4, 1),
    )  # fmt: skip
    BenchmarkFactory(indicator=indicator)
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            indicator=indicator, period=month(i), value=value,
            missing_reason="" if value is not None else "n/a",
            state=IndicatorValue.State.APPROVED, reported_rag="A", reported_direction="↑",
        )
        for i, value in enumerate(values)
    )  # fmt: skip
    ActionFactory(reference="1.2.3", description="Triage contacts the same day").indicators.add(
        indicator
    )
    return reverse("indicator_detail", kwargs={"ref": indicator.ref})


def screenshot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


@pytest.fixture
def member():
    return UserFactory(roles=[roles.BOARD_MEMBER])


def test_indicator_page_with_a_chart(page, member):
    url = make_indicator(HISTORY)
    sign_in(page, member.email)
    page.goto(url)

    chart = page.get_by_role("img", name="SPC chart of FD1")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box["width"] > 500
    assert box["height"] > 250
    # The accessible name is the title and the description, which says it in words.
    said = page.get_by_role("img", name="June 2023: 89.5%, special cause improvement; mean")
    assert said.count() == 1
    assert page.get_by_role("table", name="The chart's data").is_visible()
    screenshot(page, "indicator_with_chart")
    assert_accessible(page)


def test_indicator_page_with_not_enough_data(page, member):
    url = make_indicator(HISTORY[:8])
    sign_in(page, member.email)
    page.goto(url)

    assert page.get_by_text("Not enough data: SPC needs at least 12 points; there are 8").first
    assert page.get_by_role("img", name="SPC chart of FD1").is_visible()
    screenshot(page, "indicator_not_enough_data")
    assert_accessible(page)
