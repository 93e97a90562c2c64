"""The indicator page: who may read it, what it says, and that its queries do not grow."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance import roles
from scorecard.models import Benchmark, Indicator, IndicatorValue, Target
from scorecard.views.indicators import reported_in_words, target_in_words
from tests.governance.factories import PostFactory, UserFactory
from tests.improvement_plan.factories import ActionFactory
from tests.improvement_plan.link_factories import ActionIndicatorLinkFactory
from tests.scorecard.factories import (
    BenchmarkFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    TargetFactory,
)

APPROVED = IndicatorValue.State.APPROVED
STEADY = [68, 72]


def month(index: int) -> datetime.date:
    """The index-th month from July 2013."""
    return datetime.date(2013 + (6 + index) // 12, (6 + index) % 12 + 1, 1)


def make_history(indicator: Indicator, count: int, last: float | None = None) -> None:
    """`count` approved monthly values alternating 68 and 72, the last one `last`."""
    values = [STEADY[i % 2] for i in range(count)]
    if last is not None:
        values[-1] = last
    IndicatorValue.objects.bulk_create(
        IndicatorValue(indicator=indicator, period=month(i), value=v, state=APPROVED)
        for i, v in enumerate(values)
    )


def url_of(indicator: Indicator) -> str:
    return reverse("indicator_detail", kwargs={"ref": indicator.ref})


@pytest.fixture
def viewer_client(client, db):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    return client


@pytest.fixture
def indicator(db):
    indicator = IndicatorFactory(
        ref="FD1",
        title="Re-referrals within 12 months",
        definition="Referrals within 12 months of a previous one.",
        owner=PostFactory(name="Head of Front Door"),
    )
    TargetFactory(
        indicator=indicator, written="85-90%", kind=Target.Kind.BAND, low=85, high=90,
        effective_from=datetime.date(2013, 4, 1),
    )  # fmt: skip
    return indicator


def test_anonymous_people_are_sent_to_sign_in(client, indicator):
    response = client.get(url_of(indicator))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_every_role_may_read_the_indicator_page(client, user_with_role, any_role, indicator):
    make_history(indicator, 12)
    client.force_login(user_with_role(any_role))

    assert client.get(url_of(indicator)).status_code == 200


def test_an_unknown_reference_is_not_found(viewer_client):
    assert viewer_client.get(reverse("indicator_detail", kwargs={"ref": "ZZ9"})).status_code == 404


def test_the_page_describes_the_indicator(viewer_client, indicator):
    make_history(indicator, 3)
    text = viewer_client.get(url_of(indicator)).text

    for words in (
        "FD1 Re-referrals within 12 months",
        "Front Door",
        "Referrals within 12 months of a previous one.",
        "Percentage",
        "Higher is better",
        "Monthly",
        "In month",
        "Head of Front Door",
        "85-90%: at least 85.0%",
    ):
        assert words in text


def test_a_chart_with_12_values_and_its_judgements(viewer_client, indicator):
    make_history(indicator, 13, last=40)
    response = viewer_client.get(url_of(indicator))
    text = response.text

    assert 'role="img"' in text
    assert "<svg" in text
    assert "July 2014: 40.0%, special cause concern" in text
    assert "Special cause concern (outside a limit)" in text
    assert "Special cause variation: concern (low values)" in text
    assert "Consistently failing the target" in text
    assert "Not enough data" not in text


def test_fewer_than_12_values_say_there_is_not_enough_data(viewer_client, indicator):
    make_history(indicator, 11)
    text = viewer_client.get(url_of(indicator)).text

    assert "Not enough data: SPC needs at least 12 points; there are 11" in text
    assert "<svg" in text
    assert "stroke-dasharray" not in text


def test_no_values_yet(viewer_client, indicator):
    text = viewer_client.get(url_of(indicator)).text

    assert "No approved values to chart yet." in text
    assert "No values yet" in text


def test_only_approved_values_are_charted_and_pending_ones_listed_with_their_state(
    client, indicator
):
    """A performance officer works on the figure, so sees the ones not yet approved
    (who else may: tests/scorecard/test_unapproved_figures.py)."""
    client.force_login(UserFactory(roles=[roles.PERFORMANCE_OFFICER]))
    make_history(indicator, 12)
    IndicatorValueFactory(indicator=indicator, period=month(12), value=99.5, state="submitted")
    IndicatorValueFactory(indicator=indicator, period=month(13), value=12.5, state="draft")
    page = client.get(url_of(indicator)).context["page"]
    text = client.get(url_of(indicator)).text

    assert len(page.spc.points) == 12
    assert [v.value for v in page.pending] == [Decimal("99.5"), Decimal("12.5")]
    assert "Values not yet approved" in text
    assert "Submitted</strong>" in text
    assert "Draft</strong>" in text


def test_missing_values_show_their_reason(viewer_client, indicator):
    IndicatorValueFactory(
        indicator=indicator, period=month(0), value=None, missing_reason="n/a", state=APPROVED
    )
    assert "No value (not available)" in viewer_client.get(url_of(indicator)).text


def test_benchmarks_and_the_councils_reported_rag(viewer_client, indicator):
    BenchmarkFactory(indicator=indicator, comparator=Benchmark.Comparator.ENGLAND, value=82)
    BenchmarkFactory(indicator=indicator, comparator="gm", value="79.45", year="2021/22")
    IndicatorValueFactory(
        indicator=indicator, period=month(0), state=APPROVED, reported_rag="A",
        reported_direction="↑",
    )  # fmt: skip
    text = viewer_client.get(url_of(indicator)).text

    assert "England average" in text
    assert "82.0%" in text
    assert "2022/23" in text
    assert "Greater Manchester average" in text
    assert "79.5%" in text
    assert "2021/22" in text
    assert "RAG and arrow reported by the council" in text
    assert "RAG A (Amber), arrow ↑ (up)" in text


def test_linked_actions_with_their_computed_rag(viewer_client, indicator):
    overdue = ActionFactory(reference="3.2.1", description="Audit re-referrals",
                            due_date=datetime.date(2000, 1, 31))  # fmt: skip
    overdue.indicators.add(indicator)
    ActionFactory(reference="9.9.9")  # not linked
    text = viewer_client.get(url_of(indicator)).text

    assert reverse("action_detail", kwargs={"pk": overdue.pk}) in text
    assert "Action 3.2.1" in text
    assert "Audit re-referrals" in text
    assert "govuk-tag--red" in text
    assert "Overdue by" in text
    assert "31 January 2000" in text
    assert "9.9.9" not in text


def test_a_linked_actions_expected_value_is_written_in_the_indicators_unit(viewer_client):
    """As the impact page writes it: "to 15%", not "to 15"; the indicator's decimal places."""
    percentage = IndicatorFactory(unit="percentage", decimal_places=0)
    count = IndicatorFactory(unit="number", decimal_places=1)
    ActionIndicatorLinkFactory(
        indicator=percentage, expected_direction="down", expected_value=Decimal("15"),
        expected_by=datetime.date(2023, 3, 1), reason="Fewer repeat referrals",
    )  # fmt: skip
    ActionIndicatorLinkFactory(indicator=count, expected_value=Decimal("1234.25"))

    text = viewer_client.get(url_of(percentage)).text

    assert "Down, to 15% by March 2023" in text
    assert "Fewer repeat referrals" in text
    assert "As the polarity says, to 1,234.3" in viewer_client.get(url_of(count)).text


def test_the_same_number_of_queries_for_12_and_120_values(client, db, django_assert_num_queries):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    few, many = IndicatorFactory(), IndicatorFactory()
    for indicator, count in ((few, 12), (many, 120)):
        make_history(indicator, count)
        TargetFactory(indicator=indicator)
        BenchmarkFactory(indicator=indicator)
        ActionFactory().indicators.add(indicator)
    with CaptureQueriesContext(connection) as twelve:
        assert client.get(url_of(few)).status_code == 200
    expected = len(twelve)

    with django_assert_num_queries(expected):
        response = client.get(url_of(many))

    assert len(response.context["page"].spc.points) == 120


@pytest.mark.parametrize(
    ("written", "kind", "low", "high", "polarity", "words"),
    [
        ("85-90%", "band", 85, 90, "higher", "At least 85.0%"),
        (">65%", "min", 65, None, "higher", "At least 65.0%"),
        ("<7%", "max", None, 7, "lower", "At most 7.0%"),
        ("85%", "single", 85, 85, "higher", "At least 85.0%"),
        ("85%", "single", 85, 85, "band", "As close to 85.0% as possible"),
        (
            "85%",
            "single",
            85,
            85,
            "neither",
            "A single figure, not judged: this indicator is tracked, not judged",
        ),
        (
            "85%",
            "single",
            85,
            85,
            "not_set",
            "A single figure, not judged: whether above or below it is better is not set",
        ),
    ],  # fmt: skip
)
def test_the_target_in_words(written, kind, low, high, polarity, words):
    indicator = Indicator(unit="percentage", decimal_places=1, polarity=polarity)
    target = Target(written=written, kind=kind, low=low, high=high)

    assert target_in_words(target, indicator) == words
    assert target_in_words(None, indicator) == "No target set"


def test_the_reported_rag_in_words():
    assert reported_in_words("G", "↔") == "RAG G (Green), arrow ↔ (level)"
    assert reported_in_words("", "") == "Nothing reported"


ICONS = "scorecard/includes/spc_icons.html"
TWELVE = [68, 72] * 6


@pytest.mark.parametrize(
    ("values", "polarity", "variation"),
    [
        (TWELVE, "higher", "Common cause variation"),
        ([*TWELVE, 99], "higher", "Special cause variation: improvement (high values)"),
        ([*TWELVE, 40], "higher", "Special cause variation: concern (low values)"),
        (
            [*TWELVE, 40],
            "neither",
            "Special cause variation: neither improvement nor concern (low values)",
        ),
    ],
)
def test_the_icons_include_gives_each_icon_a_text_alternative_and_words(
    values, polarity, variation
):
    from django.template.loader import render_to_string

    from scorecard.domain.spc import spc

    result = spc(values, polarity=polarity, baseline=(0, 11), passing_low=50)
    html = render_to_string(ICONS, {"spc": result})

    assert f'role="img" aria-label="Variation icon: {variation}"' in html
    assert f'<span class="govuk-body-s">{variation}</span>' in html
    if polarity == "neither":
        assert "No assurance icon" in html
    else:
        assert 'aria-label="Assurance icon: Consistently passing the target"' in html


@pytest.mark.parametrize(
    ("spc_result", "compact", "words"),
    [
        (None, False, "No values yet"),
        ("few", False, "Not enough data: SPC needs at least 12 points; there are 3"),
        ("few", True, "Not enough data for SPC"),
    ],
)
def test_the_icons_include_without_enough_data(spc_result, compact, words):
    from django.template.loader import render_to_string

    from scorecard.domain.spc import spc

    result = spc([1, 2, 3], polarity="higher") if spc_result else None
    html = render_to_string(ICONS, {"spc": result, "compact": compact})

    assert words in html
    assert "<svg" not in html


def test_the_latest_figure_shows_our_rag_and_direction_in_words(viewer_client, indicator):
    make_history(indicator, 3, last=60)  # 68, 72, then 60 against 85-90%, higher is better
    text = viewer_client.get(url_of(indicator)).text

    assert "Our RAG" in text
    assert '<strong class="govuk-tag govuk-tag--red">Red</strong>' in text
    assert "Direction on the previous month" in text
    assert "Down" in text.split("Direction on the previous month", 1)[1][:400]


def test_no_rag_row_while_the_polarity_is_not_set(viewer_client, indicator):
    Indicator.objects.filter(pk=indicator.pk).update(polarity=Indicator.Polarity.NOT_SET)
    make_history(indicator, 3, last=60)
    text = viewer_client.get(url_of(indicator)).text

    assert "Our RAG" not in text
    assert "Not judged: whether higher or lower is better is not set" in text
