"""The data the benchmarks measure on: the demo council (1×), then grown to ten times a
council's size (10×) with the project's generators.

10× a council: a current plan of 3,000 actions with ~31,000 progress updates (one
action with 1,010 of them), 300 more indicators with 120 months of approved values,
and ten times the demo's meetings, each with an agenda. The demo's people sign in at
both sizes; at 10× the lead also holds a post that leads a twenty-fourth of the plan.
"""

import datetime
import io
from dataclasses import dataclass

from django.core.management import call_command
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from benchmarks.plan_pages import seed_plan
from benchmarks.scorecard_pages import INDICATORS, seed_area
from governance.models import AgendaItem, Meeting, Post, PostHolder, User
from governance.public.selectors import public_meetings
from improvement_plan.models import Action, ProgressUpdate
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
    """Adds 10× data to the demo (module docstring) and describes it again."""
    plan = seed_plan(
        actions=TEN_TIMES_ACTIONS,
        title="Volume plan (benchmarks)",
        starts_on=timezone.localdate().replace(day=1),
        author=world.people["lead"],
    )
    _lead_holds_a_volume_post(world.people["lead"])
    _long_history(Action.objects.filter(objective__priority__plan=plan).order_by("pk").first())
    last = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    for order, (prefix, count) in enumerate(INDICATORS.items()):
        seed_area(prefix, indicators=count, months=MONTHS, last=last, first=FIRST_REF, seed=order)
    _meetings(times=9)
    return describe(scale=10)


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
