"""Completeness before judgement on the scorecard pages (issue 12, section 2): the counts
per month and service area, the month the pages open on, "No figure" exceptions, and no
all-clear while figures are missing."""

import datetime
import re

import pytest
from django.urls import reverse

from governance import roles
from scorecard.approval_services import values_approve
from scorecard.models import Indicator, IndicatorValue
from scorecard.selectors.completeness import (
    completeness_by_month,
    month_completeness,
    months_with_figures,
    no_figure_rows,
    scorecard_months,
)
from tests.governance.factories import UserFactory
from tests.scorecard.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    ServiceAreaFactory,
    TargetFactory,
)

OVERVIEW = reverse("scorecard_overview")
EXCEPTIONS = reverse("scorecard_exceptions")
FRONT_DOOR = reverse("scorecard_service_area", kwargs={"prefix": "FD"})
MAY, JUNE, JULY = (datetime.date(2023, month, 1) for month in (5, 6, 7))
State = IndicatorValue.State
ALL_CLEAR = "No indicator is Red"


def figure(indicator, period, value=80, state=State.APPROVED, **kwargs):
    return IndicatorValueFactory(
        indicator=indicator, period=period, value=value, state=state, **kwargs
    )


def text_of(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.text).split())


@pytest.fixture
def viewer_client(client, db):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    return client


def a_month_of_every_kind():
    """June 2023 in Front Door: FD1 approved, FD2 missing with a reason, FD3 submitted,
    FD4 a draft, FD5 with nothing; each with an approved May figure. Early Help's EH1
    approved in both months."""
    indicators = [IndicatorFactory(ref=f"FD{n}") for n in range(1, 6)]
    early_help = ServiceAreaFactory(prefix="EH", title="Early Help")
    indicators.append(IndicatorFactory(ref="EH1", service_area=early_help))
    for indicator in indicators:
        figure(indicator, MAY)
    fd1, fd2, fd3, fd4, _, eh1 = indicators
    figure(fd1, JUNE)
    figure(fd2, JUNE, value=None, missing_reason="Not Yet Available")
    figure(fd3, JUNE, state=State.SUBMITTED)
    figure(fd4, JUNE, state=State.DRAFT)
    figure(eh1, JUNE)
    return indicators


def test_a_months_figures_are_counted_per_service_area_and_in_all(db):
    indicators = a_month_of_every_kind()
    june = month_completeness(JUNE)
    total = june.total
    assert (total.expected, total.approved, total.explained) == (6, 2, 1)
    assert (total.waiting, total.unexplained, total.complete) == (2, 1, False)
    front_door = june.by_area[indicators[0].service_area_id]
    assert (front_door.expected, front_door.approved, front_door.lacking) == (5, 1, 3)
    assert june.by_area[indicators[-1].service_area_id].complete
    assert month_completeness(MAY).total.complete


def test_an_indicator_is_not_expected_before_its_first_figure(db):
    old = IndicatorFactory(ref="FD1")
    new = IndicatorFactory(ref="FD2")
    figure(old, MAY)
    figure(old, JUNE)
    figure(new, JUNE)
    months = completeness_by_month([MAY, JUNE])
    assert (months[MAY].total.expected, months[MAY].total.complete) == (1, True)
    assert months[JUNE].total.expected == 2


def test_a_quarterly_indicator_is_expected_every_third_month(db):
    quarterly = IndicatorFactory(ref="FD1", frequency=Indicator.Frequency.QUARTERLY)
    figure(quarterly, datetime.date(2023, 3, 1))
    months = completeness_by_month([MAY, JUNE])
    assert months[MAY].total.expected == 0
    assert (months[JUNE].total.expected, months[JUNE].total.unexplained) == (1, 1)


def test_the_month_picker_offers_every_month_with_any_figure(db):
    indicator = IndicatorFactory(ref="FD1")
    figure(indicator, MAY)
    figure(indicator, JUNE, state=State.DRAFT)
    assert months_with_figures() == (JUNE, MAY)


def many_indicators(count: int, first: int = 1):
    for n in range(first, first + count):
        indicator = IndicatorFactory(ref=f"FD{n}")
        figure(indicator, MAY)
        if n % 2:
            figure(indicator, JUNE, state=State.SUBMITTED)


@pytest.mark.parametrize(
    ("read", "queries"),
    [
        (lambda: month_completeness(JUNE), 3),
        (lambda: completeness_by_month([MAY, JUNE]), 3),
        (lambda: scorecard_months(), 4),
        (lambda: no_figure_rows(JUNE), 3),
    ],
)
def test_the_same_number_of_queries_for_1_and_many_indicators(
    db, django_assert_num_queries, read, queries
):
    many_indicators(1)
    with django_assert_num_queries(queries):
        read()
    many_indicators(60, first=2)
    with django_assert_num_queries(queries):
        found = read()
    assert found


def a_new_month_with_one_figure_approved():
    """Three indicators complete in May; in June one figure entered by a performance
    officer and approved by the Director, the other two with nothing."""
    indicators = [IndicatorFactory(ref=f"FD{n}") for n in range(1, 4)]
    for indicator in indicators:
        figure(indicator, MAY, value=95)
        TargetFactory(indicator=indicator)
    officer = UserFactory(roles=[roles.PERFORMANCE_OFFICER])
    entered = figure(indicators[0], JUNE, value=95, state=State.SUBMITTED, entered_by=officer)
    values_approve(value_ids=[entered.pk], user=UserFactory(roles=[roles.DIRECTOR]))
    return indicators


@pytest.mark.parametrize("url", [OVERVIEW, EXCEPTIONS, FRONT_DOOR])
def test_approving_one_figure_in_a_new_month_leaves_the_pages_on_the_last_complete_month(
    viewer_client, url
):
    a_new_month_with_one_figure_approved()

    response = viewer_client.get(url)
    text = text_of(response)

    assert response.context["period"] == MAY
    assert "Showing May 2023, the latest month with every figure approved or explained." in text
    assert "May 2023: 3 of 3 expected figures approved." in text
    assert "Later months June 2023 : lacks 2 figures (2 missing without a reason)" in text
    assert '<option value="2023-06">June 2023</option>' in response.text


def test_the_new_month_says_how_many_figures_it_lacks_and_none_reads_as_all_clear(
    viewer_client,
):
    a_new_month_with_one_figure_approved()

    response = viewer_client.get(EXCEPTIONS, {"period": "2023-06"})
    text = text_of(response)

    assert response.context["period"] == JUNE
    assert "June 2023: 1 of 3 expected figures approved; 2 missing without one." in text
    assert "Incomplete June 2023 lacks 2 figures (2 missing without a reason)" in text
    assert ALL_CLEAR not in text
    assert "Every expected figure" not in text
    assert "No figure: 2" in text
    assert "Red: 0" in text
    assert text.count("No figure: none entered, and no reason given") == 2


def test_what_is_held_is_said_for_each_no_figure_exception(viewer_client):
    a_month_of_every_kind()

    text = text_of(viewer_client.get(EXCEPTIONS, {"period": "2023-06"}))

    assert "No figure: 4" in text
    assert "No figure: missing, with the reason “Not Yet Available”" in text
    assert text.count("No figure: entered, not yet approved") == 2
    assert text.count("No figure: none entered, and no reason given") == 1
    assert "Front Door 4 exceptions, of which 4 with no figure" in text
    assert "Early Help" not in text.split("Exceptions in June 2023")[1]


def test_an_all_clear_only_when_every_figure_is_approved_and_nothing_is_an_exception(
    viewer_client,
):
    indicator = IndicatorFactory(ref="FD1")
    TargetFactory(indicator=indicator)
    figure(indicator, JUNE, value=88)

    text = text_of(viewer_client.get(EXCEPTIONS))

    assert (
        "Every expected figure for June 2023 is approved. No indicator is Red, "
        "worsening or a special cause for concern in June 2023."
    ) in text


def test_an_indicator_with_no_figure_is_expected_from_the_month_before_it_was_added(db):
    fd5 = a_month_of_every_kind()[4]
    figure(fd5, JUNE)
    IndicatorValue.objects.filter(period=JUNE).update(state=State.APPROVED, value=80)
    added_in_july = IndicatorFactory(ref="FD9")
    Indicator.history.filter(id=added_in_july.pk).update(
        history_date=datetime.datetime(2023, 7, 3, 9, tzinfo=datetime.UTC)
    )
    IndicatorFactory(ref="FD10")  # added today: not expected in 2023

    months = completeness_by_month([MAY, JUNE])

    assert (months[MAY].total.expected, months[MAY].total.complete) == (6, True)
    assert (months[JUNE].total.expected, months[JUNE].total.unexplained) == (7, 1)
    assert [row.indicator.ref for _, rows in no_figure_rows(JUNE) for row in rows] == ["FD9"]


def test_with_no_complete_month_the_page_says_so(viewer_client):
    a_month_of_every_kind()
    response = viewer_client.get(OVERVIEW)
    assert response.context["period"] == MAY

    figure(IndicatorFactory(ref="FD10"), MAY, state=State.SUBMITTED)
    text = text_of(viewer_client.get(OVERVIEW))
    assert "No month yet has every expected figure approved or explained." in text


@pytest.mark.parametrize(
    ("role", "links"),
    [
        (roles.VIEWER, False),
        (roles.PERFORMANCE_OFFICER, True),
    ],
)
def test_links_to_enter_or_approve_only_for_those_who_may(client, db, role, links):
    a_month_of_every_kind()
    client.force_login(UserFactory(roles=[role]))

    overview = client.get(OVERVIEW, {"period": "2023-06"}).text
    area = client.get(FRONT_DOOR, {"period": "2023-06"}).text

    entry = reverse("scorecard_entry_list") + "?month=2023-06"
    area_entry = reverse("scorecard_value_entry", kwargs={"prefix": "FD", "month": "2023-06"})
    assert (entry in overview) is links
    assert (area_entry in area) is links
    assert ("Approve submitted figures</a>" in overview) is links


def test_the_overview_counts_the_months_figures_by_service_area(viewer_client):
    a_month_of_every_kind()

    text = text_of(viewer_client.get(OVERVIEW, {"period": "2023-06"}))

    assert "Figures for June 2023 by service area" in text
    assert (
        "Front Door 5 1 2 1 1 No: lacks 3 figures (2 waiting approval, 1 missing without a reason)"
    ) in text
    assert "Early Help 1 1 0 0 0 Yes" in text
