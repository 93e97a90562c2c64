"""Scorecard lists that grow are paged with GOV.UK pagination, filters kept (issue 13)."""

import datetime
import re

import pytest
from django.urls import reverse

from governance import roles
from scorecard.models import Indicator, IndicatorValue
from scorecard.selectors.months import add_months
from scorecard.views.entry import GROUPS_PER_PAGE
from scorecard.views.indicators import PER_PAGE
from tests.governance.factories import UserFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, ServiceAreaFactory

NOT_JUDGED = reverse("scorecard_not_judged")
APPROVALS = reverse("scorecard_approvals")
JUNE = datetime.date(2023, 6, 1)


@pytest.fixture
def not_set(db):
    area = ServiceAreaFactory(prefix="FD", title="Front Door")
    return [
        IndicatorFactory(service_area=area, ref=f"FD{n:03}", polarity=Indicator.Polarity.NOT_SET)
        for n in range(PER_PAGE + 5)
    ]


def test_indicators_not_judged_come_a_page_at_a_time_keeping_the_area(client, not_set):
    client.force_login(UserFactory(roles=[roles.VIEWER]))

    first = client.get(NOT_JUDGED, {"area": "FD"}).text
    second = client.get(NOT_JUDGED, {"area": "FD", "page": 2}).text

    assert len(re.findall(r">FD\d{3} ", first)) == PER_PAGE
    assert len(re.findall(r">FD\d{3} ", second)) == 5
    assert 'class="govuk-pagination' in first
    assert "?area=FD&amp;page=2" in first
    assert f"{PER_PAGE + 5} indicators are not judged" in second


@pytest.mark.parametrize("page", ["abc", "99", "-1"])
def test_a_page_that_is_not_held_shows_the_nearest(client, not_set, page):
    client.force_login(UserFactory(roles=[roles.VIEWER]))

    response = client.get(NOT_JUDGED, {"page": page})

    assert response.status_code == 200
    assert "FD0" in response.text


@pytest.fixture
def waiting(db):
    """GROUPS_PER_PAGE + 2 months of one submitted figure each, entered by an officer."""
    officer = UserFactory(roles=[roles.PERFORMANCE_OFFICER])
    indicator = IndicatorFactory(service_area=ServiceAreaFactory(prefix="FD"), ref="FD1")
    return [
        IndicatorValueFactory(
            indicator=indicator,
            period=add_months(JUNE, -n),
            value=n,
            state="submitted",
            entered_by=officer,
        )  # fmt: skip
        for n in range(GROUPS_PER_PAGE + 2)
    ]


def test_the_approvals_queue_comes_a_page_at_a_time_and_approves_what_it_shows(client, waiting):
    client.force_login(UserFactory(roles=[roles.DIRECTOR]))
    first = client.get(APPROVALS).text
    assert 'class="govuk-pagination' in first
    assert "?page=2" in first
    second = client.get(APPROVALS, {"page": 2})
    oldest = sorted(waiting, key=lambda value: value.period)[:GROUPS_PER_PAGE]
    newest = [value for value in waiting if value not in oldest]
    assert all(f'value="{value.pk}"' in first for value in oldest)
    assert all(f'value="{value.pk}"' in second.text for value in newest)

    client.post(
        f"{APPROVALS}?page=2",
        {
            "values": [value.pk for value in newest],
            "decision": "approve",
            "seen": second.context["form"].seen_token,
        },
    )

    approved = IndicatorValue.objects.filter(state="approved")
    assert set(approved.values_list("pk", flat=True)) == {value.pk for value in newest}
