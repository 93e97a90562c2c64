"""governance.domain.demo_dates: the demo's story moved by whole years."""

import datetime

import pytest

from governance.domain.demo_dates import (
    demo_year_shift,
    municipal_year_later,
    story_today,
    years_later,
)

D = datetime.date
HELD = D(2023, 1, 11)


@pytest.mark.parametrize(
    ("today", "years", "story"),
    [
        (D(2023, 1, 12), 0, D(2023, 1, 12)),  # the day after, as written
        (D(2023, 1, 11), 0, D(2023, 1, 11)),  # the board's own day
        (D(2023, 7, 12), 0, D(2023, 7, 12)),  # 182 days after: still nearest as written
        (D(2023, 7, 13), 1, D(2022, 7, 13)),  # nearer the next January: the autumn before
        (D(2023, 12, 31), 1, D(2022, 12, 31)),
        (D(2026, 1, 10), 3, D(2023, 1, 10)),  # the day before the board
        (D(2026, 2, 1), 3, D(2023, 2, 1)),
        (D(2026, 7, 12), 3, D(2023, 7, 12)),
        (D(2026, 12, 3), 4, D(2022, 12, 3)),  # December: the January board is ahead
        (D(2022, 6, 1), -1, D(2023, 6, 1)),  # nearer the January before: moved back
        (D(2020, 3, 1), -3, D(2023, 3, 1)),  # before the story: moved back
    ],
)
def test_today_stands_within_half_a_year_of_the_january_board(today, years, story):
    assert demo_year_shift(held=HELD, today=today) == years
    assert story_today(today=today, years=years) == story
    assert abs((story - HELD).days) <= 183


@pytest.mark.parametrize("day", [D(2026, 1, 1) + datetime.timedelta(days=n) for n in range(366)])
def test_every_day_of_a_year_stands_within_the_plan_year(day):
    """The plan runs June 2022 to June 2023: whatever the day, the story's today is in
    its second month to a fortnight after its end, never years away."""
    story = story_today(today=day, years=demo_year_shift(held=HELD, today=day))
    assert D(2022, 7, 12) <= story <= D(2023, 7, 12)


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
