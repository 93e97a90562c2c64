"""Reporting periods: which period an indicator's figure is compared with.

Rule: direction of travel compares a figure with the indicator's previous period,
which depends on how often it is reported: the month before for a monthly indicator,
three months before for a quarterly one, twelve for an annual one. Comparing a
quarterly figure with "last month" would find nothing, or a figure never reported.
Periods are the first day of their month.
"""

import datetime

PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "annual": 12}
PERIOD_NAMES = {"monthly": "month", "quarterly": "quarter", "annual": "year"}


def add_months(period: datetime.date, months: int) -> datetime.date:
    """The first day of the month `months` after (or before, when negative) `period`."""
    index = period.year * 12 + period.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def previous_period(period: datetime.date, frequency: str) -> datetime.date:
    """The period before `period` for an indicator reported at `frequency`; an unknown
    frequency counts as monthly."""
    return add_months(period, -PERIOD_MONTHS.get(frequency, 1))


def period_name(frequency: str) -> str:
    """ "month", "quarter" or "year": what the previous period is called in words."""
    return PERIOD_NAMES.get(frequency, "month")
