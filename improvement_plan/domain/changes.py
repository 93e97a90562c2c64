"""What changed since the last board: a meeting's record (the judgements as presented)
compared with the judgements now. Pure: plain values in, values out.

Rules (issue 12, section 4):
- An action's RAG changed when its computed RAG now differs from the one presented.
  Better or worse by the order Red, Amber, Green, Blue (complete): Red to Amber is
  better, Green to Red worse.
- Newly overdue: overdue now and not overdue when presented (or not in the record).
- Due date moved: the due date now differs from the one presented; later or earlier.
- Completed: complete now and not complete when presented.
- Added: an action now that the record does not hold (the plan grew since).
- Indicators, each by its latest figure: newly Red (Red now, not Red when presented);
  newly special cause concern (the latest point is special cause concern now and was
  not then); recovered (Red when presented, now Amber or Green). An indicator not
  judged now (polarity not set, no target, no figure) is neither Red nor recovered.
- Challenges: the Director's challenges raised after the record was taken, and those
  answered after it (by a lead's progress update).
"""

import datetime
from dataclasses import dataclass
from typing import NamedTuple

from improvement_plan.domain.rag import AMBER, BLUE, GREEN, RED

RAG_ORDER = {RED: 0, AMBER: 1, GREEN: 2, BLUE: 3}
CONCERN = "concern"  # scorecard.domain.spc.CONCERN, kept as the record's text


class ActionState(NamedTuple):
    """An action as compared: a named tuple, as thousands are built on each page."""

    id: int
    reference: str
    rag: str
    complete: bool
    due_date: datetime.date | None
    overdue: bool
    description: str = ""


class IndicatorState(NamedTuple):
    id: int
    ref: str
    title: str
    rag: str | None
    spc_label: str | None


@dataclass(frozen=True)
class RagChange:
    action: ActionState
    was: str
    better: bool


@dataclass(frozen=True)
class DueDateMove:
    action: ActionState
    was: datetime.date | None
    later: bool


@dataclass(frozen=True)
class Review:
    """A Director's review as the comparison reads it."""

    challenged: bool
    reviewed_at: datetime.datetime
    answered_at: datetime.datetime | None


@dataclass(frozen=True)
class ActionChanges:
    rag_changed: tuple[RagChange, ...] = ()
    newly_overdue: tuple[ActionState, ...] = ()
    due_dates_moved: tuple[DueDateMove, ...] = ()
    completed: tuple[ActionState, ...] = ()
    added: tuple[ActionState, ...] = ()

    @property
    def better(self) -> int:
        return sum(1 for change in self.rag_changed if change.better)

    @property
    def worse(self) -> int:
        return sum(1 for change in self.rag_changed if not change.better)


@dataclass(frozen=True)
class IndicatorChanges:
    newly_red: tuple[IndicatorState, ...] = ()
    newly_concern: tuple[IndicatorState, ...] = ()
    recovered: tuple[IndicatorState, ...] = ()


@dataclass(frozen=True)
class ChallengeChanges:
    raised: int = 0
    answered: int = 0


def rag_is_better(*, was: str, now: str) -> bool:
    """Red to Amber is better, Amber to Red worse (module docstring)."""
    return RAG_ORDER[now] > RAG_ORDER[was]


def _moved(before: ActionState, now: ActionState) -> DueDateMove | None:
    if before.due_date == now.due_date:
        return None
    later = now.due_date is None or (before.due_date is not None and now.due_date > before.due_date)
    return DueDateMove(now, before.due_date, later)


def compare_actions(before: list[ActionState], now: list[ActionState]) -> ActionChanges:
    """The actions' changes from `before` (the record) to `now` (module docstring)."""
    held = {state.id: state for state in before}
    rag_changed, overdue, moved, completed, added = [], [], [], [], []
    for state in now:
        was = held.get(state.id)
        if was is None:
            added.append(state)
            overdue += [state] if state.overdue else []
            continue
        if was.rag != state.rag:
            rag_changed.append(RagChange(state, was.rag, rag_is_better(was=was.rag, now=state.rag)))
        if state.overdue and not was.overdue:
            overdue.append(state)
        if (move := _moved(was, state)) is not None:
            moved.append(move)
        if state.complete and not was.complete:
            completed.append(state)
    return ActionChanges(
        *(tuple(found) for found in (rag_changed, overdue, moved, completed, added))
    )


def compare_indicators(before: list[IndicatorState], now: list[IndicatorState]) -> IndicatorChanges:
    """The indicators' changes from `before` (the record) to `now` (module docstring)."""
    held = {state.id: state for state in before}
    red, concern, recovered = [], [], []
    for state in now:
        was = held.get(state.id)
        if state.rag == RED and (was is None or was.rag != RED):
            red.append(state)
        if state.spc_label == CONCERN and (was is None or was.spc_label != CONCERN):
            concern.append(state)
        if was is not None and was.rag == RED and state.rag in (AMBER, GREEN):
            recovered.append(state)
    return IndicatorChanges(tuple(red), tuple(concern), tuple(recovered))


def compare_challenges(reviews: list[Review], *, since: datetime.datetime) -> ChallengeChanges:
    """Challenges raised, and challenges answered, after `since` (module docstring)."""
    challenges = [review for review in reviews if review.challenged]
    raised = sum(1 for review in challenges if review.reviewed_at > since)
    answered = sum(1 for review in challenges if review.answered_at and review.answered_at > since)
    return ChallengeChanges(raised, answered)
