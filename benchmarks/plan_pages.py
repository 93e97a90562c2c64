"""The improvement plan's generator: plans of any size, for the benchmarks (3,000 actions
at 10× a council, 100,000 for the reminder sweep) and for the query-count tests.

seed_plan() builds a plan of any size fast:
everything goes in with bulk_create, in batches (BATCH), so it builds 100,000 actions;
each action's tracking facts (improvement_plan.tracking) are set in one UPDATE at the end.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from governance.models import Post, User
from improvement_plan.models import (
    Action,
    DueDateChange,
    Objective,
    Plan,
    Priority,
    ProgressUpdate,
    Rag,
)
from improvement_plan.tracking import tracking_refresh_all

ACTIONS = 3_000
PRIORITIES = 7
OBJECTIVES_PER_PRIORITY = 6
UPDATES_PER_ACTION = 10
POSTS = 24
BATCH = 2_000


def _posts() -> list[Post]:
    return [Post.objects.get_or_create(name=f"Bench post {n:02d}")[0] for n in range(POSTS)]


def _objectives(plan: Plan, priorities: int) -> list[Objective]:
    made = Priority.objects.bulk_create(
        Priority(plan=plan, number=n, title=f"Priority {n} of the plan")
        for n in range(1, priorities + 1)
    )
    return Objective.objects.bulk_create(
        Objective(priority=priority, order=n, title=f"Objective {priority.number}.{n}")
        for priority in made
        for n in range(1, OBJECTIVES_PER_PRIORITY + 1)
    )


def _actions(objectives: list[Objective], count: int, rng: random.Random) -> list[Action]:
    today = timezone.localdate()
    actions, order = [], {}
    for n in range(count):
        objective = objectives[n % len(objectives)]
        order[objective.pk] = order.get(objective.pk, 0) + 1
        actions.append(
            Action(
                objective=objective,
                order=order[objective.pk],
                reference=f"{objective.priority.number}.{objective.order}.{order[objective.pk]}",
                description=f"Benchmark action {n}: audit referrals and report to the board",
                due_date=None
                if n % 25 == 24
                else today + datetime.timedelta(rng.randint(-300, 300)),
                status=rng.choice(Action.Status.values),
                reported_rag=rng.choice(["", *Rag.values]),
            )
        )
    return Action.objects.bulk_create(actions, batch_size=BATCH)


def _leads(actions: list[Action], posts: list[Post]) -> None:
    through = Action.lead_posts.through
    rows = []
    for n, action in enumerate(actions):
        first, second = n % len(posts), (n * 7 + 3) % len(posts)
        rows.append(through(action=action, post=posts[first]))
        if second != first:
            rows.append(through(action=action, post=posts[second]))
    through.objects.bulk_create(rows, batch_size=BATCH)


def _updates(actions, *, updates_per_action: int, rng, author) -> None:
    """Each action's progress updates, written BATCH at a time."""
    now = timezone.now()
    updates = []
    for action in actions:
        for u in range(updates_per_action):
            updates.append(
                ProgressUpdate(
                    action=action,
                    text=f"Update {u} on {action.reference}: work continues",
                    author=author,
                    created_at=now - datetime.timedelta(days=rng.randint(0, 400)),
                    reported_rag=rng.choice(Rag.values),
                )
            )
        if len(updates) >= BATCH:
            ProgressUpdate.objects.bulk_create(updates, batch_size=BATCH)
            updates = []
    ProgressUpdate.objects.bulk_create(updates, batch_size=BATCH)


def _moves(actions, *, moved_every: int, rng, author) -> list[Action]:
    """For every `moved_every`th dated action, one to three due-date changes; the actions
    moved, with their new due dates (not yet saved)."""
    now = timezone.now()
    changes, moved = [], []
    for n, action in enumerate(actions):
        if n % moved_every or action.due_date is None:
            continue
        due = action.due_date
        for m in range(1 + n % 3):
            later = due + datetime.timedelta(days=rng.randint(14, 90))
            changes.append(
                DueDateChange(
                    action=action,
                    from_date=due,
                    to_date=later,
                    reason=f"Move {m + 1}: staff on leave",
                    changed_by=author,
                    changed_at=now - datetime.timedelta(days=30 * (3 - m)),
                )
            )
            due = later
        action.due_date = due
        moved.append(action)
    DueDateChange.objects.bulk_create(changes, batch_size=BATCH)
    return moved


def _history(plan, actions, *, updates_per_action: int, moved_every: int, rng, author) -> None:
    """Updates and due-date moves, then each action's tracking facts in one UPDATE, as
    the services keep them (improvement_plan.tracking)."""
    _updates(actions, updates_per_action=updates_per_action, rng=rng, author=author)
    moved = _moves(actions, moved_every=moved_every, rng=rng, author=author)
    Action.objects.bulk_update(moved, ["due_date"], batch_size=BATCH)
    tracking_refresh_all(Action.objects.filter(objective__priority__plan=plan))


@transaction.atomic
def seed_plan(
    *,
    actions: int,
    title: str = "Volume plan",
    starts_on: datetime.date = datetime.date(2024, 1, 1),
    priorities: int = PRIORITIES,
    updates_per_action: int = UPDATES_PER_ACTION,
    moved_every: int = 5,
    author: User | None = None,
    seed: int = 7,
) -> Plan:
    """A plan of `actions` actions spread over `priorities`, each led by one or two of
    POSTS shared posts, with progress updates and, for every `moved_every`th dated
    action, one to three due-date changes. Due dates fall within 300 days of today.
    """
    rng = random.Random(seed)
    plan = Plan.objects.create(title=title, starts_on=starts_on)
    made = _actions(_objectives(plan, priorities), actions, rng)
    lead_and_history(
        plan, made, updates_per_action=updates_per_action, moved_every=moved_every, rng=rng,
        author=author,
    )  # fmt: skip
    return plan


def lead_and_history(
    plan: Plan, actions: list[Action], *, rng: random.Random, author: User | None = None,
    updates_per_action: int = UPDATES_PER_ACTION, moved_every: int = 5,
) -> None:  # fmt: skip
    """New `actions` of `plan` led by the shared POSTS, with updates and due-date moves
    as seed_plan gives its own (benchmarks.world grows the demo's plan with it)."""
    _leads(actions, _posts())
    _history(
        plan, actions, updates_per_action=updates_per_action, moved_every=moved_every, rng=rng,
        author=author,
    )  # fmt: skip
