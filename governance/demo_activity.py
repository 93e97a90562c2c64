"""What the demo's leads and Director have done since the plan was imported.

A plan fresh from its Word table has no tracked history. The demo adds a little of
what the product tracks, through the ordinary services and with wording taken from the
published progress comments: a lead reporting Green on an overdue action (so the
disagreement shows), a due date moved twice with reasons (slippage, computed Amber),
and the Director confirming one RAG and challenging another.
Runs once: a plan that already has any lead's update or review is left alone.
"""

import datetime

from governance.models import User
from improvement_plan import services
from improvement_plan.models import Action, DirectorReview, Plan, ProgressUpdate

LEAD = "ad.csc@demo.tameside.example"
DIRECTOR = "dcs@demo.tameside.example"


def demo_plan_activity(*, plan: Plan, today: datetime.date) -> int:
    """Records the demo's tracked activity; returns how many records it made (0 if done)."""
    actions = Action.objects.filter(objective__priority__plan=plan)
    if (
        ProgressUpdate.objects.filter(action__in=actions, is_imported=False).exists()
        or DirectorReview.objects.filter(action__in=actions).exists()
    ):
        return 0
    by_ref = {action.reference: action for action in actions}
    people = {user.email: user for user in User.objects.filter(email__in=[LEAD, DIRECTOR])}
    lead, director = people.get(LEAD), people.get(DIRECTOR)
    if not (lead and director and {"2.3.4", "2.4.2", "1.2.2", "1.4.2"} <= by_ref.keys()):
        return 0
    _reported_green_while_overdue(by_ref["2.3.4"], lead, today)
    _slipped_twice(by_ref["2.4.2"], lead, today)
    _director_reviews(by_ref, director, today)
    return 6


def _reported_green_while_overdue(action: Action, lead: User, today: datetime.date) -> None:
    services.progress_update_record(
        action=action, author=lead, today=today, reported_rag="green",
        text="Managed Service review report deferred to the first Board chaired by the "
        "new DfE adviser; the service continues to manage 55 complex cases.",
    )  # fmt: skip


def _slipped_twice(action: Action, lead: User, today: datetime.date) -> None:
    services.progress_update_record(
        action=action, author=lead, today=today, reported_rag="amber",
        rag_reason="The workforce survey cannot start until the HR business partner is in post.",
        text="Workforce survey delayed pending the HR business partner starting.",
        new_due_date=today + datetime.timedelta(days=45),
        due_date_reason="Delayed pending HR business partner starting",
    )  # fmt: skip
    services.progress_update_record(
        action=action, author=lead, today=today, reported_rag="amber",
        rag_reason="Survey now timed with the key Head of Service appointments.",
        text="Survey to commence in line with key Head of Service appointments.",
        new_due_date=today + datetime.timedelta(days=90),
        due_date_reason="To align with key Head of Service appointments",
    )  # fmt: skip


def _director_reviews(by_ref: dict[str, Action], director: User, today: datetime.date) -> None:
    services.director_review_record(
        action=by_ref["1.4.2"], reviewer=director, decision="confirmed", today=today,
        comment="Red is right: the SEF evidence has not yet come to the Board.",
    )  # fmt: skip
    services.director_review_record(
        action=by_ref["1.2.2"], reviewer=director, decision="challenged", today=today,
        comment="The escalation process was due by end August 2022 and moved to October. "
        "What date will each organisation have agreed it, and who is chasing?",
    )  # fmt: skip
