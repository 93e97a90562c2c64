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
    """The whole years that put the demo's latest held board (`held`) before today and
    less than a year before it, so its minutes and papers are recent and the plan is part
    way through. 0 when today is within the year after `held` as written."""
    years = today.year - held.year
    if years_later(held, years) >= today:
        years -= 1
    return years


def municipal_year_later(name: str, years: int) -> str:
    """ "2022/23" moved by `years` whole years: "2025/26" for 3."""
    start = int(name.partition("/")[0]) + years
    return f"{start}/{(start + 1) % 100:02d}"
