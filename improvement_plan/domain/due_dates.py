"""Rules about due dates, as pure functions: primitives in, values out."""

import datetime


def days_overdue(
    *, due_date: datetime.date | None, is_complete: bool, today: datetime.date
) -> int | None:
    """Days past due for an unfinished action; None when not overdue.

    An action with no due date (recurring: "on a monthly basis") is never overdue,
    and a complete action is never overdue however late it finished.
    """
    if due_date is None or is_complete or due_date >= today:
        return None
    return (today - due_date).days
