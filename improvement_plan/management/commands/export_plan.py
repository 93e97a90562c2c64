"""`manage.py export_plan [--plan NAME] --format csv|xlsx [-o FILE]`: one row per action.

Without --plan, the current plan (improvement_plan.selectors.current_plan: the one that
starts latest), named on standard error. CSV goes to standard output when no file is
given; XLSX needs a file. Every cell is written by common.cells, so no text becomes a
live formula. The export imports back with import_plan (see improvement_plan.exporting).
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from improvement_plan.exporting import FORMATS, write_csv, write_xlsx
from improvement_plan.models import Plan
from improvement_plan.selectors import current_plan


class Command(BaseCommand):
    help = "Exports a plan's actions, one row per action in plan order, as CSV or XLSX."

    def add_arguments(self, parser):
        parser.add_argument(
            "--plan", help="The plan's title; default: the current plan (the latest to start)."
        )
        parser.add_argument("--format", choices=FORMATS, default="csv")
        parser.add_argument("-o", "--output", help="The file to write; CSV only: default stdout.")

    def handle(self, *args, **options):
        plan = self._plan(options["plan"])
        today = timezone.localdate()
        output = options["output"]
        if options["format"] == "xlsx" and not output:
            raise CommandError("XLSX is a binary file: name the file to write with -o.")
        try:
            if options["format"] == "xlsx":
                with open(output, "wb") as stream:
                    write_xlsx(plan, stream, today=today)
            elif output:
                with open(output, "w", encoding="utf-8-sig", newline="") as stream:
                    write_csv(plan, stream, today=today)
            else:
                write_csv(plan, self.stdout, today=today)
        except OSError as exc:
            raise CommandError(f"Cannot write {output}: {exc.strerror or exc}.") from exc
        if output:
            self.stdout.write(f'Exported "{plan.title}" to {output}.')

    def _plan(self, title: str | None) -> Plan:
        """The plan named, else the current plan, said on standard error (stdout may be CSV)."""
        known = "; ".join(Plan.objects.values_list("title", flat=True)) or "none yet"
        if title is None:
            plan = current_plan()
            if plan is None:
                raise CommandError("There is no plan to export yet: import one with import_plan.")
            self.stderr.write(f'Exporting the current plan, "{plan.title}" (plans: {known}).')
            return plan
        plan = Plan.objects.filter(title__iexact=title.strip()).first()
        if plan is None:
            raise CommandError(f'No plan is called "{title}". Plans: {known}.')
        return plan
