"""The target rule (scorecard.domain.targets), as a table."""

from decimal import Decimal

import pytest

from scorecard.domain.targets import parse_target
from scorecard.models import Indicator, Target

HIGHER = Indicator.Polarity.HIGHER_IS_BETTER
LOWER = Indicator.Polarity.LOWER_IS_BETTER


@pytest.mark.parametrize(
    ("written", "kind", "low", "high", "is_percentage", "polarity"),
    [
        ("85%", Target.Kind.SINGLE, "85", "85", True, ""),
        ("552", Target.Kind.SINGLE, "552", "552", False, ""),
        ("16", Target.Kind.SINGLE, "16", "16", False, ""),
        ("2.1%", Target.Kind.SINGLE, "2.1", "2.1", True, ""),
        ("2,175", Target.Kind.SINGLE, "2175", "2175", False, ""),
        ("85-90%", Target.Kind.BAND, "85", "90", True, ""),
        ("16-18", Target.Kind.BAND, "16", "18", False, ""),
        ("20-24%", Target.Kind.BAND, "20", "24", True, ""),
        ("14-22%", Target.Kind.BAND, "14", "22", True, ""),
        ("85% - 90%", Target.Kind.BAND, "85", "90", True, ""),
        ("16 to 18", Target.Kind.BAND, "16", "18", False, ""),
        ("<7%", Target.Kind.MAX, None, "7", True, LOWER),
        ("<=5", Target.Kind.MAX, None, "5", False, LOWER),
        ("≤ 5", Target.Kind.MAX, None, "5", False, LOWER),
        (">65%", Target.Kind.MIN, "65", None, True, HIGHER),
        (">=90%", Target.Kind.MIN, "90", None, True, HIGHER),
        ("≥90%", Target.Kind.MIN, "90", None, True, HIGHER),
    ],
)
def test_targets(written, kind, low, high, is_percentage, polarity):
    target = parse_target(written)

    assert target.kind == kind
    assert target.low == (Decimal(low) if low else None)
    assert target.high == (Decimal(high) if high else None)
    assert target.is_percentage is is_percentage
    assert target.polarity == polarity
    assert target.written == written.strip()
    assert not target.error


@pytest.mark.parametrize("written", ["", "  ", None])
def test_an_empty_target_is_none(written):
    assert parse_target(written) is None


@pytest.mark.parametrize("written", ["tbc", "90-85%", "<", ">abc", "85%-", "1-2-3"])
def test_unreadable_targets_are_errors(written):
    target = parse_target(written)

    assert target.error
    assert target.kind == ""
