"""A service area's month: the council's layout, our judgements, only approved values,
the head of service and the commentary, and the month chosen with ?period=."""

import datetime
import re

import pytest
from django.urls import reverse

from governance import roles
from scorecard.models import Commentary, IndicatorValue, Section
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.scorecard.factories import (
    BenchmarkFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ServiceAreaFactory,
    TargetFactory,
)

FRONT_DOOR = reverse("scorecard_service_area", kwargs={"prefix": "FD"})
JUNE = datetime.date(2023, 6, 1)
MAY = datetime.date(2023, 5, 1)
APPROVED = IndicatorValue.State.APPROVED
ALL_COLUMNS = {"columns": "all"}  # the table at its full width (scorecard.tables)


@pytest.fixture
def viewer_client(client, db):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    return client


def approved(indicator, period, value, **kwargs):
    return IndicatorValueFactory(
        indicator=indicator, period=period, value=value, state=APPROVED, **kwargs
    )


def fd8(**kwargs):
    """FD8 as the June 2023 scorecard has it: 78.1% against 85-90%, 62% a year before."""
    indicator = IndicatorFactory(
        ref="FD8", title="MASH Screenings Completed within 72 working hours", **kwargs
    )
    approved(indicator, MAY, 80.2)
    approved(indicator, JUNE, 78.1, previous_year=62, reported_rag="R", reported_direction="↑")
    TargetFactory(indicator=indicator, written="85-90%", low=85, high=90)
    return indicator


def text_of(response) -> str:
    """The page's text with tags dropped and spaces run together."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.text).split())


def test_the_page_defaults_to_the_latest_month_with_approved_values(viewer_client):
    indicator = fd8()
    IndicatorValueFactory(indicator=indicator, period=datetime.date(2023, 7, 1), value=99.9)

    response = viewer_client.get(FRONT_DOOR, ALL_COLUMNS)
    text = text_of(response)

    assert response.context["period"] == JUNE
    assert "Performance scorecard, FD, June 2023" in text
    assert "Jan 23 Feb 23 Mar 23 Apr 23 May 23 Jun 23" in text
    assert "Jul 23" not in text
    assert "99.9%" not in text  # a draft: never shown


def test_a_month_is_chosen_with_period_and_offered_in_a_select(viewer_client):
    fd8()

    response = viewer_client.get(FRONT_DOOR, {"period": "2023-05", **ALL_COLUMNS})
    text = text_of(response)

    assert response.context["period"] == MAY
    assert "Dec 22 Jan 23 Feb 23 Mar 23 Apr 23 May 23" in text
    assert "Jun 23" not in text
    assert '<option value="2023-06">June 2023</option>' in response.text
    assert '<option value="2023-05" selected>May 2023</option>' in response.text
    assert '<label class="govuk-label" for="id_period">Month</label>' in response.text


@pytest.mark.parametrize(
    ("asked", "why"),
    [
        ("2023-13", "“2023-13” is not a month written as year and month, such as 2023-06."),
        ("June", "“June” is not a month written as year and month, such as 2023-06."),
        ("0000-01", "“0000-01” is not a month written as year and month, such as 2023-06."),
        ("2019-01", "There are no figures for January 2019."),
    ],
)
def test_an_unknown_or_malformed_month_falls_back_with_a_message(viewer_client, asked, why):
    fd8()

    response = viewer_client.get(FRONT_DOOR, {"period": asked})

    assert response.status_code == 200
    assert response.context["period"] == JUNE
    text = text_of(response)
    showing = "Showing June 2023, the latest month with every figure approved or explained."
    assert f"{why} {showing}" in text


def test_only_approved_values_appear_and_the_page_says_so(viewer_client):
    indicator = fd8()
    IndicatorValueFactory(indicator=indicator, period=datetime.date(2023, 4, 1), value=11.1)
    IndicatorValueFactory(
        indicator=indicator, period=datetime.date(2023, 3, 1), value=22.2,
        state=IndicatorValue.State.SUBMITTED,
    )  # fmt: skip

    text = text_of(viewer_client.get(FRONT_DOOR))

    assert "11.1%" not in text
    assert "22.2%" not in text
    assert "Only approved figures are shown" in text
    assert "Not reported" in text


def test_the_row_has_the_councils_columns_and_ours(viewer_client):
    indicator = fd8()
    for comparator, value in (("gm", 81), ("nw", 80), ("sn", 83), ("england", 84)):
        BenchmarkFactory(indicator=indicator, comparator=comparator, value=value, year="2021/22")

    response = viewer_client.get(FRONT_DOOR, ALL_COLUMNS)
    text = text_of(response)

    headers = (
        "Ref Indicator Jan 23 Feb 23 Mar 23 Apr 23 May 23 Jun 23 Previous year Target "
        "Greater Manchester average (2021/22) North West average (2021/22) "
        "Statistical neighbour average (2021/22) England average (2021/22) RAG "
        "Direction on previous period SPC"
    )
    assert headers in text
    assert (
        "FD8 MASH Screenings Completed within 72 working hours Not reported Not reported "
        "Not reported Not reported 80.2% 78.1% 62.0% 85-90% 81.0% 80.0% 83.0% 84.0% "
        "Red 6.9 points below the target Council: Red Down, worsening ↓ Council’s arrow: up ↑"
    ) in text
    detail = reverse("indicator_detail", kwargs={"ref": "FD8"})
    assert f'<a class="govuk-link" href="{detail}">MASH Screenings' in response.text
    assert 'class="app-table-region" role="region" tabindex="0"' in response.text


@pytest.mark.parametrize(
    ("value", "previous", "polarity", "tag", "direction"),
    [
        (88, 84, "higher", '<strong class="govuk-tag govuk-tag--green">Green</strong>',
         "Up, improving ↑"),
        (82, 84, "higher", '<strong class="govuk-tag govuk-tag--orange">Amber</strong>',
         "Down, worsening ↓"),
        (70, 70, "higher", '<strong class="govuk-tag govuk-tag--red">Red</strong>', "No change"),
    ],
)  # fmt: skip
def test_rag_is_a_tag_with_the_word_and_direction_is_in_words(
    viewer_client, value, previous, polarity, tag, direction
):
    indicator = IndicatorFactory(ref="FD9", polarity=polarity)
    approved(indicator, MAY, previous)
    approved(indicator, JUNE, value)
    TargetFactory(indicator=indicator)

    response = viewer_client.get(FRONT_DOOR)

    assert tag in response.text
    assert direction in text_of(response)


def test_no_target_and_no_value_are_said_in_words(viewer_client):
    no_target = IndicatorFactory(ref="FD1", polarity="band", unit="count", decimal_places=0)
    approved(no_target, MAY, 1221)
    approved(no_target, JUNE, 1302)
    missing = IndicatorFactory(ref="FD2")
    approved(missing, JUNE, None, missing_reason="Not Yet Available")
    TargetFactory(indicator=missing)

    response = viewer_client.get(FRONT_DOOR)
    text = text_of(response)

    assert '<strong class="govuk-tag govuk-tag--grey">No target</strong>' in response.text
    assert '<strong class="govuk-tag govuk-tag--grey">No value</strong>' in response.text
    assert "1,221 1,302" in text
    assert "Up ↑" in text  # a band with no target: no judgement
    assert "No value (not yet available)" in text
    assert "No value this month" in text


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("n/a", "No value (not available)"),
        ("-", "No value (no reason given)"),
        ("Not Yet Available", "No value (not yet available)"),
        ("Case system outage", "No value (Case system outage)"),
    ],
)
def test_missing_values_give_their_reason_in_words(viewer_client, written, shown):
    indicator = fd8()
    approved(indicator, datetime.date(2023, 4, 1), None, missing_reason=written)

    assert f"Not reported {shown} 80.2%" in text_of(viewer_client.get(FRONT_DOOR, ALL_COLUMNS))


def test_the_target_in_force_for_the_month_is_shown(viewer_client):
    indicator = fd8()
    TargetFactory(indicator=indicator, written="95%", kind="single", low=95, high=95,
                  effective_from=datetime.date(2023, 7, 1))  # fmt: skip

    text = text_of(viewer_client.get(FRONT_DOOR))

    assert "85-90%" in text
    assert "95%" not in text


def test_benchmark_years_differing_between_rows_go_in_the_cells(viewer_client):
    first, second = fd8(), IndicatorFactory(ref="FD9")
    approved(second, JUNE, 50)
    BenchmarkFactory(indicator=first, comparator="england", value=84, year="2021/22")
    BenchmarkFactory(indicator=second, comparator="england", value=70, year="2022/23")
    BenchmarkFactory(indicator=second, comparator="england", value=71, year="2023/24")

    text = text_of(viewer_client.get(FRONT_DOOR, ALL_COLUMNS))

    assert "England average RAG" in text  # no year in the header
    assert "84.0% (2021/22)" in text
    assert "70.0% (2022/23)" in text
    assert "71.0%" not in text  # 2023/24 had not ended in June 2023


def test_sections_are_sub_headings_in_order(viewer_client):
    area = ServiceAreaFactory(prefix="FD")
    outcomes = Section.objects.create(service_area=area, title="Outcomes", order=2)
    where = Section.objects.create(service_area=area, title="Where We Live", order=1)
    for ref, section in (("FD1", outcomes), ("FD2", where)):
        approved(IndicatorFactory(ref=ref, section=section, service_area=area), JUNE, 50)

    response = viewer_client.get(FRONT_DOOR)
    text = text_of(response)

    assert '<h3 class="govuk-heading-m">Where We Live</h3>' in response.text
    assert text.index("Where We Live") < text.index("FD2") < text.index("Outcomes")
    assert text.index("Outcomes") < text.index("FD1")
    assert 'aria-label="Outcomes indicators"' in response.text


def test_the_head_of_service_and_its_current_holder_are_named(viewer_client):
    post = PostFactory(name="HoS Adolescent Services", title="Head of Service")
    ServiceAreaFactory(prefix="FD", head_of_service=post)
    fd8()
    PostHolderFactory(post=post, person=UserFactory(full_name="Jane Darrington"),
                      start_date=datetime.date(2022, 1, 1))  # fmt: skip
    PostHolderFactory(post=post, person=UserFactory(full_name="Former Head"),
                      start_date=datetime.date(2019, 1, 1),
                      end_date=datetime.date(2021, 12, 31))  # fmt: skip

    text = text_of(viewer_client.get(FRONT_DOOR))

    assert "Head of service HoS Adolescent Services (Head of Service)" in text
    assert "Held by Jane Darrington" in text
    assert "Former Head" not in text


def test_approved_commentary_for_the_month_is_shown(viewer_client):
    indicator = fd8()
    area = indicator.service_area
    Commentary.objects.create(service_area=area, period=JUNE, state=Commentary.State.APPROVED,
                              text="Contacts rose in May and June.")  # fmt: skip
    Commentary.objects.create(service_area=area, period=MAY, text="A draft for May.")

    june = text_of(viewer_client.get(FRONT_DOOR))
    may = text_of(viewer_client.get(FRONT_DOOR, {"period": "2023-05"}))

    assert "Commentary for June 2023 Contacts rose in May and June." in june
    assert "No commentary for this month" in may
    assert "A draft for May." not in may


def test_spc_icons_say_what_they_mean(viewer_client):
    indicator = IndicatorFactory(ref="FD3")
    history = [80, 81, 80, 79, 80, 81, 80, 79, 80, 81, 80, 79, 50]
    for n, value in enumerate(history):
        approved(indicator, datetime.date(2022, 6 + n, 1) if n < 7 else
                 datetime.date(2023, n - 6, 1), value)  # fmt: skip

    response = viewer_client.get(FRONT_DOOR)

    assert "Special cause variation: concern (low values)" in response.text
    assert 'aria-label="Variation icon: Special cause variation: concern' in response.text


def test_an_area_without_approved_values_lists_its_indicators(viewer_client):
    IndicatorFactory(ref="FD9")

    text = text_of(viewer_client.get(FRONT_DOOR))

    assert "No figures have been approved for this service area yet." in text
    assert "FD9" in text
    assert "No commentary for this month" in text


def test_an_unknown_service_area_is_not_found(viewer_client):
    url = reverse("scorecard_service_area", kwargs={"prefix": "ZZ"})

    assert viewer_client.get(url).status_code == 404


def test_a_quarterly_indicator_is_compared_with_the_quarter_before(viewer_client):
    """Direction uses the previous period by frequency (scorecard.domain.periods)."""
    indicator = IndicatorFactory(ref="FD20", frequency="quarterly", polarity="higher")
    approved(indicator, datetime.date(2023, 3, 1), 70)
    approved(indicator, JUNE, 75)
    quarterly_alone = IndicatorFactory(ref="FD21", frequency="quarterly", polarity="higher")
    approved(quarterly_alone, JUNE, 75)

    text = text_of(viewer_client.get(FRONT_DOOR + "?period=2023-06"))

    assert "Up, improving" in text
    assert "No figure for the previous quarter" in text


@pytest.mark.parametrize(
    ("role", "shown", "hidden"),
    [
        (roles.VIEWER, [], ["Enter a month", "Approve submitted", "Import a scorecard"]),
        (
            roles.PERFORMANCE_OFFICER,
            ["Enter a month", "Approve submitted", "Import a scorecard"],
            [],
        ),
        (roles.DIRECTOR, ["Approve submitted"], ["Import a scorecard"]),
    ],
)
def test_the_overview_links_to_the_tasks_the_role_may_do(client, db, role, shown, hidden):
    client.force_login(UserFactory(roles=[role]))

    text = text_of(client.get(reverse("scorecard_overview")))

    assert all(words in text for words in shown)
    assert not any(words in text for words in hidden)
