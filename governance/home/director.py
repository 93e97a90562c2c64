"""The Director's page: where the plan and the scorecard stand, what waits for her, and
what is coming up. A fixed number of queries however many actions the plan holds.

Rules:
- Plan RAG by priority: the computed RAG (improvement_plan.rag_selectors) counted per
  priority of the current plan (improvement_plan.selectors.plan_overview), with what
  changed since the last board (governance.home.changes).
- Scorecard exceptions: the exceptions page's own selectors (judged exceptions and "No
  figure") for the month the scorecard opens on, the latest complete month
  (scorecard.selectors.completeness), with its completeness and what later months
  lack, so the home and the scorecard pages never disagree and nothing reads as an
  all-clear while figures are missing.
- Updated since her review: actions whose latest update by a lead (imported entries do
  not count) came after the latest review of that action, or that were never reviewed;
  newest first. Marked new when the update came after the last review she recorded of
  any action (governance.domain.home.is_new).
- How the linked indicators moved: the impact view's verdicts for the current plan's
  links (improvement_plan.impact_selectors), counted, worst first, with the links that
  moved the wrong way named.
- Her open challenges: reviews she recorded that challenge a RAG and that no progress
  update has answered yet.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Max, OuterRef, QuerySet, Window

from governance.domain.home import is_new
from governance.home.changes import PriorityChange, SinceBoard, since_last_board
from governance.home.meetings import MeetingRow, next_meetings
from improvement_plan.domain import impact as impact_rules
from improvement_plan.impact_selectors import LinkImpact, plan_impact
from improvement_plan.models import Action, DirectorReview, Plan
from improvement_plan.rag_selectors import with_computed_rag
from improvement_plan.selectors import PlanOverview, RagCounts, current_plan, plan_overview
from scorecard.domain.completeness import Completeness
from scorecard.models import Indicator
from scorecard.selectors import ExceptionRow, exceptions
from scorecard.selectors.completeness import NoFigure, no_figure_rows, scorecard_months
from scorecard.selectors.pages import CONCERN_REASON, RED_REASON, WORSENING_REASON
from scorecard.tables import exception_reason_in_words, figure_in_words

SHOWN = 10
NO_FIGURE = "no_figure"
REASONS = {
    RED_REASON: "Red",
    WORSENING_REASON: "Worsening",
    CONCERN_REASON: "Special cause concern",
    NO_FIGURE: "No figure",
}


@dataclass(frozen=True)
class UpdatedAction:
    action: Action
    new: bool


@dataclass(frozen=True)
class ExceptionShown:
    """An exception as the page shows it: the indicator, its figure and why, in words."""

    indicator: Indicator
    figure: str
    why: list[str]


def _judged(row: ExceptionRow) -> ExceptionShown:
    indicator = row.row.indicator
    return ExceptionShown(
        indicator,
        figure_in_words(row.row.current, indicator),
        [exception_reason_in_words(reason, row.row) for reason in row.reasons],
    )


def _no_figure(missing: NoFigure) -> ExceptionShown:
    return ExceptionShown(missing.indicator, "No figure", [missing.words])


@dataclass(frozen=True)
class ScorecardExceptions:
    """The month the scorecard opens on (the latest complete month), how complete it
    is, later months with what each lacks, its exceptions (the first SHOWN) and how
    many of each kind, "No figure" counted like the others."""

    period: datetime.date | None
    opening_words: str = ""
    completeness: Completeness | None = None
    later: list[Completeness] = field(default_factory=list)
    rows: list[ExceptionShown] = field(default_factory=list)
    total: int = 0
    by_reason: Counter = field(default_factory=Counter)

    @property
    def reason_counts(self) -> list[tuple[str, int]]:
        return [(words, self.by_reason[reason]) for reason, words in REASONS.items()]


def scorecard_exceptions() -> ScorecardExceptions:
    """The exceptions page's exceptions for the month the scorecard opens on."""
    months = scorecard_months()
    period = months.opening.period
    if period is None:
        return ScorecardExceptions(None, months.opening.words)
    judged = [row for _, rows in exceptions(period=period, with_spc=True) for row in rows]
    missing = [row for _, rows in no_figure_rows(period) for row in rows]
    by_reason = Counter(reason for row in judged for reason in row.reasons)
    by_reason[NO_FIGURE] = len(missing)
    shown = [*map(_judged, judged[:SHOWN]), *map(_no_figure, missing[: SHOWN - len(judged)])]
    return ScorecardExceptions(
        period, months.opening.words, months.months[period].total, months.later_than(period),
        shown, len(judged) + len(missing), by_reason,
    )  # fmt: skip


def updated_since_review(plan: Plan | None, *, today: datetime.date) -> QuerySet[Action]:
    """The plan's actions updated since their latest review, newest update first, each
    with `total`: how many there are. No review on or after the latest update is the
    same as the latest review before it or none (an anti-join, not a subquery a row)."""
    if plan is None:
        return Action.objects.none()
    reviewed_since = DirectorReview.objects.filter(
        action=OuterRef("pk"), reviewed_at__gte=OuterRef("last_update_at")
    )
    actions = with_computed_rag(Action.objects.filter(objective__priority__plan=plan), today=today)
    return (
        actions.filter(~Exists(reviewed_since), last_update_at__isnull=False)
        .annotate(total=Window(Count("pk")))
        .order_by("-last_update_at", "pk")
    )


def latest_updated(plan: Plan | None, *, today: datetime.date) -> tuple[list[Action], int]:
    """The first SHOWN of updated_since_review and how many there are, in one query."""
    shown = list(updated_since_review(plan, today=today)[:SHOWN])
    return shown, shown[0].total if shown else 0


def open_challenges_made_by(person) -> list[DirectorReview]:
    """Challenges `person` recorded that no progress update has answered, newest first."""
    return list(
        DirectorReview.objects.filter(
            reviewer=person, decision=DirectorReview.Decision.CHALLENGED, answered_by__isnull=True
        )
        .select_related("action")
        .order_by("-reviewed_at", "-pk")
    )


@dataclass(frozen=True)
class DirectorPage:
    plan: Plan | None
    overview: PlanOverview | None
    since: SinceBoard | None
    priority_rows: list[tuple[RagCounts, str]]
    scorecard: ScorecardExceptions
    updated: list[UpdatedAction]
    updated_count: int
    last_review_at: datetime.datetime | None
    challenges: list[DirectorReview]
    meetings: list[MeetingRow]
    impact: "ImpactSummary | None" = None


IMPACT_ORDER = (
    impact_rules.WRONG_WAY, impact_rules.NO_SIGNAL, impact_rules.AS_EXPECTED,
    impact_rules.NOT_ENOUGH, impact_rules.NOT_JUDGED,
)  # fmt: skip


@dataclass(frozen=True)
class ImpactSummary:
    """How many of the plan's links have each verdict (worst first), and those that
    moved the wrong way."""

    counts: list[tuple[str, int]]
    wrong_way: list[LinkImpact]


def impact_summary(plan: Plan | None, *, today: datetime.date) -> ImpactSummary | None:
    """The impact view's verdicts for the plan, counted (module docstring)."""
    if plan is None:
        return None
    links = [item for group in plan_impact(plan, today=today) for item in group.links]
    if not links:
        return ImpactSummary([], [])
    found = Counter(item.impact.verdict for item in links)
    counts = [(impact_rules.VERDICT_WORDS[v], found[v]) for v in IMPACT_ORDER if found[v]]
    wrong = [item for item in links if item.impact.verdict == impact_rules.WRONG_WAY]
    return ImpactSummary(counts, wrong)


def priority_rows(overview, since: SinceBoard | None) -> list[tuple[RagCounts, str]]:
    """Each priority's RAG counts with its change since the last board in words ("" when
    there is no board to compare with)."""
    if overview is None:
        return []
    changes = since.priorities if since else {}
    return [
        (row, changes.get(row.priority.pk, PriorityChange()).words if since else "")
        for row in overview.priorities
    ]


def director_page(*, person, today: datetime.date, now: datetime.datetime) -> DirectorPage:
    """Everything the Director's page shows (module docstring)."""
    plan = current_plan()
    overview = plan_overview(plan, today=today) if plan else None
    since = since_last_board(plan, today=today)
    updated, updated_count = latest_updated(plan, today=today)
    last_review_at = DirectorReview.objects.filter(reviewer=person).aggregate(
        at=Max("reviewed_at")
    )["at"]
    return DirectorPage(
        plan=plan,
        overview=overview,
        since=since,
        priority_rows=priority_rows(overview, since),
        scorecard=scorecard_exceptions(),
        updated=[
            UpdatedAction(a, is_new(updated_at=a.last_update_at, last_review_at=last_review_at))
            for a in updated
        ],
        updated_count=updated_count,
        last_review_at=last_review_at,
        challenges=open_challenges_made_by(person),
        meetings=next_meetings(user=person, now=now, today=today),
        impact=impact_summary(plan, today=today),
    )
