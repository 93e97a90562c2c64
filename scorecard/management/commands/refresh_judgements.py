"""`manage.py refresh_judgements [REF ...]`: rewrites the stored SPC judgements
(scorecard.judgement_services) of the indicators named, or of every indicator.

For whatever changed approved values, polarity or an SPC baseline without the services
(a bulk update, a data fix, moving the demo's dates): the pages read what is stored.
"""

from django.core.management.base import BaseCommand, CommandError

from scorecard.judgement_services import indicator_judgements_refresh
from scorecard.models import Indicator

INDICATORS_AT_ONCE = 200


class Command(BaseCommand):
    help = "Rewrites the stored SPC judgements of the indicators named, or of every one."

    def add_arguments(self, parser):
        parser.add_argument("refs", nargs="*", help="Indicator references; none: every one.")

    def handle(self, *args, **options):
        refs = options["refs"]
        indicators = Indicator.objects.order_by("pk")
        if refs:
            indicators = indicators.filter(ref__in=refs)
            unknown = sorted(set(refs) - set(indicators.values_list("ref", flat=True)))
            if unknown:
                raise CommandError(f"No indicator has the reference {', '.join(unknown)}.")
        ids = list(indicators.values_list("pk", flat=True))
        written = 0
        for start in range(0, len(ids), INDICATORS_AT_ONCE):
            written += indicator_judgements_refresh(
                indicator_ids=ids[start : start + INDICATORS_AT_ONCE]
            )
        noun = "indicator" if len(ids) == 1 else "indicators"
        self.stdout.write(f"{written} judgements written for {len(ids)} {noun}.")
