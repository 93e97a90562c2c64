"""The daily reminder sweep against its floor (issue 13, section 4).

The sweep is what the beat's daily run does before the workers take over: plan what is
due (governance.reminders.services.reminders_due and the digest choice) and record it
(reminders_record). Its floor is the least the database must do for the same result:
one query selecting the due actions and one bulk_create of the same reminder rows. Both
are timed in alternating rounds (benchmarks.measure.against_floor), each round starting
with no reminders recorded.

It runs on the plan in the database (the harness seeds 3,000 actions at 10x with
benchmarks.plan_pages.seed_plan); at scale 10 it also builds a plan of 100,000 actions
and measures the sweep on that. Each lead post gets a holder, so every lead is
reminded. Everything it adds is rolled back.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from benchmarks.measure import against_floor, queries_of
from benchmarks.plan_pages import seed_plan
from governance.models import Post, PostHolder, Reminder, User
from governance.reminders import services
from improvement_plan.models import Action, Plan
from improvement_plan.selectors import COMPLETE_STATUSES, current_plan

LARGE_PLAN = 100_000
ROUNDS = {1: 5, 10: 3}


def _holders() -> None:
    for post in Post.objects.filter(name__startswith="Bench post").exclude(holders__isnull=False):
        person = User.objects.create_user(f"{post.pk}.bench@example.gov.uk", full_name=post.name)
        PostHolder.objects.create(post=post, person=person, start_date=datetime.date(2020, 1, 1))


def _sweep(today: datetime.date) -> list[Reminder]:
    planned = services.apply_digest_choice(services.reminders_due(today=today), today=today)
    return services.reminders_record(planned=planned).new


def _floor(today: datetime.date, rows: list[dict]):
    """One query selecting the due actions, and one bulk_create of the reminder rows."""
    horizon = today + datetime.timedelta(days=max(settings.REMINDER_DUE_SOON_DAYS))

    def floor():
        due = Action.objects.filter(objective__priority__plan=current_plan())
        due = due.exclude(status__in=COMPLETE_STATUSES).filter(due_date__lte=horizon)
        list(due.values_list("pk", "reference", "description", "due_date"))
        Reminder.objects.bulk_create(Reminder(**row) for row in rows)

    return floor


def _measured(today: datetime.date, *, rounds: int) -> dict:
    last = Reminder.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def reset():
        Reminder.objects.filter(pk__gt=last).delete()

    reset()
    # the same rows: every column the sweep writes, the mail's content for the workers too
    fields = ["key", "recipient_id", "kind", "about", "reason", "for_date", "subject", "content"]
    rows = [{name: getattr(made, name) for name in fields} for made in _sweep(today)]
    reset()
    figures = against_floor(lambda: _sweep(today), _floor(today, rows), rounds=rounds, reset=reset)
    reset()
    figures["queries"] = queries_of(lambda: _sweep(today))
    figures["reminders"] = len(rows)
    reset()
    return figures


def _large_plan() -> str:
    """Builds the 100,000-action plan as the current one; what stopped it, if it failed."""
    latest = Plan.objects.order_by("-starts_on").values_list("starts_on", flat=True).first()
    starts_on = (latest or datetime.date(2024, 1, 1)) + datetime.timedelta(days=1)
    try:
        with transaction.atomic():
            seed_plan(actions=LARGE_PLAN, title="Reminder sweep plan", starts_on=starts_on)
    except Exception as exc:  # noqa: BLE001  (any failure: reported, not raised)
        return f"{type(exc).__name__}: {exc}"[:300]
    return ""


def _label(plan) -> str:
    count = Action.objects.filter(objective__priority__plan=plan).count()
    return f"reminder sweep, {count:,} actions"


def figures(*, scale: int) -> dict[str, dict]:
    """{"reminder sweep, N actions": {ms, floor_ms, ratio, queries, ...}} for the plan in
    the database and, at scale 10, for a plan of 100,000 actions (when it cannot be
    built, the reason is printed and only the plan in the database is measured)."""
    today = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    rounds = ROUNDS.get(scale, ROUNDS[1])
    results = {}
    with transaction.atomic():
        _holders()
        if current_plan() is not None:
            results[_label(current_plan())] = _measured(today, rounds=rounds)
        if scale >= 10:
            failed = _large_plan()
            if failed:  # measured with what exists, and said so
                print(f"  reminder sweep: no plan of {LARGE_PLAN:,} actions ({failed})")
            else:
                results[_label(current_plan())] = _measured(today, rounds=rounds)
        transaction.set_rollback(True)
    return results
