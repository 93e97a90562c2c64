"""RAG against target and direction of travel, as tables."""

from decimal import Decimal as D

import pytest

from scorecard.domain.direction import direction_of_travel
from scorecard.domain.rag import rag_against_target


@pytest.mark.parametrize(
    ("value", "kind", "low", "high", "polarity", "pct", "own", "rag", "words"),
    [
        # FD8: 85-90% band; June 2023 78.1% is 6.9 points short: Red.
        ("78.1", "band", "85", "90", "higher", True, None, "red", "6.9 points below the target"),
        ("81", "band", "85", "90", "higher", True, None, "amber", "4 points below the target"),
        ("80", "band", "85", "90", "higher", True, None, "amber", "5 points below the target"),
        ("87", "band", "85", "90", "higher", True, None, "green", "Meets the target"),
        ("92", "band", "85", "90", "higher", True, None, "green", "Meets the target"),
        ("6", "max", None, "7", "lower", True, None, "green", "Meets the target"),
        ("9", "max", None, "7", "lower", True, None, "amber", "2 points above the target"),
        ("13", "max", None, "7", "lower", True, None, "red", "6 points above the target"),
        ("66", "min", "65", None, "higher", True, None, "green", "Meets the target"),
        ("552", "single", "552", "552", "higher", False, None, "green", "Meets the target"),
        ("530", "single", "552", "552", "higher", False, None, "amber", "22 below the target"),
        ("520", "single", "552", "552", "higher", False, None, "red", "32 below the target"),
        ("17", "single", "16", "16", "lower", False, None, "red", "1 above the target"),
        ("16.5", "single", "16", "16", "lower", False, None, "amber", "0.5 above the target"),
        ("19", "band", "16", "18", "band", False, None, "red", "1 above the target"),
        ("19", "band", "16", "18", "band", False, D(2), "amber", "1 above the target"),
        ("78.1", None, None, None, "higher", True, None, None, "No target set"),
        (None, "band", "85", "90", "higher", True, None, None, "No value for this month"),
    ],
)
def test_rag_against_target(value, kind, low, high, polarity, pct, own, rag, words):
    result = rag_against_target(
        value=D(value) if value else None, kind=kind, low=D(low) if low else None,
        high=D(high) if high else None, polarity=polarity, is_percentage=pct,
        own_tolerance=own,
    )  # fmt: skip
    assert (result.rag, result.words) == (rag, words)


@pytest.mark.parametrize(
    ("current", "previous", "polarity", "band", "words", "arrow"),
    [
        ("78.1", "62", "higher", (None, None), "Up, improving", "↑"),
        ("66.1", "70", "higher", (None, None), "Down, worsening", "↓"),
        ("1302", "1221", "lower", (None, None), "Up, worsening", "↑"),
        ("2.2", "4.3", "lower", (None, None), "Down, improving", "↓"),
        ("1302", "1221", "neither", (None, None), "Up", "↑"),
        ("73", "63", "neither", (None, None), "Up", "↑"),
        ("14.44", "14.4", "higher", (None, None), "No change", "↔"),
        ("15", "14", "band", (D(16), D(18)), "Up, improving", "↑"),
        ("20", "19", "band", (D(16), D(18)), "Up, worsening", "↑"),
        ("17", "16.5", "band", (D(16), D(18)), "Up, no change", "↑"),
    ],
)
def test_direction_of_travel(current, previous, polarity, band, words, arrow):
    direction = direction_of_travel(
        current=D(current), previous=D(previous), polarity=polarity, band=band
    )
    assert (direction.words, direction.arrow) == (words, arrow)


def test_no_previous_value_no_direction():
    assert direction_of_travel(current=D(1), previous=None, polarity="higher") is None
