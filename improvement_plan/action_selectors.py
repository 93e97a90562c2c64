"""Reads for one action's pages: the action itself, its indicators, evidence, challenges,
and a page of its timeline (improvement_plan.timeline_selectors).
"""

import datetime
from dataclasses import dataclass

from django.core.paginator import Page
from django.db.models import Case, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery, When

from governance.models import Post
from governance.selectors import post_ids_held
from improvement_plan.domain import due_dates
from improvement_plan.domain import rag as rag_rules
from improvement_plan.domain.rag import RagJudgement, disagreement
from improvement_plan.impact_selectors import LinkImpact
from improvement_plan.models import Action, ActionIndicatorLink, DirectorReview, Evidence
from improvement_plan.rag_selectors import judge, with_computed_rag
from improvement_plan.timeline_selectors import Entry, timeline_page
from scorecard.models import Indicator, IndicatorValue
from scorecard.tables import value_in_words


def action_queryset() -> QuerySet[Action]:
    """Actions with what the detail and form pages show and the rules read, in one query
    (plus lead posts and milestones, prefetched)."""
    return Action.objects.select_related("objective__priority__plan", "owner").prefetch_related(
        Prefetch("lead_posts", queryset=Post.objects.order_by("name")), "milestones"
    )


def evidence_of(action: Action) -> list[Evidence]:
    """Files attached to the action, newest first, with who uploaded them."""
    return list(action.evidence.select_related("uploaded_by").order_by("-uploaded_at", "-id"))


@dataclass(frozen=True)
class IndicatorReading:
    """A linked indicator, its latest reported figure and the link's expected effect.
    `rag` is None until the scorecard rates indicators; the page then says "RAG not yet
    available"."""

    indicator: Indicator
    latest: IndicatorValue | None
    rag: str | None = None
    link: ActionIndicatorLink | None = None

    @property
    def value_in_words(self) -> str:
        return value_in_words(self.latest, self.indicator) if self.latest else "No values yet"

    @property
    def expected_words(self) -> str:
        """The effect as the impact page writes it: "Down, to 15% by March 2023"."""
        return LinkImpact(self.link, None).expected_words if self.link else ""


def linked_indicators(action: Action) -> list[IndicatorReading]:
    """The action's links by the indicator's service area, each with the indicator's latest
    value (two queries)."""
    latest = IndicatorValue.objects.filter(
        indicator=OuterRef("indicator"),
        state=IndicatorValue.State.APPROVED,  # board figures only
    ).order_by("-period")
    links = list(
        action.indicator_links.select_related("indicator__service_area")
        .annotate(latest_value_id=Subquery(latest.values("pk")[:1]))
        .order_by(
            "indicator__service_area__order",
            "indicator__service_area__prefix",
            "indicator__order",
            "indicator__ref",
        )
    )
    values = IndicatorValue.objects.in_bulk([i.latest_value_id for i in links if i.latest_value_id])
    return [
        IndicatorReading(link.indicator, values.get(link.latest_value_id), link=link)
        for link in links
    ]


def open_challenges(action: Action) -> list[DirectorReview]:
    return list(
        action.reviews.filter(
            decision=DirectorReview.Decision.CHALLENGED, answered_by__isnull=True
        ).select_related("reviewer")
    )


def open_challenges_for(*, person, today: datetime.date) -> QuerySet[DirectorReview]:
    """The Director's unanswered challenges on actions led by posts `person` holds today."""
    return (
        DirectorReview.objects.filter(
            decision=DirectorReview.Decision.CHALLENGED,
            answered_by__isnull=True,
            action__lead_posts__in=post_ids_held(person=person, today=today),
        )
        .distinct()
        .select_related("action", "reviewer")
        .order_by("-reviewed_at", "-id")
    )


# The detail page -------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionPage:
    """What the action's page shows beyond the action itself. `entries` is the timeline
    page shown (`timeline`, a Page of PER_PAGE)."""

    judgement: RagJudgement
    disagreement: str | None
    days_overdue: int | None
    timeline: Page
    evidence: list[Evidence]
    indicators: list[IndicatorReading]
    challenges: list[DirectorReview]

    @property
    def entries(self) -> list[Entry]:
        return list(self.timeline.object_list)


def action_page(action: Action, *, today: datetime.date, page_number=1) -> ActionPage:
    """The computed RAG and its reason, any disagreement in words, a page of the timeline,
    evidence, linked indicators and open challenges, for an action from action_queryset()."""
    judgement = judge(action, today=today)
    return ActionPage(
        judgement=judgement,
        disagreement=disagreement(reported=action.reported_rag, computed=judgement),
        days_overdue=due_dates.days_overdue(
            due_date=action.due_date, is_complete=action.is_complete, today=today
        ),
        timeline=timeline_page(action, number=page_number),
        evidence=evidence_of(action),
        indicators=linked_indicators(action),
        challenges=open_challenges(action),
    )


# The Director's review -------------------------------------------------------------------


def actions_to_review(*, today: datetime.date, plan=None) -> QuerySet[Action]:
    """Actions with their computed RAG, worst for review first: reported and computed RAG
    disagree, then Red, then Amber, then the rest; each group by due date.

    Annotated `disagrees`, `review_rank`, `open_challenge` and `last_reviewed_at`.
    """
    queryset = Action.objects.filter(objective__priority__plan=plan) if plan else Action.objects
    reviews = DirectorReview.objects.filter(action=OuterRef("pk"))
    disagrees = ~Q(reported_rag="") & ~Q(reported_rag=F("rag"))
    return (
        with_computed_rag(queryset.all(), today=today)
        .annotate(
            disagrees=Case(When(disagrees, then=True), default=False),
            review_rank=Case(
                When(disagrees, then=0),
                When(rag=rag_rules.RED, then=1),
                When(rag=rag_rules.AMBER, then=2),
                default=3,
            ),
            open_challenge=Exists(
                reviews.filter(
                    decision=DirectorReview.Decision.CHALLENGED, answered_by__isnull=True
                )
            ),
            last_reviewed_at=Subquery(reviews.order_by("-reviewed_at").values("reviewed_at")[:1]),
        )
        .select_related("objective__priority")
        .prefetch_related(Prefetch("lead_posts", queryset=Post.objects.order_by("name")))
        .order_by("review_rank", F("due_date").asc(nulls_last=True), "reference", "pk")
    )
