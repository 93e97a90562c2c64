"""When reminders fall due: pure rules, `today` passed in, no database.

Every reminder is recorded under a key (recipient, what it is about, kind, date), and a
key is sent at most once. Each rule below names the date that goes in the key, so that a
reminder is due on every day of its window but sent on the first run in it: a day the
scheduler missed is caught up on the next, and a rerun sends nothing.

- Due soon: an action due in at most 14 days gets the 14-day reminder, and in at most 3
  days the 3-day one (the windows are the settings' numbers). The key's date is the due
  date, so an action re-baselined to a new date is reminded again.
- Overdue: on the first day overdue, then every 7 days; the key's date is the first day
  of the current week of being overdue (due date + 1, + 8, + 15...).
- Weekly (digests, the Director's escalation summary): once a week, on or after the
  digest weekday; the key's date is that week's digest day.
- Scorecard returns: each month's figures are due on the Nth working day of the next
  month (weekends and England's bank holidays are not working days). Owners are
  reminded from 5 working days before the deadline until it; a chaser follows from the
  working day after it, for figures still not submitted. The key's date is the month.
- Papers: a report author is reminded from 5 days before the papers deadline until it.
"""

import datetime
from functools import cache

import holidays

ONE_DAY = datetime.timedelta(days=1)


def due_soon_window(
    *, due_date: datetime.date | None, today: datetime.date, windows: tuple[int, ...]
) -> int | None:
    """The due-soon reminder due today: the smallest window (in days) that the time left
    fits in, or None when the action is not due within the largest, or is past due."""
    if due_date is None:
        return None
    left = (due_date - today).days
    if left < 0:
        return None
    fitting = [window for window in windows if left <= window]
    return min(fitting) if fitting else None


def overdue_week_start(
    *, due_date: datetime.date | None, today: datetime.date, every_days: int
) -> datetime.date | None:
    """The first day of the current run of `every_days` overdue (the key's date), or None
    when the action is not overdue."""
    if due_date is None or today <= due_date:
        return None
    days_overdue = (today - due_date).days
    return (
        due_date + ONE_DAY + datetime.timedelta(days=(days_overdue - 1) // every_days * every_days)
    )


def weekly_date(*, today: datetime.date, weekday: int) -> datetime.date | None:
    """This week's digest day (Monday is 0) when today is on or after it, else None: the
    week's digest waits for its day."""
    monday = today - datetime.timedelta(days=today.weekday())
    day = monday + datetime.timedelta(days=weekday)
    return day if today >= day else None


@cache
def _bank_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: datetime.date) -> bool:
    """Monday to Friday, and not a bank holiday in England."""
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def nth_working_day(*, year: int, month: int, n: int) -> datetime.date:
    """The nth working day of the month (n from 1)."""
    day, count = datetime.date(year, month, 1), 0
    while True:
        if is_working_day(day):
            count += 1
            if count == n:
                return day
        day += ONE_DAY


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """How many working days come after `start`, up to and including `end` (negative when
    `end` is before `start`)."""
    if end < start:
        return -working_days_between(end, start)
    count, day = 0, start
    while day < end:
        day += ONE_DAY
        count += is_working_day(day)
    return count


def month_after(period: datetime.date) -> tuple[int, int]:
    return (period.year + 1, 1) if period.month == 12 else (period.year, period.month + 1)


def scorecard_deadline(period: datetime.date, *, working_day: int) -> datetime.date:
    """When a month's figures are due: the nth working day of the following month."""
    year, month = month_after(period)
    return nth_working_day(year=year, month=month, n=working_day)


def scorecard_return_due(
    *, today: datetime.date, working_day: int, notice_working_days: int
) -> tuple[str, datetime.date] | None:
    """What today asks of indicator owners: ("reminder", month) from `notice_working_days`
    working days before the month's deadline until it, ("chaser", month) after it until
    the month's figures would be a month late, else None. The month is the one whose
    figures are due this month."""
    first = today.replace(day=1)
    period = (first - ONE_DAY).replace(day=1)
    deadline = scorecard_deadline(period, working_day=working_day)
    if today <= deadline:
        if working_days_between(today, deadline) <= notice_working_days:
            return "reminder", period
        return None
    return "chaser", period


def papers_due(*, deadline: datetime.date | None, today: datetime.date, notice_days: int) -> bool:
    """A report author's papers reminder is due from `notice_days` before the papers
    deadline until the deadline itself."""
    if deadline is None:
        return False
    return 0 <= (deadline - today).days <= notice_days
