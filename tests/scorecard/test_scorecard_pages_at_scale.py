"""The scorecard's pages at ten times a council's size (issue 13): the same queries for
a few indicators of a year as for ten times the indicators of ten years, and the light
reads agree with the rows the service-area pages show."""

import datetime
from collections import Counter

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from benchmarks.scorecard_pages import LAST_MONTH, seed_area
from governance import roles
from scorecard.selectors.months import add_months
from scorecard.selectors.pages import overview
from scorecard.selectors.rows import scorecard_indicators, scorecard_row
from tests.governance.factories import UserFactory

PAGES = [
    reverse("scorecard_overview"),
    reverse("scorecard_service_area", kwargs={"prefix": "FD"}),
    reverse("scorecard_service_area", kwargs={"prefix": "FD"}) + "?columns=all",
    reverse("scorecard_exceptions"),
    reverse("indicator_detail", kwargs={"ref": "FD1"}),
]


@pytest.mark.parametrize("url", PAGES)
def test_the_same_queries_at_one_and_ten_times_the_indicators_and_months(
    client, db, django_assert_num_queries, url
):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    for prefix in ("FD", "EH"):
        seed_area(prefix, indicators=4, months=12)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    queries = len(small)

    for prefix in ("FD", "EH"):
        seed_area(prefix, indicators=36, months=120, first=5)
    reset_queries()
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("months_back", [0, 3, 14])
def test_the_overviews_counts_are_the_service_area_rows_rags(months_back):
    for order, prefix in enumerate(("FD", "EH", "CIN")):
        seed_area(prefix, indicators=12, months=30, seed=order)
    period = add_months(LAST_MONTH, -months_back)
    expected: dict[int, Counter] = {}
    for indicator in scorecard_indicators(period=period, since=period):
        rag = scorecard_row(indicator, period=period, history=None).judgement.rag.rag
        expected.setdefault(indicator.service_area_id, Counter())[rag or "none"] += 1

    counted = overview(period=period, today=datetime.date(2023, 7, 3))

    assert {row.area.pk: row.rag for row in counted} == expected
    assert sum(sum(c.values()) for c in expected.values()) == 36
    assert len(set().union(*expected.values())) >= 3  # red, amber, green or none: varied
