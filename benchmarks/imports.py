"""Scorecard imports against their floor (issue 13, section 3).

A scorecard file of 150 indicators x 12 months per scale (18,000 cells at scale 10,
spread over the six usual service areas, with a section row, previous year, target,
benchmark, Performance letter and arrow on each row) is imported into a fresh state
and then again, unchanged. Each is timed with benchmarks.measure.against_floor against
the floor: a bulk_create of the same IndicatorValue rows (on twin indicators made
before the timing, so the import still starts fresh).

Everything runs inside one transaction rolled back at the end; each round starts from
a savepoint, so the database is left as it was found.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from benchmarks.measure import against_floor, queries_of
from governance.models import User
from scorecard.domain.references import DEFAULT_SERVICE_AREAS
from scorecard.importing import scorecard_import
from scorecard.models import Indicator, IndicatorValue, ServiceArea

INDICATORS_PER_SCALE = 150
LAST_MONTH = datetime.date(2023, 6, 1)
MONTHS = 12
ROUNDS = 3
HEADER = ("Previous Year", "Target", "England Average (2022/23)", "Performance",
          "Direction of Travel")  # fmt: skip


def _months() -> list[datetime.date]:
    index = LAST_MONTH.year * 12 + LAST_MONTH.month - 1
    return [datetime.date(i // 12, i % 12 + 1, 1) for i in range(index - MONTHS + 1, index + 1)]


def _rows(indicators: int) -> list[dict]:
    """The file's indicator rows: ref, area, title, a figure by month and the rest."""
    rng = random.Random(13)
    prefixes = [prefix for prefix, _ in DEFAULT_SERVICE_AREAS]
    rows = []
    for n in range(indicators):
        level = rng.uniform(40, 90)
        figures = []
        for _ in range(MONTHS):
            level = min(99.0, max(1.0, level + rng.gauss(0, 3)))
            figures.append(Decimal(f"{level:.1f}"))
        prefix = prefixes[n % len(prefixes)]
        rows.append({
            "ref": f"{prefix}{1000 + n}", "prefix": prefix, "figures": figures,
            "title": f"Bench indicator {n}: contacts with a decision in timescale (%)",
            "previous": Decimal(f"{rng.uniform(40, 90):.1f}"), "target": 70 + n % 20,
            "england": Decimal(f"{rng.uniform(40, 90):.1f}"), "rag": rng.choice("RAG"),
        })  # fmt: skip
    return rows


def scorecard_file(rows: list[dict]) -> bytes:
    """The rows as a TSV scorecard: month columns, a section row before each tenth row."""
    months = [f"{month:%b-%y}" for month in _months()]
    lines = ["\t".join(["Ref", "Indicator", *months, *HEADER])]
    for n, row in enumerate(rows):
        if n % 10 == 0:
            lines.append(f"Section {n // 60}")
        lines.append("\t".join([
            row["ref"], row["title"], *(f"{figure}%" for figure in row["figures"]),
            f"{row['previous']}%", f"{row['target']}%", f"{row['england']}%", row["rag"], "↑",
        ]))  # fmt: skip
    return ("\n".join(lines) + "\n").encode()


def _twins(rows: list[dict]) -> list[Indicator]:
    """An indicator per row for the floor to write to (refs the file never names)."""
    areas = {area.prefix: area for area in ServiceArea.objects.all()}
    return Indicator.objects.bulk_create(
        Indicator(ref=f"floor-{row['ref']}", title=row["title"], service_area=areas[row["prefix"]],
                  unit=Indicator.Unit.PERCENTAGE, decimal_places=1)
        for row in rows
    )  # fmt: skip


def _floor(rows: list[dict], twins: list[Indicator], user):
    """A bulk_create of the IndicatorValue rows the import makes."""
    months, last = _months(), _months()[-1]

    def floor():
        now = timezone.now()
        IndicatorValue.objects.bulk_create(
            IndicatorValue(
                indicator=twin, period=month, value=figure, state=IndicatorValue.State.APPROVED,
                entered_by=user, approved_by=user, approved_at=now,
                previous_year=row["previous"] if month == last else None,
                reported_rag=row["rag"] if month == last else "",
                reported_direction="↑" if month == last else "",
            )
            for row, twin in zip(rows, twins, strict=True)
            for month, figure in zip(months, row["figures"], strict=True)
        )  # fmt: skip

    return floor


def figures(*, scale: int, rounds: int = ROUNDS) -> dict[str, dict]:
    """The first import and the unchanged re-import, each against the floor (module doc)."""
    rows = _rows(INDICATORS_PER_SCALE * scale)
    data = scorecard_file(rows)
    cells = len(rows) * MONTHS
    with transaction.atomic():
        for order, (prefix, title) in enumerate(DEFAULT_SERVICE_AREAS, start=1):
            ServiceArea.objects.get_or_create(
                prefix=prefix, defaults={"title": title, "order": order}
            )
        user = User.objects.create_user("bench.import@example.gov.uk", full_name="Bench importer")
        floor = _floor(rows, _twins(rows), user)

        def work():
            scorecard_import(source=data, filename="bench.tsv", period=None, dry_run=False,
                             user=user)  # fmt: skip

        fresh = transaction.savepoint()
        first = _measured(work, floor, rounds, lambda: transaction.savepoint_rollback(fresh))
        work()
        imported = transaction.savepoint()
        again = _measured(work, floor, rounds, lambda: transaction.savepoint_rollback(imported))
        transaction.set_rollback(True)
    return {f"scorecard import, {cells:,} cells": first, "scorecard re-import, unchanged": again}


def _measured(work, floor, rounds: int, reset) -> dict:
    figures = against_floor(work, floor, rounds=rounds, reset=reset)
    reset()
    figures["queries"] = queries_of(work)
    reset()
    return figures
