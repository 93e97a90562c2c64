"""The data the benchmarks measure on: the demo council (1×), then grown to ten times a
council's size (10×) with the project's generators.

10× a council: the demo's plan grown to 3,000 actions with ~31,000 progress updates
(the action with the longest history gains 1,000), 300 more indicators with 120 months
of approved values, and ten times the demo's meetings, each with an agenda. The demo's
people sign in at both sizes; at 10× the lead also holds a post that leads a
twenty-fourth of the new actions. The same objects are measured at both sizes.
"""

import dataclasses
import datetime
import io
import random
from dataclasses import dataclass

from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count, Max
from django.utils import timezone

from benchmarks import plan_pages
from benchmarks.plan_pages import BATCH
from benchmarks.scorecard_pages import INDICATORS, seed_area
from governance.models import AgendaItem, Meeting, Post, PostHolder, User
from governance.public.selectors import public_meetings
from improvement_plan.models import Action, Objective, ProgressUpdate
from improvement_plan.selectors import current_plan
from scorecard.models import Indicator

DEMO = "@demo.tameside.example"
PEOPLE = {
    "director": "dcs",
    "lead": "ad.csc",
    "performance": "performance",
    "democratic": "democratic.services",
    "administrator": "admin",
    "viewer": "viewer",
}
TEN_TIMES_ACTIONS = 3_000
LONG_HISTORY = 1_000
MONTHS = 120
FIRST_REF = 101  # the generated indicators' numbers start above the demo's


@dataclass(frozen=True)
class World:
    """Who signs in, and the objects whose pages are measured, at one size."""

    scale: int
    people: dict[str, User]
    action_id: int
    indicator_ref: str
    area_prefix: str
    meeting_id: int
    public_meeting_id: int
    board_slug: str


def demo_world() -> World:
    """The demo council, loaded as `make run` loads it."""
    call_command("load_demo", "--allow-without-debug", stdout=io.StringIO())
    return describe(scale=1)


def describe(*, scale: int) -> World:
    """The objects to measure: the action with the longest history, the indicator with
    the latest approved figure and its service area, the latest public meeting and its
    board's latest meeting."""
    people = {role: User.objects.get(email=f"{name}{DEMO}") for role, name in PEOPLE.items()}
    action = (
        ProgressUpdate.objects.values("action")
        .annotate(n=Count("pk"))
        .order_by("-n", "action")
        .first()
    )
    indicator = (
        Indicator.objects.filter(values__state="approved")
        .order_by("-values__period", "ref")
        .first()
    )
    published = public_meetings().order_by("-starts_at", "pk").first()
    board = published.board
    meetings = Meeting.objects.filter(board=board).order_by("-starts_at")
    return World(
        scale=scale,
        people=people,
        action_id=action["action"],
        indicator_ref=indicator.ref,
        area_prefix=indicator.service_area.prefix,
        meeting_id=meetings.first().pk,
        public_meeting_id=published.pk,
        board_slug=board.slug,
    )


def grow_to_ten_times(world: World) -> World:
    """Grows the demo itself to 10× (module docstring), so that each page measured at 1×
    is the same page at 10×, with more rows: the demo's plan gains actions, the action
    with the longest history 1,000 more updates, each service area 50 more indicators."""
    plan = current_plan()
    _grow_plan(plan, actions=TEN_TIMES_ACTIONS - plan_actions(plan), author=world.people["lead"])
    _lead_holds_a_volume_post(world.people["lead"])
    _long_history(Action.objects.get(pk=world.action_id))
    last = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    for order, (prefix, count) in enumerate(INDICATORS.items()):
        seed_area(prefix, indicators=count, months=MONTHS, last=last, first=FIRST_REF, seed=order)
    _meetings(times=9)
    _analyze()
    # The same meetings as at 1×: copies of the demo's future meetings, moved back, would
    # otherwise be the "latest", and a copy (no papers) is another page.
    same = {"meeting_id": world.meeting_id, "public_meeting_id": world.public_meeting_id}
    return dataclasses.replace(describe(scale=10), **same)


def _analyze() -> None:
    """Fresh planner statistics after the bulk growth, as autovacuum would give a
    council's database in the hours after it grew (without them PostgreSQL plans the
    grown tables as if they were empty)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def plan_actions(plan) -> int:
    return Action.objects.filter(objective__priority__plan=plan).count()


@transaction.atomic
def _grow_plan(plan, *, actions: int, author: User, seed: int = 7) -> None:
    """`actions` more actions spread over the plan's own objectives, numbered after each
    objective's last, led by the generator's shared posts, with its history."""
    rng = random.Random(seed)
    objectives = list(Objective.objects.filter(priority__plan=plan).select_related("priority"))
    last = dict(
        Action.objects.filter(objective__in=objectives)
        .values("objective")
        .annotate(last=Max("order"))
        .values_list("objective", "last")
    )
    made = []
    for n in range(actions):
        objective = objectives[n % len(objectives)]
        last[objective.pk] = order = last.get(objective.pk, 0) + 1
        made.append(_action(objective, order, n, rng))
    made = Action.objects.bulk_create(made, batch_size=BATCH)
    plan_pages.lead_and_history(plan, made, author=author, rng=rng)


def _action(objective: Objective, order: int, n: int, rng: random.Random) -> Action:
    today = timezone.localdate()
    return Action(
        objective=objective,
        order=order,
        reference=f"{objective.priority.number}.{objective.order}.{order}",
        description=f"Benchmark action {n}: audit referrals and report to the board",
        due_date=None if n % 25 == 24 else today + datetime.timedelta(rng.randint(-300, 300)),
        status=rng.choice(Action.Status.values),
    )


def _lead_holds_a_volume_post(lead: User) -> None:
    post = Post.objects.get(name="Bench post 00")
    PostHolder.objects.create(post=post, person=lead, start_date=datetime.date(2020, 1, 1))


@transaction.atomic
def _long_history(action: Action) -> None:
    now = timezone.now()
    ProgressUpdate.objects.bulk_create(
        (
            ProgressUpdate(
                action=action,
                text=f"Update {n}: audit of contacts continues with partners",
                author=None,
                created_at=now - datetime.timedelta(hours=n),
                reported_rag="amber",
            )
            for n in range(LONG_HISTORY)
        ),
        batch_size=2000,
    )


@transaction.atomic
def _meetings(*, times: int) -> None:
    """`times` more meetings like each of the demo's, a month apart going back, each
    with its agenda items copied."""
    originals = list(Meeting.objects.prefetch_related("agenda_items"))
    made, items = [], []
    for n in range(1, times + 1):
        for meeting in originals:
            copy = Meeting(
                board_id=meeting.board_id,
                starts_at=meeting.starts_at - datetime.timedelta(days=31 * n * 4),
                place=meeting.place,
                status=Meeting.Status.HELD,
                agenda_published_at=meeting.agenda_published_at,
            )
            made.append((copy, list(meeting.agenda_items.all())))
    Meeting.objects.bulk_create([copy for copy, _ in made], batch_size=2000)
    for copy, originals_items in made:
        items.extend(
            AgendaItem(
                meeting=copy,
                order=item.order,
                title=item.title,
                exempt_paragraph=item.exempt_paragraph,
            )  # fmt: skip
            for item in originals_items
        )
    AgendaItem.objects.bulk_create(items, batch_size=2000)
