"""RAG that cannot be gamed: computed from facts, kept beside what the lead reports.

Rules, in order (the first that applies wins):
- Blue: the action is complete (Complete, or Complete and embedding).
- Red: past its due date and not complete.
- Amber: re-baselined (due date moved) `rebaseline_limit` times or more.
- Amber: due within `due_soon_days` days with no update in the last `stale_update_days`.
- Green: otherwise.
An action with no due date (recurring) is never Red and never "due soon".
"""

import datetime
from dataclasses import dataclass

RED, AMBER, GREEN, BLUE = "red", "amber", "green", "blue"
WORST_FIRST = (RED, AMBER, GREEN, BLUE)
NEEDS_REASON = frozenset({RED, AMBER})


@dataclass(frozen=True)
class Thresholds:
    due_soon_days: int = 14
    stale_update_days: int = 30
    rebaseline_limit: int = 2


@dataclass(frozen=True)
class RagJudgement:
    rag: str
    reason: str


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def is_stale(
    *, last_update_on: datetime.date | None, today: datetime.date, stale_update_days: int
) -> bool:
    """No update in the last N days: never updated, or the last update is older than N days."""
    return last_update_on is None or (today - last_update_on).days > stale_update_days


def computed_rag(
    *,
    is_complete: bool,
    due_date: datetime.date | None,
    today: datetime.date,
    last_update_on: datetime.date | None,
    rebaseline_count: int,
    thresholds: Thresholds = Thresholds(),
) -> RagJudgement:
    """The RAG the rules give (module docstring), with the reason in words."""
    if is_complete:
        return RagJudgement(BLUE, "complete")
    if due_date is not None and due_date < today:
        return RagJudgement(RED, f"overdue by {_plural((today - due_date).days, 'day')}")
    if rebaseline_count >= thresholds.rebaseline_limit:
        return RagJudgement(AMBER, f"due date moved {_plural(rebaseline_count, 'time')}")
    stale = is_stale(
        last_update_on=last_update_on,
        today=today,
        stale_update_days=thresholds.stale_update_days,
    )
    if due_date is not None and (due_date - today).days <= thresholds.due_soon_days and stale:
        days = (due_date - today).days
        due = "due today" if days == 0 else f"due in {_plural(days, 'day')}"
        return RagJudgement(AMBER, f"{due} with no update in {thresholds.stale_update_days} days")
    return RagJudgement(GREEN, "on track")


def disagreement(*, reported: str, computed: RagJudgement) -> str | None:
    """Words for a reported RAG that differs from the computed one; None when they agree.

    "Reported Green, overdue by 43 days". No reported RAG is no disagreement.
    """
    if not reported or reported == computed.rag:
        return None
    return f"Reported {reported.title()}, {computed.reason}"


def worst_first_rank(rag: str) -> int:
    """Sort key putting Red before Amber before Green before Blue; unknown last."""
    return WORST_FIRST.index(rag) if rag in WORST_FIRST else len(WORST_FIRST)
