"""When reminders fall due (governance.domain.reminders): tables of days."""

import datetime

import pytest

from governance.domain import reminders

D = datetime.date
WINDOWS = (14, 3)


@pytest.mark.parametrize(
    ("due", "today", "expected"),
    [
        (D(2023, 3, 31), D(2023, 3, 16), None),  # 15 days left
        (D(2023, 3, 31), D(2023, 3, 17), 14),
        (D(2023, 3, 31), D(2023, 3, 27), 14),  # 4 days left
        (D(2023, 3, 31), D(2023, 3, 28), 3),
        (D(2023, 3, 31), D(2023, 3, 31), 3),  # due today
        (D(2023, 3, 31), D(2023, 4, 1), None),  # overdue: another rule
        (None, D(2023, 3, 31), None),  # recurring
    ],
)
def test_due_soon_window(due, today, expected):
    assert reminders.due_soon_window(due_date=due, today=today, windows=WINDOWS) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2023, 3, 31), None),  # due today
        (D(2023, 4, 1), D(2023, 4, 1)),  # first day overdue
        (D(2023, 4, 7), D(2023, 4, 1)),
        (D(2023, 4, 8), D(2023, 4, 8)),  # a week on
        (D(2023, 4, 15), D(2023, 4, 15)),
        (D(2023, 4, 21), D(2023, 4, 15)),
    ],
)
def test_overdue_week_start(today, expected):
    due = D(2023, 3, 31)
    assert reminders.overdue_week_start(due_date=due, today=today, every_days=7) == expected


@pytest.mark.parametrize(
    ("today", "weekday", "expected"),
    [
        (D(2023, 3, 6), 0, D(2023, 3, 6)),  # a Monday
        (D(2023, 3, 9), 0, D(2023, 3, 6)),  # Thursday: the week's Monday
        (D(2023, 3, 6), 2, None),  # Monday, digest on Wednesdays
        (D(2023, 3, 8), 2, D(2023, 3, 8)),
        (D(2023, 3, 12), 2, D(2023, 3, 8)),  # Sunday
    ],
)
def test_weekly_date(today, weekday, expected):
    assert reminders.weekly_date(today=today, weekday=weekday) == expected


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2023, 3, 6), True),
        (D(2023, 3, 11), False),  # Saturday
        (D(2023, 5, 1), False),  # Early May bank holiday
        (D(2023, 5, 8), False),  # the coronation bank holiday
        (D(2023, 12, 26), False),
        (D(2023, 12, 27), True),
    ],
)
def test_working_days_leave_out_weekends_and_bank_holidays(day, working):
    assert reminders.is_working_day(day) is working


@pytest.mark.parametrize(
    ("period", "working_day", "deadline"),
    [
        (D(2023, 2, 1), 10, D(2023, 3, 14)),
        (D(2023, 4, 1), 10, D(2023, 5, 16)),  # two bank holidays in May 2023
        (D(2022, 12, 1), 1, D(2023, 1, 3)),  # 2 January 2023 was the New Year holiday
    ],
)
def test_scorecard_deadline_is_the_nth_working_day_of_the_next_month(period, working_day, deadline):
    assert reminders.scorecard_deadline(period, working_day=working_day) == deadline


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2023, 3, 6), None),  # 6 working days before 14 March
        (D(2023, 3, 7), ("reminder", D(2023, 2, 1))),  # 5 working days before
        (D(2023, 3, 14), ("reminder", D(2023, 2, 1))),  # the deadline
        (D(2023, 3, 15), ("chaser", D(2023, 2, 1))),
        (D(2023, 3, 31), ("chaser", D(2023, 2, 1))),
        (D(2023, 4, 3), None),  # March's figures: due 17 April
    ],
)
def test_scorecard_returns(today, expected):
    due = reminders.scorecard_return_due(today=today, working_day=10, notice_working_days=5)
    assert due == expected


def test_working_days_between_counts_after_start_up_to_end():
    assert reminders.working_days_between(D(2023, 3, 10), D(2023, 3, 13)) == 1  # Fri to Mon
    assert reminders.working_days_between(D(2023, 3, 13), D(2023, 3, 10)) == -1
    assert reminders.working_days_between(D(2023, 3, 13), D(2023, 3, 13)) == 0


@pytest.mark.parametrize(
    ("deadline", "today", "expected"),
    [
        (D(2023, 2, 24), D(2023, 2, 18), False),
        (D(2023, 2, 24), D(2023, 2, 19), True),
        (D(2023, 2, 24), D(2023, 2, 24), True),
        (D(2023, 2, 24), D(2023, 2, 25), False),
        (None, D(2023, 2, 24), False),
    ],
)
def test_papers_due(deadline, today, expected):
    assert reminders.papers_due(deadline=deadline, today=today, notice_days=5) is expected
