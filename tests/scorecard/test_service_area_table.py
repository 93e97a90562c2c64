"""The service-area table (issue 12, section 7): at first the last 3 months with value,
RAG, direction and SPC, fitting the screen; opened, every month, the previous year and
benchmarks; the council's own RAG letter and arrow beside ours, in words."""

import datetime
import re

import pytest
from django.urls import reverse

from governance import roles
from scorecard.council_words import council_arrow_in_words, council_rag_in_words
from scorecard.models import IndicatorValue
from tests.governance.factories import UserFactory
from tests.scorecard.factories import (
    BenchmarkFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    TargetFactory,
)

FRONT_DOOR = reverse("scorecard_service_area", kwargs={"prefix": "FD"})
JUNE = datetime.date(2023, 6, 1)
APPROVED = IndicatorValue.State.APPROVED


@pytest.fixture
def viewer_client(client, db):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    return client


def text_of(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.text).split())


def indicator_with(value, *, letter="", arrow="", polarity="higher", **target):
    """FD8 with its May and June 2023 figures, the June one carrying the council's letter."""
    indicator = IndicatorFactory(ref="FD8", title="Screenings on time", polarity=polarity)
    IndicatorValueFactory(indicator=indicator, period=datetime.date(2023, 5, 1), value=80,
                          state=APPROVED)  # fmt: skip
    IndicatorValueFactory(indicator=indicator, period=JUNE, value=value, state=APPROVED,
                          reported_rag=letter, reported_direction=arrow)  # fmt: skip
    TargetFactory(indicator=indicator, **(target or {"written": "85-90%", "low": 85, "high": 90}))
    BenchmarkFactory(indicator=indicator, comparator="england", value=84, year="2021/22")
    return indicator


def test_at_first_the_last_three_months_and_our_judgements(viewer_client):
    indicator_with(78.1)

    response = viewer_client.get(FRONT_DOOR, {"period": "2023-06"})
    text = text_of(response)

    assert "Ref Indicator Apr 23 May 23 Jun 23 Target RAG Direction on previous period SPC" in text
    assert "Mar 23" not in text
    assert "Previous year" not in text
    assert "England average" not in text
    link = f"{FRONT_DOOR}?period=2023-06&amp;columns=all"
    assert f'<a class="govuk-link" href="{link}">Show 6 months, the previous year' in response.text


def test_opened_every_month_the_previous_year_and_benchmarks(viewer_client):
    indicator_with(78.1)

    response = viewer_client.get(FRONT_DOOR, {"period": "2023-06", "columns": "all"})
    text = text_of(response)

    assert "Jan 23 Feb 23 Mar 23 Apr 23 May 23 Jun 23 Previous year Target" in text
    assert "England average (2021/22) RAG Direction on previous period SPC" in text
    assert f'href="{FRONT_DOOR}?period=2023-06">Show the last 3 months only' in response.text


@pytest.mark.parametrize(
    ("value", "letter", "polarity", "words"),
    [
        (78.1, "R", "higher", "Red 6.9 points below the target Council: Red Down"),
        (88, "G", "higher", "Green Meets the target Council: Green Up"),
        (78.1, "G", "higher", "Red 6.9 points below the target Council: Green, not as ours Down"),
        (78.1, "N/A", "higher", "Council: not rated (N/A) Down"),
        (78.1, "G", "not_set", "Not judged: whether higher or lower is better is not set "
                               "Council: Green Down"),
        (78.1, "", "higher", "Red 6.9 points below the target Down"),
    ],
)  # fmt: skip
def test_the_councils_letter_beside_ours_in_words(viewer_client, value, letter, polarity, words):
    indicator_with(value, letter=letter, polarity=polarity)

    text = text_of(viewer_client.get(FRONT_DOOR, {"period": "2023-06"}))

    assert words in text


def test_the_councils_arrow_beside_our_direction(viewer_client):
    indicator_with(78.1, arrow="↑")

    text = text_of(viewer_client.get(FRONT_DOOR, {"period": "2023-06"}))

    assert "Down, worsening ↓ Council’s arrow: up ↑" in text


@pytest.mark.parametrize(
    ("letter", "words"),
    [("R", "Council: Red"), ("a", "Council: Amber"), (" G ", "Council: Green"),
     ("N/A", "Council: not rated (N/A)"), ("", ""), ("X", "Council: X")],
)  # fmt: skip
def test_council_rag_in_words(letter, words):
    assert council_rag_in_words(letter) == words


@pytest.mark.parametrize(
    ("arrow", "words"),
    [("↑", "Council’s arrow: up ↑"), ("↔", "Council’s arrow: level ↔"), ("", ""),
     ("←", "Council’s arrow: as published ←")],
)  # fmt: skip
def test_council_arrow_in_words(arrow, words):
    assert council_arrow_in_words(arrow) == words
