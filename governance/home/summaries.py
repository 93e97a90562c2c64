"""The plan and scorecard in brief, for viewers and anyone whose roles give no other
section: the plan's actions by computed RAG, and the scorecard's indicators by RAG for
the latest month with approved figures. A fixed number of queries.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from improvement_plan.models import Plan
from improvement_plan.selectors import PlanOverview, current_plan, plan_overview
from scorecard.selectors import months_held, overview

SCORECARD_ORDER = (("red", "Red"), ("amber", "Amber"), ("green", "Green"), ("none", "No RAG"))


@dataclass(frozen=True)
class ScorecardSummary:
    period: datetime.date | None
    indicators: int = 0
    rag: Counter | None = None

    @property
    def by_rag(self) -> list[tuple[str, str, int]]:
        counts = self.rag or Counter()
        return [(key, words, counts[key]) for key, words in SCORECARD_ORDER]


@dataclass(frozen=True)
class Summaries:
    plan: Plan | None
    overview: PlanOverview | None
    scorecard: ScorecardSummary


def scorecard_summary(*, today: datetime.date) -> ScorecardSummary:
    held = months_held()
    if not held:
        return ScorecardSummary(None)
    counts = Counter()
    areas = overview(period=held[0], today=today)
    for area in areas:
        counts.update(area.rag)
    return ScorecardSummary(held[0], sum(a.indicators for a in areas), counts)


def summaries(*, today: datetime.date) -> Summaries:
    plan = current_plan()
    return Summaries(
        plan=plan,
        overview=plan_overview(plan, today=today) if plan else None,
        scorecard=scorecard_summary(today=today),
    )
