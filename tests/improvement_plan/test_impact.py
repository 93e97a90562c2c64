"""improvement_plan.domain.impact: how an indicator moved since an action started, in words."""

import datetime
from decimal import Decimal

import pytest

from improvement_plan.domain import impact
from improvement_plan.domain.impact import judge_impact, start_month

START = datetime.date(2023, 1, 1)
TODAY = datetime.date(2024, 6, 15)


def months(count: int, first=datetime.date(2022, 1, 1)):
    out, day = [], first
    for _ in range(count):
        out.append(day)
        day = datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out


def series(before: list, since: list):
    """Figures for the months just before START, then from START (January 2023)."""
    values = [*before, *since]
    first = datetime.date(2023 - (len(before) + 11) // 12, (-len(before)) % 12 + 1, 1)
    periods = months(len(values), first)
    return list(zip(periods, [None if v is None else Decimal(v) for v in values], strict=True))


FLAT = [50, 52, 49, 51, 50, 48, 52, 50, 49, 51, 50, 50]
HIGHER_SINCE = [60, 61, 62, 60, 61, 62, 63]
LOWER_SINCE = [40, 39, 41, 40, 38, 39, 40]
NOISE_SINCE = [51, 49, 50, 52, 48]


@pytest.mark.parametrize(
    ("polarity", "direction", "before", "since", "verdict"),
    [
        # Higher is better, expected as the polarity says: up is as expected.
        ("higher", "polarity", FLAT, HIGHER_SINCE, impact.AS_EXPECTED),
        ("higher", "polarity", FLAT, LOWER_SINCE, impact.WRONG_WAY),
        ("higher", "polarity", FLAT, NOISE_SINCE, impact.NO_SIGNAL),
        # Lower is better: down is as expected.
        ("lower", "polarity", FLAT, LOWER_SINCE, impact.AS_EXPECTED),
        ("lower", "polarity", FLAT, HIGHER_SINCE, impact.WRONG_WAY),
        # The link's own way wins over the polarity's (an action may aim to raise a
        # count whose lower is better, as with finding more children who need help).
        ("lower", "up", FLAT, HIGHER_SINCE, impact.AS_EXPECTED),
        ("higher", "down", FLAT, HIGHER_SINCE, impact.WRONG_WAY),
        # Not set or neither: never judged, whatever the figures do.
        ("not_set", "up", FLAT, HIGHER_SINCE, impact.NOT_JUDGED),
        ("neither", "polarity", FLAT, HIGHER_SINCE, impact.NOT_JUDGED),
        ("", "polarity", FLAT, HIGHER_SINCE, impact.NOT_JUDGED),
        # No figure before, or none since: not enough data.
        ("higher", "polarity", [], HIGHER_SINCE * 2, impact.NOT_ENOUGH),
        ("higher", "polarity", FLAT, [], impact.NOT_ENOUGH),
        ("higher", "polarity", FLAT, [None, None], impact.NOT_ENOUGH),
        # Fewer than 12 figures in all: judged by the tolerance instead (tests below).
        ("higher", "polarity", [50, 51, 49], [60, 61, 62], impact.AS_EXPECTED),
        # Fewer than 12 before, 12 in all: limits from every figure; a shift still shows.
        ("higher", "polarity", [50, 49, 51, 50, 50], HIGHER_SINCE, impact.AS_EXPECTED),
    ],
)
def test_judgement(polarity, direction, before, since, verdict):
    found = judge_impact(
        series=series(before, since), polarity=polarity, direction=direction,
        start=START, today=TODAY,
    )  # fmt: skip
    assert found.verdict == verdict
    assert found.reason


def test_not_judged_says_why_in_words():
    found = judge_impact(
        series=series(FLAT, HIGHER_SINCE), polarity="not_set", direction="up",
        start=START, today=TODAY,
    )  # fmt: skip
    assert found.words == "Not judged"
    assert found.reason == "Not judged: whether higher or lower is better is not set"


@pytest.mark.parametrize(
    ("band", "before", "since", "verdict"),
    [
        # Below the band, expected up into it.
        ((Decimal(58), Decimal(65)), FLAT, HIGHER_SINCE, impact.AS_EXPECTED),
        ((Decimal(58), Decimal(65)), FLAT, LOWER_SINCE, impact.WRONG_WAY),
        # Above the band, expected down.
        ((Decimal(30), Decimal(42)), FLAT, LOWER_SINCE, impact.AS_EXPECTED),
        # Inside the band: a signal that stays inside is as expected, one leaving it not.
        ((Decimal(45), Decimal(65)), FLAT, HIGHER_SINCE, impact.AS_EXPECTED),
        ((Decimal(45), Decimal(55)), FLAT, HIGHER_SINCE, impact.WRONG_WAY),
        # No band to move into: not enough data.
        (None, FLAT, HIGHER_SINCE, impact.NOT_ENOUGH),
    ],
)
def test_band(band, before, since, verdict):
    found = judge_impact(
        series=series(before, since), polarity="band", direction="polarity",
        start=START, today=TODAY, band=band,
    )  # fmt: skip
    assert found.verdict == verdict


def test_figures_before_and_since_are_kept_to_explain_the_judgement():
    found = judge_impact(
        series=series(FLAT, HIGHER_SINCE), polarity="higher", direction="polarity",
        start=START, today=TODAY,
    )  # fmt: skip
    assert (found.before.count, found.before.latest) == (12, Decimal(50))
    assert found.before.latest_period == datetime.date(2022, 12, 1)
    assert (found.since.count, found.since.latest) == (7, Decimal(63))
    assert "against limits from the 12 figures before January 2023" in found.reason
    assert found.expected_way == impact.UP


@pytest.mark.parametrize(
    ("value", "by", "words"),
    [
        (Decimal(60), None, "The latest figure, 63, has reached the expected 60."),
        (
            Decimal(70), datetime.date(2024, 3, 1),
            "Expected to reach 70 by March 2024; the latest figure is 63. That month has passed.",
        ),
        (
            Decimal(70), datetime.date(2024, 9, 1),
            "Expected to reach 70 by September 2024; the latest figure is 63.",
        ),
        (None, datetime.date(2024, 9, 1), ""),
    ],
)  # fmt: skip
def test_target_words(value, by, words):
    found = judge_impact(
        series=series(FLAT, HIGHER_SINCE), polarity="higher", direction="polarity",
        start=START, today=TODAY, expected_value=value, expected_by=by,
    )  # fmt: skip
    assert found.target_words == words


@pytest.mark.parametrize(
    ("action_start", "linked_on", "expected"),
    [
        (datetime.date(2022, 6, 20), datetime.date(2023, 3, 9), datetime.date(2022, 6, 1)),
        (None, datetime.date(2023, 3, 9), datetime.date(2023, 3, 1)),
    ],
)
def test_start_is_the_actions_when_known_else_the_links(action_start, linked_on, expected):
    assert start_month(action_start, linked_on) == expected


OCT, JUN = datetime.date(2022, 10, 1), datetime.date(2023, 6, 1)
PLAN_START = datetime.date(2022, 6, 1)


@pytest.mark.parametrize(
    ("polarity", "direction", "quoted", "figures", "own", "verdict"),
    [
        # The council's previous-year figure is the "before"; 5 points is the tolerance.
        ("lower", "polarity", 34, [22], None, impact.AS_EXPECTED),
        ("higher", "polarity", 72, [63], None, impact.WRONG_WAY),
        ("higher", "polarity", 62, [58], None, impact.NO_SIGNAL),
        ("higher", "polarity", 62, [67], None, impact.NO_SIGNAL),  # 5 points is not more
        ("higher", "polarity", 62, [67.1], None, impact.AS_EXPECTED),
        ("higher", "up", 88, [88], None, impact.NO_SIGNAL),
        # The latest figure since decides: October down, June back up past the tolerance.
        ("higher", "polarity", 62, [58, 78.1], None, impact.AS_EXPECTED),
        # The council's own tolerance, wider than ours, is used.
        ("lower", "polarity", 34, [22], Decimal(15), impact.NO_SIGNAL),
        # Never judged without a polarity, quoted figure or not.
        ("not_set", "up", 34, [22], None, impact.NOT_JUDGED),
        # No quoted figure and no monthly one before: not enough data.
        ("higher", "polarity", None, [58], None, impact.NOT_ENOUGH),
    ],
)
def test_by_the_tolerance_from_the_quoted_previous_year(
    polarity, direction, quoted, figures, own, verdict
):
    periods = [OCT, JUN][: len(figures)]
    found = judge_impact(
        series=[(p, Decimal(str(v))) for p, v in zip(periods, figures, strict=True)],
        polarity=polarity, direction=direction, start=PLAN_START, today=TODAY,
        year_earlier=[(p, None if quoted is None else Decimal(quoted)) for p in periods],
        is_percentage=True, own_tolerance=own,
    )  # fmt: skip
    assert found.verdict == verdict
    assert found.reason


def test_tolerance_judgement_says_what_it_rests_on():
    found = judge_impact(
        series=[(OCT, Decimal(22))], polarity="lower", direction="polarity",
        start=PLAN_START, today=TODAY, year_earlier=[(OCT, Decimal(34))],
        is_percentage=True, show=lambda value: f"{value:.0f}%",
    )  # fmt: skip
    assert found.basis == impact.BY_TOLERANCE
    assert found.before.quoted_with == OCT
    assert found.reason == (
        "1 monthly figure, fewer than the 12 SPC needs, so this is judged by the amber "
        "tolerance of 5 points, not by SPC: from 34% (the previous year's, as quoted in "
        "October 2022) to 22% in October 2022, down 12 points; it was expected to move down."
    )


def test_a_quoted_figure_is_used_only_where_its_year_began_before_the_start():
    """A figure quoted with a month more than a year after the start describes a year
    the action was already running in: it is no "before"."""
    late = datetime.date(2023, 7, 1)
    found = judge_impact(
        series=[(late, Decimal(22))], polarity="lower", direction="polarity",
        start=PLAN_START, today=TODAY, year_earlier=[(late, Decimal(34))],
    )  # fmt: skip
    assert found.verdict == impact.NOT_ENOUGH
    assert "no previous-year figure was quoted" in found.reason


def test_monthly_figures_before_win_over_the_quoted_one():
    found = judge_impact(
        series=[(datetime.date(2022, 5, 1), Decimal(25)), (OCT, Decimal(22))],
        polarity="lower", direction="polarity", start=PLAN_START, today=TODAY,
        year_earlier=[(OCT, Decimal(34))], is_percentage=True,
    )  # fmt: skip
    assert found.before.quoted_with is None
    assert found.verdict == impact.NO_SIGNAL  # 25 to 22 is within 5 points


@pytest.mark.parametrize(
    ("latest", "verdict"),
    [(17, impact.AS_EXPECTED), (18.5, impact.NO_SIGNAL), (20, impact.WRONG_WAY)],
)
def test_staying_in_a_band_by_the_tolerance(latest, verdict):
    found = judge_impact(
        series=[(datetime.date(2022, 5, 1), Decimal(17)), (OCT, Decimal(str(latest)))],
        polarity="band", direction="polarity", start=PLAN_START, today=TODAY,
        band=(Decimal(16), Decimal(18)), own_tolerance=Decimal(1),
    )  # fmt: skip
    assert found.verdict == verdict
