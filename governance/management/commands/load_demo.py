"""`manage.py load_demo`: builds the demo council; running it again creates nothing new.

The story is moved by whole years to stand around today (or `--today`); `--as-written`
keeps the documents' own dates. Mails the load sends (a published pack's notices) go to
a memory outbox, never printed.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings
from django.utils import timezone

from governance.demo import demo_council_load

COUNTED = (
    ("governance.Organisation", "organisations"),
    ("governance.Post", "posts"),
    ("governance.User", "people"),
    ("governance.PostHolder", "post holders"),
    ("governance.Board", "boards"),
    ("governance.Membership", "memberships"),
    ("governance.Meeting", "meetings"),
    ("governance.AgendaItem", "agenda items"),
    ("governance.Attendance", "attendance records"),
    ("governance.Minute", "minutes"),
    ("governance.ActionArising", "actions arising"),
    ("governance.Paper", "papers"),
    ("governance.Pack", "agenda packs"),
    ("improvement_plan.Plan", "plans"),
    ("improvement_plan.Action", "actions"),
    ("improvement_plan.ProgressUpdate", "progress updates"),
    ("scorecard.ServiceArea", "service areas"),
    ("scorecard.Indicator", "indicators"),
    ("scorecard.IndicatorValue", "indicator values"),
    ("scorecard.Target", "targets"),
    ("scorecard.Benchmark", "benchmarks"),
)


def demo_counts() -> dict[str, int]:
    """How many rows of each kind the demo touches, by a plain-English name."""
    return {name: apps.get_model(label).objects.count() for label, name in COUNTED}


class Command(BaseCommand):
    help = (
        "Loads the demo council (Tameside): plan, scorecards, boards, meetings, sign-ins, "
        "its 2022-23 story moved by whole years to stand around today."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Load even with DEBUG off (a demo server). It sets known demo passwords.",
        )
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            help="The day the story is moved to stand around, YYYY-MM-DD (default: today).",
        )
        parser.add_argument(
            "--as-written",
            action="store_true",
            help="Keep the documents' own dates (2022-23) instead of moving them.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_without_debug"]:
            raise CommandError(
                "load_demo sets known demo passwords, so it runs only with DEBUG on. "
                "For a demo server pass --allow-without-debug."
            )
        before = demo_counts()
        today = options["today"] or timezone.localdate()
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            report = demo_council_load(today=today, as_written=options["as_written"])
        after = demo_counts()
        self.stdout.write("Demo council loaded:")
        for name, count in after.items():
            self.stdout.write(f"  {name}: {count} (+{count - before[name]})")
        self.stdout.write(f"  plan import: {report.plan.summary}")
        for scorecard in report.scorecards:
            self.stdout.write(f"  scorecard {scorecard.filename}: {scorecard.summary}")
        self.stdout.write(f"  demo passwords set: {report.passwords_set}")
        self.stdout.write(f"  story moved by {report.years_moved} years to stand around {today}")
        self.stdout.write("List the demo sign-ins with `python manage.py demo_signins`.")
