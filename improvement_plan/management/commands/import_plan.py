"""`manage.py import_plan FILE --plan NAME [--dry-run]`: imports a plan table or an export.

All or nothing. Prints the summary, every warning with its row number, and the posts
created for an administrator to review. A file that cannot be read stops the command
with a message and exit code 1.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from improvement_plan.importing import PlanFileError, PlanLayoutError, plan_import


class Command(BaseCommand):
    help = "Imports an improvement plan (.csv or .xlsx) into the named plan, creating it if new."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The plan's table as .csv (UTF-8) or .xlsx.")
        parser.add_argument("--plan", required=True, help="The plan's title.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would happen; save nothing."
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        title = " ".join(options["plan"].split())
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
