"""The scorecard pages: who may read them, what they say, and that their queries do not grow."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance import roles
from scorecard.models import Indicator, IndicatorValue
from scorecard.tables import format_value, value_in_words
from tests.governance.factories import PostFactory, UserFactory
from tests.scorecard.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    ServiceAreaFactory,
    TargetFactory,
)

OVERVIEW = reverse("scorecard_overview")
FRONT_DOOR = reverse("scorecard_service_area", kwargs={"prefix": "FD"})


@pytest.fixture
def viewer_client(client, db):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    return client


def make_indicator(**kwargs) -> Indicator:
    """An indicator with values for May and June 2023 and a target in force."""
    indicator = IndicatorFactory(**kwargs)
    IndicatorValueFactory(indicator=indicator, period=datetime.date(2023, 5, 1), value=76.25)
    IndicatorValueFactory(indicator=indicator, period=datetime.date(2023, 6, 1), value=78.1)
    TargetFactory(indicator=indicator, written="85-90%")
    return indicator


@pytest.mark.parametrize("url", [OVERVIEW, FRONT_DOOR])
def test_anonymous_people_are_sent_to_sign_in(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("url", [OVERVIEW, FRONT_DOOR])
def test_every_role_may_read_the_scorecard(client, user_with_role, any_role, url):
    make_indicator()
    client.force_login(user_with_role(any_role))

    assert client.get(url).status_code == 200


def test_an_unknown_service_area_is_not_found(viewer_client):
    url = reverse("scorecard_service_area", kwargs={"prefix": "ZZ"})

    assert viewer_client.get(url).status_code == 404


def test_the_overview_lists_areas_in_order_with_head_count_and_latest_month(viewer_client):
    head = PostFactory(name="HoS Front Door")
    area = ServiceAreaFactory(prefix="FD", title="Front Door", head_of_service=head, order=1)
    ServiceAreaFactory(prefix="CP", title="Child Protection", order=2)
    make_indicator(service_area=area)
    missing = IndicatorFactory(service_area=area)
    IndicatorValueFactory(
        indicator=missing, period=datetime.date(2023, 7, 1), value=None, missing_reason="Late"
    )

    text = viewer_client.get(OVERVIEW).text

    assert text.index("Front Door") < text.index("Child Protection")
    assert f'href="{FRONT_DOOR}"' in text
    assert "HoS Front Door" in text
    assert "June 2023" in text  # July has only a missing value
    assert "July 2023" not in text
    area_row = viewer_client.get(OVERVIEW).context["table"].data.data[0]
    assert area_row.indicator_count == 2


def test_an_area_without_values_says_so(viewer_client):
    ServiceAreaFactory(prefix="CP", title="Child Protection")

    assert "No values yet" in viewer_client.get(OVERVIEW).text


def test_the_area_page_shows_latest_previous_month_and_target(viewer_client):
    indicator = make_indicator(ref="FD1", title="Contacts with a decision in 24 hours")
    TargetFactory(
        indicator=indicator, written="95%", effective_from=datetime.date(2023, 7, 1)
    )  # not yet in force in June 2023

    text = viewer_client.get(FRONT_DOOR).text

    assert "FD1" in text
    assert "Contacts with a decision in 24 hours" in text
    assert "78.1%" in text
    assert "76.3%" in text  # rounded half up to one decimal place
    assert "June 2023" in text
    assert "85-90%" in text
    assert "95%" not in text


def test_a_missing_value_gives_its_reason_in_words(viewer_client):
    indicator = make_indicator(ref="FD1")
    IndicatorValueFactory(
        indicator=indicator,
        period=datetime.date(2023, 7, 1),
        value=None,
        missing_reason="Not yet available from the case system",
    )

    text = viewer_client.get(FRONT_DOOR).text

    assert "No value (Not yet available from the case system)" in text
    assert "July 2023" in text
    assert "78.1%" in text  # June is now the previous value


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("n/a", "No value (not available)"),
        ("-", "No value (no reason given)"),
        ("", "No value (no reason given)"),
        ("Not Yet Available", "No value (not yet available)"),
        ("Case system outage", "No value (Case system outage)"),
    ],
)
def test_missing_reasons_are_spelt_out(written, shown):
    indicator = Indicator(unit=Indicator.Unit.PERCENTAGE, decimal_places=1)
    missing = IndicatorValue(indicator=indicator, value=None, missing_reason=written)

    assert value_in_words(missing, indicator) == shown


def test_an_indicator_without_values_or_target_says_so(viewer_client):
    IndicatorFactory(ref="FD9")

    text = viewer_client.get(FRONT_DOOR).text

    assert "No values yet" in text
    assert "No target set" in text


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


def test_the_area_page_makes_as_many_queries_for_150_indicators_as_for_1(
    client, db, django_assert_num_queries
):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    area = ServiceAreaFactory(prefix="FD")
    make_indicator(service_area=area)
    with CaptureQueriesContext(connection) as one_indicator:
        assert client.get(FRONT_DOOR).status_code == 200

    for _ in range(149):
        make_indicator(service_area=area)
    with django_assert_num_queries(len(one_indicator)):
        response = client.get(FRONT_DOOR)

    assert response.text.count("78.1%") == 150


def test_the_overview_makes_as_many_queries_for_150_indicators_as_for_1(
    client, db, django_assert_num_queries
):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    area = ServiceAreaFactory(prefix="FD", head_of_service=PostFactory())
    make_indicator(service_area=area)
    with CaptureQueriesContext(connection) as one_indicator:
        assert client.get(OVERVIEW).status_code == 200

    for _ in range(149):
        make_indicator(service_area=area)
    ServiceAreaFactory(prefix="CP", head_of_service=PostFactory())
    with django_assert_num_queries(len(one_indicator)):
        assert client.get(OVERVIEW).status_code == 200
