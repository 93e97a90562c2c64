"""Slippage: how often an action's due date moved, and by how many days in all."""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Slippage:
    times_rebaselined: int
    days_slipped: int
    original_due_date: datetime.date | None
    current_due_date: datetime.date | None


def slippage(
    changes: list[tuple[datetime.date | None, datetime.date | None]],
) -> Slippage:
    """Reads a list of (from, to) due-date changes, oldest first.

    Every change counts as a re-baselining. Days slipped is the distance from the
    first due date to the last (negative when brought forward); a change from or
    to "no due date" adds no days, since there is nothing to measure from.
    """
    if not changes:
        return Slippage(0, 0, None, None)
    original, current = changes[0][0], changes[-1][1]
    days = sum(
        (to_date - from_date).days
        for from_date, to_date in changes
        if from_date is not None and to_date is not None
    )
    return Slippage(len(changes), days, original, current)
