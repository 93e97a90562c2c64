"""`manage.py import_plan FILE [--plan NAME] [--dry-run]`: imports a plan table or an export.

Without --plan, into the current plan (the one that starts latest), said in the report.

All or nothing. Prints the summary, every warning with its row number, and the posts
created for an administrator to review. A file that cannot be read stops the command
with a message and exit code 1.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from improvement_plan.importing import PlanFileError, PlanLayoutError, plan_import
from improvement_plan.selectors import current_plan


class Command(BaseCommand):
    help = "Imports an improvement plan (.csv or .xlsx) into the named plan, creating it if new."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The plan's table as .csv (UTF-8) or .xlsx.")
        parser.add_argument(
            "--plan", help="The plan's title (a new plan when new); default: the current plan."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would happen; save nothing."
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        title = self._title(options["plan"])
        if not title or len(title) > 250:
            raise CommandError("Give the plan's title, up to 250 characters, with --plan.")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
        try:
            report = plan_import(
                source=data,
                filename=path.name,
                plan_title=title,
                dry_run=options["dry_run"],
                today=timezone.localdate(),
            )
        except (PlanFileError, PlanLayoutError) as exc:
            raise CommandError(f"{path}: {exc} Nothing was imported.") from exc
        for line in report.lines():
            self.stdout.write(line)

    def _title(self, given: str | None) -> str:
        if given is not None:
            return " ".join(given.split())
        plan = current_plan()
        if plan is None:
            raise CommandError("There is no plan yet: name the new plan with --plan.")
        self.stdout.write(f'Into the current plan, "{plan.title}" (name another with --plan).')
        return plan.title
