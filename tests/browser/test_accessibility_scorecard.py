"""The scorecard's reading pages pass axe-core in a real browser: the overview, a service
area's month (sections, commentary, the wide table with SPC icons) and the exceptions;
at 320px wide the page reflows and the wide table scrolls in its own region.
Set SCREENSHOT_DIR to keep screenshots to look at by eye.
"""

import datetime
import os

import pytest
from django.urls import reverse

from governance import roles
from scorecard.judgement_services import indicator_judgements_refresh
from scorecard.models import Benchmark, Commentary, IndicatorValue, Section
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.scorecard.factories import (
    BenchmarkFactory,
    IndicatorFactory,
    ServiceAreaFactory,
    TargetFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")
JUNE = datetime.date(2023, 6, 1)
# 14 months to June 2023 (higher is better): steady, then a fall below the lower limit.
DIPPING = [80, 81, 80, 79, 80, 81, 80, 79, 80, 81, 80, 79, 80, 62]
RISING = [70, 71, 70, 72, 71, 70, 71, 72, 70, 71, 70, 71, 72, 88]


def month(back: int) -> datetime.date:
    index = JUNE.year * 12 + JUNE.month - 1 - back
    return datetime.date(index // 12, index % 12 + 1, 1)


def indicator(ref, title, values, *, section, target="85-90%", **kwargs):
    made = IndicatorFactory(ref=ref, title=title, service_area=section.service_area,
                            section=section, **kwargs)  # fmt: skip
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            indicator=made, period=month(len(values) - 1 - n), value=value,
            missing_reason="" if value is not None else "Not Yet Available",
            state=IndicatorValue.State.APPROVED, reported_rag="R", reported_direction="↓",
        )
        for n, value in enumerate(values)
    )  # fmt: skip
    if target:
        TargetFactory(indicator=made, written=target)
    for comparator in Benchmark.Comparator.values:
        BenchmarkFactory(indicator=made, comparator=comparator, value=81, year="2021/22")
    indicator_judgements_refresh(indicator_ids=[made.pk])  # bulk_create bypasses the services
    return made


@pytest.fixture
def reader():
    """A board member, and a Front Door with two sections, a head of service and
    commentary; Early Help with an exception of its own."""
    post = PostFactory(name="HoS Adolescent Services")
    PostHolderFactory(post=post, person=UserFactory(full_name="Jane Darrington"))
    front_door = ServiceAreaFactory(prefix="FD", title="Front Door", head_of_service=post)
    early_help = ServiceAreaFactory(prefix="EH", title="Early Help", order=2)
    where = Section.objects.create(service_area=front_door, title="Where We Live", order=1)
    outcomes = Section.objects.create(service_area=front_door, title="Outcomes", order=2)
    help_section = Section.objects.create(service_area=early_help, title="Outcomes")
    indicator("FD8", "MASH Screenings Completed within 72 working hours each month "
              "(excluding requests for information)", DIPPING, section=where)  # fmt: skip
    indicator("FD9", "EHAP Screening within 5 working days (%)", RISING, section=where)
    indicator("FD1", "Contacts received including LCS contacts (number in month)",
              [1221, 1302, None], section=outcomes, target="", unit="count",
              polarity="neither", decimal_places=0)  # fmt: skip
    indicator("EH1", "Early Help assessments completed in 45 days", [90, 70],
              section=help_section)  # fmt: skip
    Commentary.objects.create(
        service_area=front_door, period=JUNE, state=Commentary.State.APPROVED,
        text="There has been an increase in contacts in May and June.\n\n"
        "A sample of referrals will be audited to inform learning.",
    )  # fmt: skip
    return UserFactory(roles=[roles.BOARD_MEMBER])


def screenshot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def test_overview(page, reader):
    sign_in(page, reader.email)
    page.goto(reverse("scorecard_overview"))
    assert page.get_by_role("heading", level=1).inner_text() == "Performance scorecard"
    assert page.get_by_role("link", name="Scorecard").get_attribute("aria-current") == "page"
    assert_accessible(page)
    screenshot(page, "scorecard_overview")


def test_service_area_with_commentary_and_the_wide_table(page, reader):
    sign_in(page, reader.email)
    page.goto(reverse("scorecard_service_area", kwargs={"prefix": "FD"}))
    assert page.get_by_role("heading", level=1).inner_text() == "Front Door"
    assert page.get_by_role("heading", name="Where We Live").is_visible()
    assert "increase in contacts" in page.locator(".app-commentary").inner_text()
    assert page.get_by_role("region", name="Where We Live indicators").is_visible()
    assert page.get_by_role("img", name="Variation icon: Special cause variation: concern").count()
    assert_accessible(page)
    screenshot(page, "scorecard_service_area")
    page.get_by_role("region", name="Where We Live indicators").evaluate(
        "el => el.scrollLeft = 9999"
    )
    screenshot(page, "scorecard_service_area_scrolled")

    page.get_by_label("Month").select_option("2023-05")
    with page.expect_navigation():
        page.get_by_role("button", name="Show month").click()
    assert "period=2023-05" in page.url
    assert "No commentary for this month" in page.content()
    assert_accessible(page)


def test_service_area_with_a_month_that_cannot_be_shown(page, reader):
    sign_in(page, reader.email)
    page.goto(reverse("scorecard_service_area", kwargs={"prefix": "FD"}) + "?period=2023-13")
    banner = page.locator(".govuk-notification-banner")
    assert "Showing June 2023" in banner.inner_text()
    assert_accessible(page)


def test_service_area_on_a_phone_sized_screen(page, reader):
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in(page, reader.email)
    page.goto(reverse("scorecard_service_area", kwargs={"prefix": "FD"}))
    # Reflow (WCAG 1.4.10): the page does not scroll sideways; the table scrolls in its region.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    region = page.get_by_role("region", name="Where We Live indicators")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    assert_accessible(page)
    screenshot(page, "scorecard_service_area_320")


def test_exceptions(page, reader):
    sign_in(page, reader.email)
    page.goto(reverse("scorecard_exceptions"))
    assert page.get_by_role("heading", level=2, name="Front Door").is_visible()
    assert page.get_by_role("heading", level=2, name="Early Help").is_visible()
    assert "Special cause concern (SPC)" in page.content()
    assert_accessible(page)
    screenshot(page, "scorecard_exceptions")
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


def test_an_indicator_not_judged_is_said_and_listed(page, reader):
    """Issue 12: an indicator whose polarity is not set has no RAG; the page says why,
    counts it and links to the list of indicators not judged."""
    where = Section.objects.get(title="Where We Live")
    indicator("FD4", "EHM contact: % received by CSC", RISING, section=where, polarity="not_set")
    sign_in(page, reader.email)
    page.goto(reverse("scorecard_service_area", kwargs={"prefix": "FD"}))
    row = page.get_by_role("row").filter(has_text="FD4")
    assert "Not judged: whether higher or lower is better is not set" in row.inner_text()
    assert row.locator(".govuk-tag").count() == 0
    assert_accessible(page)
    screenshot(page, "scorecard_service_area_not_judged")
    with page.expect_navigation():
        page.get_by_role("link", name="See the indicator not judged in Front Door").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Indicators not judged"
    assert page.get_by_role("link", name="FD4 EHM contact: % received by CSC").is_visible()
    assert_accessible(page)
    screenshot(page, "scorecard_not_judged")
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
