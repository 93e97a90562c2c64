"""`manage.py send_reminders [--today YYYY-MM-DD] [--dry-run]`: the daily reminders run
by hand, through the same services as the beat (governance.reminders.services)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from governance.models import Reminder
from governance.reminders.messages import day_in_words
from governance.reminders.services import reminders_run


def day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"--today must be a date like 2023-03-08, not {text!r}.") from exc


class Command(BaseCommand):
    help = "Sends the reminders due today (or --today), each once; --dry-run sends nothing."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Run as if today were this date (YYYY-MM-DD)")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be sent; send and record nothing"
        )

    def handle(self, *args, today=None, dry_run=False, **options):
        when = day(today) if today else timezone.localdate()
        report = reminders_run(today=when, dry_run=dry_run)
        for outcome, entry in report.lines:
            person = entry.recipient
            kind = Reminder.Kind(entry.kind).label
            self.stdout.write(
                f"{outcome:<10} {kind:<28} to {person.email}: {entry.subject} ({entry.reason})"
            )
        counts = dict.fromkeys(("would send", "sent", "failed"), 0)
        for outcome, _ in report.lines:
            counts[outcome] += 1
        done = (
            f"{counts['would send']} would be sent"
            if dry_run
            else f"{counts['sent']} sent, {counts['failed']} failed"
        )
        self.stdout.write(
            f"Reminders for {day_in_words(when)}: {done}; "
            f"{report.already} due today were recorded already, so not sent again."
        )
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} reminders were not sent: see the list above.")
