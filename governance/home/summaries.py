"""The plan and scorecard in brief, for viewers and anyone whose roles give no other
section: the plan's actions by computed RAG, and the scorecard's indicators by RAG for
the month the scorecard opens on (the latest complete month, with its completeness:
scorecard.selectors.completeness). A fixed number of queries.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from improvement_plan.models import Plan
from improvement_plan.selectors import PlanOverview, current_plan, plan_overview
from scorecard.domain.completeness import Completeness
from scorecard.selectors import overview
from scorecard.selectors.completeness import scorecard_months

SCORECARD_ORDER = (("red", "Red"), ("amber", "Amber"), ("green", "Green"), ("none", "No RAG"))


@dataclass(frozen=True)
class ScorecardSummary:
    period: datetime.date | None
    opening_words: str = ""
    completeness: Completeness | None = None
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
    months = scorecard_months()
    period = months.opening.period
    if period is None:
        return ScorecardSummary(None)
    counts = Counter()
    areas = overview(period=period, today=today)
    for area in areas:
        counts.update(area.rag)
    return ScorecardSummary(
        period, months.opening.words, months.months[period].total,
        sum(a.indicators for a in areas), counts,
    )  # fmt: skip


def summaries(*, today: datetime.date) -> Summaries:
    plan = current_plan()
    return Summaries(
        plan=plan,
        overview=plan_overview(plan, today=today) if plan else None,
        scorecard=scorecard_summary(today=today),
    )
