"""SPC after NHS England's "Making Data Count": limits, the four rules, labels, icons."""

import datetime
from decimal import Decimal

import pytest

from scorecard.domain import spc as rules
from scorecard.domain.spc import spc

SPIKE = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]
DIP = [89, 86, 75, 77, 81, 74, 72, 78, 76, 82, 77, 54, 66, 77, 86]
# Alternating about 10 with a moving range of 2: mean 10, limits 4.68 and 15.32,
# two-thirds of the way at 6.453... and 13.546...
STEADY = [9, 11] * 7


def labels(result):
    return [p.label for p in result.points]


def flagged(result):
    return [i for i, p in enumerate(result.points) if p.special_cause]


# The published reference results. The first series' upper limit is 6.95150...
# exactly, which the reference writes (truncated) as 6.951; the others round.
@pytest.mark.parametrize(
    ("values", "mean", "lower", "upper"),
    [(SPIKE, "1.944", "-3.063", "6.951"), (DIP, "76.667", "57.097", "96.237")],
)
def test_the_published_reference_limits(values, mean, lower, upper):
    limits = spc(values, polarity="higher").limits

    assert abs(limits.mean - Decimal(mean)) < Decimal("0.001")
    assert abs(limits.lower - Decimal(lower)) < Decimal("0.001")
    assert abs(limits.upper - Decimal(upper)) < Decimal("0.001")


def test_the_limits_are_exactly_mean_plus_or_minus_2_66_mean_moving_ranges():
    limits = spc(SPIKE, polarity="higher").limits
    mean, moving_range = Decimal(35) / 18, Decimal(32) / 17

    assert limits.mean == mean
    assert limits.mean_moving_range == moving_range
    assert limits.upper == mean + Decimal("2.66") * moving_range
    assert limits.lower == mean - Decimal("2.66") * moving_range
    assert round(limits.upper, 4) == Decimal("6.9515")


@pytest.mark.parametrize(
    ("polarity", "label"),
    [("higher", "improvement"), ("lower", "concern"), ("band", "neutral"), ("neither", "neutral")],
)
def test_point_5_of_the_first_reference_is_special_cause_by_polarity(polarity, label):
    result = spc(SPIKE, polarity=polarity)

    assert flagged(result) == [4]
    assert result.points[4].label == label
    assert result.points[4].side == "high"
    assert result.points[4].rules == (rules.OUTSIDE,)


@pytest.mark.parametrize(("polarity", "label"), [("higher", "concern"), ("lower", "improvement")])
def test_54_falls_below_the_lower_limit_of_the_second_reference(polarity, label):
    result = spc(DIP, polarity=polarity)
    point = result.points[11]

    assert point.value == 54
    assert point.value < result.limits.lower
    assert rules.OUTSIDE in point.rules
    assert point.side == "low"
    assert point.label == label


def test_common_cause_points_are_labelled_so():
    result = spc(STEADY, polarity="higher")

    assert set(labels(result)) == {"common cause"}
    assert result.points[0].words == "common cause"
    assert result.variation.code == "common_cause"


@pytest.mark.parametrize(("length", "flags"), [(6, []), (7, list(range(12, 19)))])
def test_a_run_of_7_on_one_side_of_the_mean_is_special_cause_but_6_is_not(length, flags):
    # 12 points about a mean of 10 ending below it, then points above it.
    values = [11, 9] * 6 + [Decimal("11.5"), Decimal("11.4")] * 4
    values = values[: 12 + length]
    run = rules.runs([Decimal(v) for v in values], Decimal(10))

    assert sorted(i for i in run if i >= 12) == flags
    assert all(side == "high" for i, side in run.items() if i >= 12)


def test_a_point_on_the_mean_breaks_a_run():
    values = [Decimal(v) for v in [11, 11, 11, 10, 11, 11, 11, 11]]

    assert rules.runs(values, Decimal(10)) == {}


def test_a_run_below_the_mean_is_concern_when_higher_is_better():
    values = STEADY[:12] + [Decimal("9.4"), Decimal("9.3")] * 4
    result = spc(values[:19], polarity="higher", baseline=(0, 11))

    assert flagged(result) == list(range(12, 19))
    assert {p.label for p in result.points[12:]} == {"concern"}
    assert all(rules.RUN in p.rules for p in result.points[12:])


@pytest.mark.parametrize(("length", "flags"), [(6, {}), (7, dict.fromkeys(range(7), "high"))])
def test_7_points_rising_are_a_trend_but_6_are_not(length, flags):
    values = [Decimal(v) for v in range(1, length + 1)]

    assert rules.trends(values) == flags


def test_7_points_falling_are_a_trend_and_all_7_are_flagged():
    values = [Decimal(v) for v in [5, 20, 19, 18, 17, 16, 15, 14, 30]]

    assert rules.trends(values) == dict.fromkeys(range(1, 8), "low")


def test_an_equal_value_breaks_a_trend():
    values = [Decimal(v) for v in [1, 2, 3, 3, 4, 5, 6, 7]]

    assert rules.trends(values) == {}


def test_a_rising_trend_is_improvement_when_higher_is_better():
    values = STEADY[:12] + [Decimal(v) for v in ("8", "8.5", "9", "9.5", "10.5", "11", "11.5")]
    result = spc(values, polarity="higher", baseline=(0, 11))

    assert flagged(result)[-7:] == list(range(12, 19))
    assert all(rules.TREND in p.rules for p in result.points[12:])
    assert result.points[-1].label == "improvement"
    assert result.variation.code == "improvement_high"


@pytest.mark.parametrize(
    ("tail", "flags"),
    [
        ([14, 10, 14], [12, 14]),  # 2 of 3 beyond 13.546 on the high side: both flagged
        ([14, 10, 10], []),  # 1 of 3
        ([14, 10, 6], []),  # 1 high, 1 low: not the same side
        ([6, 6, 10], [12, 13]),  # 2 of 3 below 6.453
    ],
)
def test_2_of_3_beyond_two_thirds_of_the_way_to_a_limit(tail, flags):
    values = STEADY[:12] + tail
    result = spc(values, polarity="neither", baseline=(0, 11))

    assert [i for i, p in enumerate(result.points) if rules.TWO_OF_THREE in p.rules] == flags


def test_two_thirds_of_the_way_to_the_limits():
    limits = rules.xmr_limits([Decimal(v) for v in STEADY])

    assert limits.upper == Decimal("15.32")
    assert round(limits.upper_two_thirds, 3) == Decimal("13.547")
    assert round(limits.lower_two_thirds, 3) == Decimal("6.453")


def test_the_strongest_rule_gives_the_side():
    # A high point outside the limit at the end of a falling run: outside wins.
    values = [Decimal(v) for v in [9, 11] * 6 + [30]]
    result = spc(values, polarity="higher")

    assert result.points[-1].side == "high"
    assert result.points[-1].rules[0] == rules.OUTSIDE


@pytest.mark.parametrize("count", [0, 1, 11])
def test_fewer_than_12_points_is_not_enough_data(count):
    result = spc(DIP[:count], polarity="higher", passing_low=80)

    assert result.limits is None
    assert not result.enough_data
    assert result.variation is None
    assert result.assurance is None
    assert result.message == (f"Not enough data: SPC needs at least 12 points; there are {count}")
    assert set(labels(result)) <= {"common cause"}


def test_missing_values_are_skipped_not_read_as_zero():
    with_gaps = [*DIP[:5], None, *DIP[5:], None]
    result = spc(with_gaps, polarity="higher")
    reference = spc(DIP, polarity="higher")

    assert result.limits == reference.limits
    assert len(result.points) == len(DIP)
    assert result.points[5].index == 6


def test_missing_values_do_not_count_towards_12():
    result = spc([*DIP[:11], None, None], polarity="higher")

    assert result.message.endswith("there are 11")


def test_a_fixed_baseline_sets_the_limits_and_extends_them_over_later_points():
    values = STEADY[:12] + [40, 41]
    result = spc(values, polarity="lower", baseline=(0, 11))

    assert result.limits == rules.xmr_limits([Decimal(v) for v in STEADY[:12]])
    assert [p.in_baseline for p in result.points[-3:]] == [True, False, False]
    assert {p.label for p in result.points[12:]} == {"concern"}
    assert result.variation.code == "concern_high"


def test_a_baseline_by_period():
    periods = [datetime.date(2022, month, 1) for month in range(1, 13)]

    assert rules.baseline_by_period(periods, datetime.date(2022, 3, 1)) == (2, 11)
    assert rules.baseline_by_period(periods, None, datetime.date(2022, 4, 1)) == (0, 3)
    assert rules.baseline_by_period(periods, datetime.date(2023, 1, 1)) is None


def test_a_fixed_baseline_of_fewer_than_12_points_is_not_enough_data():
    result = spc(DIP, polarity="higher", baseline=(0, 9))

    assert result.limits is None
    assert result.message == (
        "Not enough data: SPC needs at least 12 points in the fixed baseline; there are 10"
    )


@pytest.mark.parametrize(
    ("values", "polarity", "code", "letter"),
    [
        (STEADY, "higher", "common_cause", ""),
        ([*STEADY, 30], "higher", "improvement_high", "H"),
        ([*STEADY, -10], "lower", "improvement_low", "L"),
        ([*STEADY, 30], "lower", "concern_high", "H"),
        ([*STEADY, -10], "higher", "concern_low", "L"),
        ([*STEADY, 30], "neither", "neither_high", "H"),
        ([*STEADY, -10], "band", "neither_low", "L"),
    ],
)
def test_the_variation_icon_is_the_latest_point(values, polarity, code, letter):
    icon = spc(values, polarity=polarity).variation

    assert (icon.code, icon.letter) == (code, letter)
    assert icon.words


def test_the_variation_icon_ignores_earlier_special_causes():
    result = spc(SPIKE, polarity="higher")

    assert result.points[4].special_cause
    assert result.variation.code == "common_cause"
    assert result.variation.words == "Common cause variation"


@pytest.mark.parametrize(
    ("polarity", "low", "high", "code"),
    [
        ("higher", 4, None, "passing"),  # limits 4.68 to 15.32, all above 4
        ("higher", 16, None, "failing"),
        ("higher", 12, None, "hit_and_miss"),
        ("lower", None, 16, "passing"),
        ("lower", None, 4, "failing"),
        ("lower", None, 10, "hit_and_miss"),
        ("band", 4, 16, "passing"),
        ("band", 16, 18, "failing"),
        ("band", 1, 3, "failing"),
        ("band", 8, 12, "hit_and_miss"),
    ],
)
def test_the_assurance_icon_is_the_target_against_the_limits(polarity, low, high, code):
    result = spc(STEADY, polarity=polarity, passing_low=low, passing_high=high)

    assert result.assurance.code == code


@pytest.mark.parametrize(
    ("polarity", "low", "high"), [("higher", None, None), ("neither", 4, None)]
)
def test_no_assurance_icon_without_a_target_or_for_polarity_neither(polarity, low, high):
    assert spc(STEADY, polarity=polarity, passing_low=low, passing_high=high).assurance is None


def test_floats_are_read_through_their_text():
    assert rules.as_decimal(78.1) == Decimal("78.1")
