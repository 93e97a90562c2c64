"""The scorecard's reading pages: who may read them, the overview's RAG counts, the
exceptions and their reasons, and that their queries do not grow with the indicators."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from benchmarks.scorecard_pages import seed_area
from governance import roles
from scorecard.models import Indicator, IndicatorValue
from scorecard.selectors.months import add_months, choose_month, parse_period
from scorecard.tables import format_value
from tests.governance.factories import PostFactory, UserFactory
from tests.scorecard.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    ServiceAreaFactory,
    TargetFactory,
)

OVERVIEW = reverse("scorecard_overview")
EXCEPTIONS = reverse("scorecard_exceptions")
FRONT_DOOR = reverse("scorecard_service_area", kwargs={"prefix": "FD"})
PAGES = [OVERVIEW, FRONT_DOOR, EXCEPTIONS]
JUNE = datetime.date(2023, 6, 1)
MAY = datetime.date(2023, 5, 1)


@pytest.fixture
def viewer_client(client, db):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    return client


def approved(indicator, period, value, **kwargs):
    return IndicatorValueFactory(
        indicator=indicator, period=period, value=value,
        state=IndicatorValue.State.APPROVED, **kwargs,
    )  # fmt: skip


def rated(ref, may, june, *, area=None, target=True, **kwargs) -> Indicator:
    """An indicator (higher is better) with approved May and June 2023 and a 85-90% target."""
    indicator = IndicatorFactory(ref=ref, **({"service_area": area} if area else {}), **kwargs)
    approved(indicator, MAY, may)
    approved(indicator, JUNE, june)
    if target:
        TargetFactory(indicator=indicator)
    return indicator


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_people_are_sent_to_sign_in(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("url", PAGES)
def test_every_role_may_read_the_scorecard(client, user_with_role, any_role, url):
    rated("FD8", 80.2, 78.1)
    client.force_login(user_with_role(any_role))

    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", PAGES)
def test_the_pages_work_before_anything_is_approved(viewer_client, url):
    IndicatorValueFactory(indicator=IndicatorFactory(ref="FD1"), period=JUNE)  # a draft

    response = viewer_client.get(url, {"period": "2023-06"})

    assert response.status_code == 200
    assert "No figures have been approved" in response.text


def test_the_overview_counts_each_areas_rag_for_the_latest_month(viewer_client):
    front_door = ServiceAreaFactory(prefix="FD", title="Front Door", order=1,
                                    head_of_service=PostFactory(name="HoS Front Door"))  # fmt: skip
    early_help = ServiceAreaFactory(prefix="EH", title="Early Help", order=2)
    rated("FD1", 80, 70, area=front_door)  # red
    rated("FD2", 80, 82, area=front_door)  # amber
    rated("FD3", 80, 88, area=front_door)  # green
    rated("FD4", 80, 60, area=front_door)  # red
    rated("FD5", 80, 60, area=front_door, target=False)  # no RAG
    rated("EH1", 80, 88, area=early_help)

    response = viewer_client.get(OVERVIEW)
    rows = {row.area.prefix: row for row in response.context["table"].data.data}

    assert response.context["period"] == JUNE
    assert dict(rows["FD"].rag) == {"red": 2, "amber": 1, "green": 1, "none": 1}
    assert rows["FD"].indicators == 5
    assert dict(rows["EH"].rag) == {"green": 1}
    text = response.text
    assert text.index("Front Door") < text.index("Early Help")
    assert f'href="{FRONT_DOOR}?period=2023-06"' in text
    assert "HoS Front Door: no current holder recorded" in text
    assert f'href="{EXCEPTIONS}?period=2023-06"' in text


def test_the_overview_counts_a_chosen_month(viewer_client):
    rated("FD1", 88, 70)

    response = viewer_client.get(OVERVIEW, {"period": "2023-05"})

    assert dict(response.context["table"].data.data[0].rag) == {"green": 1}


def test_exceptions_are_red_or_worsening_with_why_in_words(viewer_client):
    early_help = ServiceAreaFactory(prefix="EH", title="Early Help", order=2)
    ServiceAreaFactory(prefix="FD", title="Front Door", order=1)
    rated("FD8", 80.2, 78.1)  # red and worsening
    rated("FD9", 88, 87)  # green but worsening
    rated("FD10", 70, 72)  # red, improving
    rated("FD11", 86, 88)  # green, improving: not an exception
    rated("EH1", 50, 60, area=early_help, polarity="neither", target=False)  # no judgement

    response = viewer_client.get(EXCEPTIONS)
    text = response.text

    assert [area.prefix for area, _ in response.context["groups"]] == ["FD"]
    assert "Red: 6.9 points below the target (85-90%)" in text
    assert "Worsening on the previous month: down from 80.2% to 78.1%" in text
    assert "Worsening on the previous month: down from 88.0% to 87.0%" in text
    assert "Red: 13 points below the target (85-90%)" in text
    assert "FD11" not in text
    assert "EH1" not in text
    assert f'href="{reverse("indicator_detail", kwargs={"ref": "FD8"})}"' in text
    assert f'href="{FRONT_DOOR}?period=2023-06"' in text
    assert "3 exceptions" in text


def test_exceptions_include_special_cause_concern(viewer_client):
    indicator = IndicatorFactory(ref="FD3")
    history = [80, 81, 80, 79, 80, 81, 80, 79, 80, 81, 80, 79, 50]
    for n, value in enumerate(history):
        approved(indicator, add_months(JUNE, n - len(history) + 1), value)

    text = viewer_client.get(EXCEPTIONS).text

    assert "Special cause concern (SPC): a point outside the process limits" in text


def test_exceptions_use_only_approved_values_and_the_chosen_month(viewer_client):
    indicator = rated("FD8", 88, 89)
    IndicatorValueFactory(indicator=indicator, period=datetime.date(2023, 7, 1), value=10)

    june = viewer_client.get(EXCEPTIONS)
    may = viewer_client.get(EXCEPTIONS, {"period": "2023-05"})
    bad = viewer_client.get(EXCEPTIONS, {"period": "2023-7"})

    assert "No indicator is Red, worsening or a special cause for concern in June 2023" in june.text
    assert may.context["period"] == MAY
    assert bad.context["period"] == JUNE
    assert "is not a month written as year and month" in bad.text


def test_months_are_read_strictly():
    held = (JUNE, MAY)
    assert parse_period("2023-06") == JUNE
    assert parse_period("2023-6") is None
    assert parse_period("2023-00") is None
    assert choose_month(None, held).period == JUNE
    assert choose_month("2023-05", held).period == MAY
    assert choose_month("2023-05", ()).period is None
    assert add_months(datetime.date(2023, 1, 1), -1) == datetime.date(2022, 12, 1)


@pytest.mark.parametrize(
    ("value", "unit", "places", "shown"),
    [
        ("78.1", Indicator.Unit.PERCENTAGE, 1, "78.1%"),
        ("78.15", Indicator.Unit.PERCENTAGE, 1, "78.2%"),
        ("1234.5", Indicator.Unit.COUNT, 0, "1,235"),
        ("12", Indicator.Unit.DAYS, 2, "12.00"),
    ],
)
def test_values_are_formatted_by_unit_and_decimal_places(value, unit, places, shown):
    assert format_value(Decimal(value), unit=unit, decimal_places=places) == shown


@pytest.mark.parametrize("url", PAGES)
def test_queries_do_not_grow_from_10_to_150_indicators_of_24_months(
    client, db, django_assert_num_queries, url
):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    seed_area("FD", indicators=10, months=24)
    seed_area("EH", indicators=10, months=24)
    with CaptureQueriesContext(connection) as ten:
        assert client.get(url).status_code == 200
    queries = len(ten)  # read before the next request empties the query log

    seed_area("FD", indicators=140, months=24, first=11)
    reset_queries()
    with django_assert_num_queries(queries):
        response = client.get(url)

    if url == FRONT_DOOR:
        assert len(re.findall(r">FD\d+</td>", response.text)) == 150
