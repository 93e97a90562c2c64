"""The demo council's story moved by whole years to stand around today.

The demo is built from documents of 2022-23. Moved by whole years, its months stay
intact and its weekdays stay close, so the story reads as it was written, only nearer
today. 29 February falls back to 28 February in a year that has none.
"""

import datetime


def years_later(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` years later (earlier if negative); 29 February falls back to
    28 February in a year without it. Works for dates and datetimes alike."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def demo_year_shift(*, held: datetime.date, today: datetime.date) -> int:
    """The whole years that put the demo's January board (`held`) nearest today, so today
    falls within half a year either side of it: the plan (June to June) is part way
    through on any day of the year, a board was held in the last weeks and the next is
    ahead. Before that board the story stands in the autumn of the plan's year, after it
    in the spring. A tie (exactly half a year either way) puts the board in the past."""
    candidates = range(today.year - held.year - 1, today.year - held.year + 2)
    return min(candidates, key=lambda years: _distance(years_later(held, years), today))


def _distance(board: datetime.date, today: datetime.date) -> tuple[int, int]:
    """How far the board is from today, a board already held first on a tie."""
    return abs((board - today).days), int(board >= today)


def story_today(*, today: datetime.date, years: int) -> datetime.date:
    """The day in the story's own (written) dates that the moved story shows as today."""
    return years_later(today, -years)


def municipal_year_later(name: str, years: int) -> str:
    """ "2022/23" moved by `years` whole years: "2025/26" for 3."""
    start = int(name.partition("/")[0]) + years
    return f"{start}/{(start + 1) % 100:02d}"
