"""`manage.py export_scorecard --format csv|xlsx [--from YYYY-MM] [--to YYYY-MM] [-o FILE]`.

One row per indicator and period, approved values only (see scorecard.exporting). CSV
goes to standard output when no file is given; XLSX needs a file.
"""

from django.core.management.base import BaseCommand, CommandError

from scorecard.exporting import FORMATS, write_csv, write_xlsx
from scorecard.management.commands.import_scorecard import month_option


class Command(BaseCommand):
    help = "Exports the scorecard's approved values, one row per indicator and period."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=FORMATS, default="csv")
        parser.add_argument("--from", dest="start", help="YYYY-MM: the first month to export.")
        parser.add_argument("--to", dest="end", help="YYYY-MM: the last month to export.")
        parser.add_argument("-o", "--output", help="The file to write; CSV only: default stdout.")

    def handle(self, *args, **options):
        start = month_option(options["start"], "--from")
        end = month_option(options["end"], "--to")
        if start and end and start > end:
            raise CommandError("--from must be the same month as --to or before it.")
        output = options["output"]
        if options["format"] == "xlsx" and not output:
            raise CommandError("XLSX is a binary file: name the file to write with -o.")
        try:
            if options["format"] == "xlsx":
                with open(output, "wb") as stream:
                    write_xlsx(stream, start=start, end=end)
            elif output:
                with open(output, "w", encoding="utf-8-sig", newline="") as stream:
                    write_csv(stream, start=start, end=end)
            else:
                write_csv(self.stdout, start=start, end=end)
        except OSError as exc:
            raise CommandError(f"Cannot write {output}: {exc.strerror or exc}.") from exc
        if output:
            self.stdout.write(f"Exported the scorecard to {output}.")
