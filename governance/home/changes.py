"""What changed since the last board, for the Director's page: the plan's comparison
with the last meeting's record (improvement_plan.records.selectors, part of the plan),
and the same changes counted for each priority so the RAG table can show them.

No query beyond the comparison's: which priority each action is in comes with it.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from governance.domain.home import change_in_words
from improvement_plan.models import Plan
from improvement_plan.records.selectors import SinceLastBoard, changes_since_last_record


@dataclass
class PriorityChange:
    better: int = 0
    worse: int = 0
    newly_overdue: int = 0
    completed: int = 0

    @property
    def words(self) -> str:
        return change_in_words(
            better=self.better, worse=self.worse, newly_overdue=self.newly_overdue,
            completed=self.completed,
        )  # fmt: skip


def by_priority(since: SinceLastBoard) -> dict[int, PriorityChange]:
    """Each priority's changes since the last board, keyed by priority id."""
    priority_of = since.priority_of
    found: dict[int, PriorityChange] = defaultdict(PriorityChange)
    for change in since.actions.rag_changed:
        counts = found[priority_of.get(change.action.id)]
        counts.better += change.better
        counts.worse += not change.better
    for state in since.actions.newly_overdue:
        found[priority_of.get(state.id)].newly_overdue += 1
    for state in since.actions.completed:
        found[priority_of.get(state.id)].completed += 1
    return dict(found)


@dataclass(frozen=True)
class SinceBoard:
    since: SinceLastBoard
    priorities: dict[int, PriorityChange]


def since_last_board(plan: Plan | None, *, today: datetime.date) -> SinceBoard | None:
    """The change since the plan's last board; None when no meeting kept a record yet."""
    since = changes_since_last_record(plan=plan, today=today)
    if since is None:
        return None
    return SinceBoard(since, by_priority(since))
