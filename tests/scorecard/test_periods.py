"""The previous period an indicator's figure is compared with (scorecard.domain.periods)."""

import datetime

import pytest

from scorecard.domain.periods import add_months, period_name, previous_period

D = datetime.date


@pytest.mark.parametrize(
    ("period", "months", "expected"),
    [
        (D(2023, 6, 1), -1, D(2023, 5, 1)),
        (D(2023, 1, 1), -1, D(2022, 12, 1)),
        (D(2023, 12, 1), 1, D(2024, 1, 1)),
        (D(2023, 6, 1), -12, D(2022, 6, 1)),
        (D(2023, 6, 1), 0, D(2023, 6, 1)),
        (D(2023, 2, 1), -26, D(2020, 12, 1)),
    ],
)
def test_add_months(period, months, expected):
    assert add_months(period, months) == expected


@pytest.mark.parametrize(
    ("period", "frequency", "expected", "name"),
    [
        (D(2023, 6, 1), "monthly", D(2023, 5, 1), "month"),
        (D(2023, 6, 1), "quarterly", D(2023, 3, 1), "quarter"),
        (D(2023, 2, 1), "quarterly", D(2022, 11, 1), "quarter"),
        (D(2023, 3, 1), "annual", D(2022, 3, 1), "year"),
        (D(2023, 6, 1), "", D(2023, 5, 1), "month"),
    ],
)
def test_previous_period_follows_frequency(period, frequency, expected, name):
    assert previous_period(period, frequency) == expected
    assert period_name(frequency) == name
