"""Reads of meetings' records: the last board's, what changed since, RAG at each board.

Rules:
- The last board is the plan's latest record presented on or before today (any board's
  meeting that was presented the plan); the pack's plan report asks instead for the
  previous meeting of its own board (governance.packs.reports.plan).
- Now is judged as the record was (improvement_plan.records.snapshot): the plan's
  actions as at today, each indicator's latest approved figure by the newest month with
  approved figures, read as plain values in SQL (improvement_plan.records.now). The
  comparison is improvement_plan.domain.changes.
- Indicators are compared only when both the record and now hold scorecard figures;
  otherwise the reason is said in words and no indicator change is claimed.
- A fixed number of queries however many actions, indicators or records.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q

from improvement_plan.domain import changes
from improvement_plan.domain.rag import WORST_FIRST
from improvement_plan.models import BoardRecord, DirectorReview, Plan
from improvement_plan.records.now import actions_now, indicators_now
from improvement_plan.records.snapshot import latest_month

NO_SCORECARD_THEN = "No scorecard figures were presented then, so indicators are not compared."
NO_SCORECARD_NOW = "No scorecard figures are approved yet, so indicators are not compared."


@dataclass(frozen=True)
class SinceLastBoard:
    """What changed since `record` (the board's record) until `today`."""

    record: BoardRecord
    today: datetime.date
    actions: changes.ActionChanges
    indicators: changes.IndicatorChanges
    challenges: changes.ChallengeChanges
    indicators_not_compared: str = ""
    priority_of: dict[int, int] = field(default_factory=dict)  # action id: priority id, now

    @property
    def occasion(self) -> str:
        return self.record.occasion

    @property
    def nothing_changed(self) -> bool:
        found = (
            *(getattr(self.actions, name) for name in changes.ActionChanges.__annotations__),
            *(getattr(self.indicators, name) for name in changes.IndicatorChanges.__annotations__),
        )
        return not any(found) and not (self.challenges.raised or self.challenges.answered)


def _day(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def action_states(facts: list[dict]) -> list[changes.ActionState]:
    """A record's (or now's) actions as the comparison reads them."""
    return [
        changes.ActionState(
            id=fact["id"],
            reference=fact["reference"],
            rag=fact["rag"],
            complete=fact["complete"],
            due_date=_day(fact["due_date"]),
            overdue=fact["overdue"],
            description=fact.get("description", ""),
        )
        for fact in facts
    ]


def indicator_states(facts: list[dict]) -> list[changes.IndicatorState]:
    return [
        changes.IndicatorState(
            fact["id"], fact["ref"], fact["title"], fact["rag"], fact["spc_label"]
        )
        for fact in facts
    ]


def _reviews(plan: Plan, *, since: datetime.datetime) -> list[changes.Review]:
    """The plan's challenges raised or answered after `since`. One query."""
    rows = (
        DirectorReview.objects.filter(
            action__objective__priority__plan=plan,
            decision=DirectorReview.Decision.CHALLENGED,
        )
        .filter(Q(reviewed_at__gt=since) | Q(answered_by__created_at__gt=since))
        .values_list("reviewed_at", "answered_by__created_at")
    )
    return [changes.Review(True, reviewed, answered) for reviewed, answered in rows]


def last_record(*, plan: Plan, today: datetime.date) -> BoardRecord | None:
    """The plan's latest record presented on or before today (module docstring)."""
    records = BoardRecord.objects.filter(plan=plan, presented_on__lte=today)
    records = records.select_related("plan", "meeting")  # the meeting: governance's link
    return records.order_by("-presented_on", "-taken_at", "-id").first()


def changes_since(record: BoardRecord, *, today: datetime.date) -> SinceLastBoard:
    """What changed from `record` until today (module docstring)."""
    plan = record.plan
    now_actions = actions_now(plan, today=today)
    month = latest_month()
    if not record.indicators:
        indicators, why = changes.IndicatorChanges(), NO_SCORECARD_THEN
    elif month is None:
        indicators, why = changes.IndicatorChanges(), NO_SCORECARD_NOW
    else:
        now = indicators_now(period=month)
        indicators = changes.compare_indicators(indicator_states(record.indicators), now)
        why = ""
    return SinceLastBoard(
        record=record,
        today=today,
        actions=changes.compare_actions(action_states(record.actions), now_actions.states),
        indicators=indicators,
        challenges=changes.compare_challenges(
            _reviews(plan, since=record.taken_at), since=record.taken_at
        ),
        indicators_not_compared=why,
        priority_of=now_actions.priority_of,
    )


def changes_since_last_record(*, plan: Plan | None, today: datetime.date) -> SinceLastBoard | None:
    """What changed since the plan's last board (module docstring); None when no meeting
    has kept a record of the plan yet."""
    record = last_record(plan=plan, today=today) if plan is not None else None
    return changes_since(record, today=today) if record is not None else None


@dataclass(frozen=True)
class RagAtBoard:
    """The plan's actions by computed RAG as presented at one board (or now)."""

    occasion: str
    presented_on: datetime.date
    red: int = 0
    amber: int = 0
    green: int = 0
    blue: int = 0
    is_now: bool = False

    @property
    def total(self) -> int:
        return self.red + self.amber + self.green + self.blue

    @property
    def by_rag(self) -> list[tuple[str, int]]:
        return [(value, getattr(self, value)) for value in WORST_FIRST]


def _counted(facts: list[dict]) -> dict[str, int]:
    return {value: sum(1 for fact in facts if fact["rag"] == value) for value in WORST_FIRST}


def rag_at_each_board(
    *,
    plan: Plan,
    today: datetime.date,
    now: dict[str, int] | None = None,
    now_label: str = "Today",
    limit: int = 12,
) -> list[RagAtBoard]:
    """The plan's RAG counts at its last `limit` boards, oldest first, then `now` (the
    counts today, when given, named `now_label`). One query."""
    records = (
        BoardRecord.objects.filter(plan=plan, presented_on__lte=today)
        .defer("indicators")
        .order_by("-presented_on", "-taken_at", "-id")[:limit]
    )
    rows = [
        RagAtBoard(record.occasion, record.presented_on, **_counted(record.actions))
        for record in reversed(list(records))
    ]
    if now is not None:
        rows.append(RagAtBoard(now_label, today, is_now=True, **now))
    return rows


def rag_as_presented(record: BoardRecord) -> RagAtBoard:
    """The plan's RAG counts as presented in `record`."""
    return RagAtBoard(record.occasion, record.presented_on, **_counted(record.actions))


def actions_as_presented(record: BoardRecord) -> list[dict]:
    """The record's actions with their due dates as dates, in the plan's order."""
    return [{**fact, "due_date": _day(fact["due_date"])} for fact in record.actions]
