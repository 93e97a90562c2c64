"""`manage.py import_scorecard FILE [--period YYYY-MM] [--dry-run] [--user EMAIL]`.

Imports every table of a scorecard (.tsv, .txt, .csv or .xlsx; docs: formats/scorecard.md)
and prints the summary and every problem with its row and column. A file that cannot be
read, or has a Current column and no --period, stops the command with a message and
exit code 1, and nothing is imported.
"""

import datetime
import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from scorecard.importing import ScorecardFileError, ScorecardPeriodNeeded, scorecard_import

PERIOD_RE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")


def month_option(text: str | None, option: str) -> datetime.date | None:
    """The first day of a YYYY-MM month given to an option; CommandError when not one."""
    if text is None:
        return None
    match = PERIOD_RE.match(text.strip())
    if match and 1 <= int(match["month"]) <= 12:
        return datetime.date(int(match["year"]), int(match["month"]), 1)
    raise CommandError(f'Give {option} as a month, YYYY-MM (such as 2023-06), not "{text}".')


class Command(BaseCommand):
    help = "Imports a scorecard file's tables; values arrive approved."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The scorecard as .tsv, .txt, .csv (UTF-8) or .xlsx.")
        parser.add_argument("--period", help="YYYY-MM: the month of the Current columns.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would happen; save nothing."
        )
        parser.add_argument("--user", help="Email of the person the import is recorded as.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        period = month_option(options["period"], "--period")
        user = self._user(options["user"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
        try:
            report = scorecard_import(
                source=data, filename=path.name, period=period,
                dry_run=options["dry_run"], user=user,
            )  # fmt: skip
        except ScorecardPeriodNeeded as exc:
            raise CommandError(
                f"{path}: the file has a Current or Current Performance column: give the "
                "month it describes with --period YYYY-MM. Nothing was imported."
            ) from exc
        except ScorecardFileError as exc:
            raise CommandError(f"{path}: {exc} Nothing was imported.") from exc
        for line in report.lines():
            self.stdout.write(line)

    def _user(self, email: str | None):
        if not email:
            return None
        user = get_user_model().objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No one has the email address {email}.")
        return user
