"""governance.domain.demo_dates: the demo's story moved by whole years."""

import datetime

import pytest

from governance.domain.demo_dates import demo_year_shift, municipal_year_later, years_later

D = datetime.date
HELD = D(2023, 1, 11)


@pytest.mark.parametrize(
    ("today", "years"),
    [
        (D(2023, 1, 12), 0),  # the day after, as written
        (D(2023, 1, 11), -1),  # held today: not yet held, so a year earlier
        (D(2023, 12, 31), 0),
        (D(2026, 1, 10), 2),
        (D(2026, 1, 12), 3),
        (D(2026, 2, 1), 3),
        (D(2026, 12, 3), 3),
        (D(2027, 1, 11), 3),
        (D(2022, 6, 1), -1),  # before the story: moved back
    ],
)
def test_the_held_board_falls_within_the_year_before_today(today, years):
    assert demo_year_shift(held=HELD, today=today) == years
    moved = years_later(HELD, years)
    assert moved < today <= years_later(moved, 1)


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (D(2023, 1, 11), 3, D(2026, 1, 11)),
        (D(2024, 2, 29), 1, D(2025, 2, 28)),  # no 29 February: falls back to the 28th
        (D(2024, 2, 29), 4, D(2028, 2, 29)),
        (D(2024, 2, 29), -1, D(2023, 2, 28)),
        (D(2023, 2, 28), 1, D(2024, 2, 28)),
        (D(2022, 6, 1), 0, D(2022, 6, 1)),
    ],
)
def test_years_later(day, years, expected):
    assert years_later(day, years) == expected


def test_years_later_keeps_a_time_of_day():
    moment = datetime.datetime(2023, 1, 11, 18, 0)
    assert years_later(moment, 3) == datetime.datetime(2026, 1, 11, 18, 0)


@pytest.mark.parametrize(
    ("name", "years", "expected"),
    [("2022/23", 3, "2025/26"), ("2098/99", 2, "2100/01"), ("2025/26", -3, "2022/23")],
)
def test_municipal_year_later(name, years, expected):
    assert municipal_year_later(name, years) == expected
