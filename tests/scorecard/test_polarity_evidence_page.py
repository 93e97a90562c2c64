"""Issue 12, section 1: the indicator page says how the indicator is judged (polarity and
tolerance, each with where it came from) and puts the council's letter beside ours with
why they differ (scorecard.judgement_evidence, templates/scorecard/includes/
indicator_judgement_evidence.html), in a fixed number of queries."""

import datetime
from decimal import Decimal as D

import pytest
from django.urls import reverse

from governance import roles
from scorecard.indicator_selectors import indicators_for_page
from scorecard.judgement_evidence import DEFAULT_TOLERANCE, UNSET_POLARITY, judgement_evidence
from tests.governance.factories import UserFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, TargetFactory

pytestmark = pytest.mark.django_db
JUNE = datetime.date(2023, 6, 1)


def evidence(ref):
    indicator = indicators_for_page().get(ref=ref)
    return judgement_evidence(indicator, list(indicator.all_values))


def lettered(value, letter, *, polarity="higher", target="85%", kind="single", low=85, high=85,
             tolerance=None, unit="percentage", reason=""):  # fmt: skip
    indicator = IndicatorFactory(
        ref="CIN8", polarity=polarity, unit=unit, amber_tolerance=tolerance,
        polarity_reason=reason,
    )  # fmt: skip
    TargetFactory(
        indicator=indicator, written=target, kind=kind, low=low, high=high, effective_from=JUNE
    )
    IndicatorValueFactory(
        indicator=indicator, period=JUNE, value=D(value), reported_rag=letter, state="approved"
    )
    return evidence("CIN8").letters[0]


@pytest.mark.parametrize(
    ("value", "letter", "options", "ours", "why"),
    [
        ("94", "G", {}, "Green", "We agree."),
        ("82", "G", {}, "Amber",
         "The council marked it Green; we judge Amber: 3 points below the 85% target, "
         "within our tolerance of 5 points."),
        ("78", "A", {}, "Red",
         "The council marked it Amber; we judge Red: 7 points below the 85% target, "
         "outside our tolerance of 5 points."),
        ("78", "A", {"tolerance": D(10)}, "Amber", "We agree."),
        ("78", "R", {"tolerance": D(10)}, "Amber",
         "The council marked it Red; we judge Amber: 7 points below the 85% target, "
         "within our tolerance of 10 points."),
        ("96", "G", {"polarity": "not_set"}, None,
         "The council marked it Green; we give no RAG. Not judged: whether higher or lower "
         "is better is not set."),
        ("96", "G", {"polarity": "not_set",
                     "reason": "Not learned: the evidence conflicts, so a person should choose"},
         None,
         "The council marked it Green; we give no RAG. Not judged: whether higher or lower "
         "is better is not set. It was not learned: the evidence conflicts, so a person should "
         "choose."),
        ("70", "N/A", {}, "Red", "The council gave no RAG (N/A) for this month."),
        ("13.9", "G", {"polarity": "lower", "target": "16-18", "kind": "band", "low": 16,
                       "high": 18, "unit": "average"}, "Green", "We agree."),
    ],
)  # fmt: skip
def test_the_councils_letter_beside_ours_says_why_they_differ(value, letter, options, ours, why):
    row = lettered(value, letter, **options)
    assert (row.ours, row.why) == (ours, why)


def test_the_page_shows_polarity_and_tolerance_with_where_they_came_from(client):
    person = UserFactory(roles=[roles.PERFORMANCE_OFFICER], full_name="Pat Lee")
    indicator = IndicatorFactory(ref="CF7", polarity="not_set")
    indicator.polarity, indicator._history_user = "higher", person
    indicator._change_reason = "Polarity: living within the borough: more is better"
    indicator.save()
    indicator.amber_tolerance = D(10)
    indicator.amber_tolerance_reason = "Learned from the council's RAG: Amber up to 10 points"
    indicator._change_reason = "Learned from evidence at the import of june.tsv"
    indicator.save()
    client.force_login(UserFactory(roles=[roles.VIEWER]))

    page = client.get(reverse("indicator_detail", kwargs={"ref": "CF7"})).text

    day = datetime.date.today()
    assert (
        f"Set by Pat Lee on {day.day} {day:%B %Y}: Polarity: living within the borough: "
        "more is better" in page
    )
    assert "Learned from the council&#x27;s RAG: Amber up to 10 points" in page
    assert "No approved month carries the council" in page


@pytest.mark.parametrize(
    ("amber_tolerance", "unit", "shown"),
    [
        (None, "percentage", "The default: 5 points"),
        (None, "count", "The default: 5% of the target"),
        (D("2.5"), "percentage", "2.5 points"),
        (D(40), "count", "40"),
    ],
)
def test_the_tolerance_in_words(amber_tolerance, unit, shown):
    IndicatorFactory(ref="WF1", unit=unit, amber_tolerance=amber_tolerance, polarity="not_set")
    assert evidence("WF1").tolerance.shown == shown
    assert evidence("WF1").polarity.source == UNSET_POLARITY
    if amber_tolerance is None:
        assert evidence("WF1").tolerance.source == DEFAULT_TOLERANCE


def test_the_same_queries_for_one_month_and_many(django_assert_num_queries):
    indicator = IndicatorFactory(ref="CIN8")
    TargetFactory(indicator=indicator, written="85%", kind="single", low=85, high=85,
                  effective_from=datetime.date(2020, 1, 1))  # fmt: skip
    IndicatorValueFactory(indicator=indicator, period=JUNE, value=D(80), reported_rag="R",
                          state="approved")  # fmt: skip
    loaded = indicators_for_page().get(ref="CIN8")
    with django_assert_num_queries(1):
        judgement_evidence(loaded, loaded.all_values)
    for month in range(1, 6):
        IndicatorValueFactory(indicator=indicator, period=datetime.date(2023, month, 1),
                              value=D(90), reported_rag="G", state="approved")  # fmt: skip
    loaded = indicators_for_page().get(ref="CIN8")
    with django_assert_num_queries(1):
        assert len(judgement_evidence(loaded, loaded.all_values).letters) == 6
