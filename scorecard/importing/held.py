"""What the database already holds for a file's rows, read in a few queries per file.

Before any row is stored, every indicator the file names, the values it holds for the
file's months (and each one's latest month), its targets from the rows' reporting
months, its benchmarks, and the sections and orders of the service areas are read at
once (issue 13: the queries an import makes do not grow with its rows). The import then
decides row by row in Python against this picture, which it keeps up to date as it
goes, so a row sees what an earlier row of the same file stored, as it would in the
database.
"""

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import Max

from scorecard.models import Benchmark, Indicator, IndicatorValue, Section, ServiceArea, Target

CHUNK = 900  # keys per IN (...): under SQLite's 999 parameters, whatever the file's size
COMPARED = (
    "value",
    "missing_reason",
    "previous_year",
    "last_12_months",
    "reported_rag",
    "reported_direction",
    "state",
)


class HeldValue:
    """A month's value as held: only what an import compares (reading whole model rows,
    with their timestamps, costs more than the rest of an unchanged re-import)."""

    __slots__ = ("pk", *COMPARED, "entered_by_id", "approved_by_id", "approved_at")  # set

    def __init__(self, pk: int, *fields) -> None:
        self.pk = pk
        for name, value in zip(COMPARED, fields, strict=True):
            setattr(self, name, value)


@dataclass
class Held:
    """The database's rows the file touches, keyed by the file's natural keys (refs,
    not ids: an indicator the file creates has no id until the import writes)."""

    indicators: dict[str, Indicator] = field(default_factory=dict)
    latest: dict[str, datetime.date] = field(default_factory=dict)
    values: dict[tuple[str, datetime.date], HeldValue | IndicatorValue] = field(
        default_factory=dict
    )
    targets: dict[tuple[str, datetime.date], Target] = field(default_factory=dict)
    benchmarks: dict[tuple[str, str, str], Benchmark] = field(default_factory=dict)
    sections: dict[tuple[int, str], Section] = field(default_factory=dict)
    section_order: dict[int, int] = field(default_factory=dict)
    indicator_order: dict[int, int] = field(default_factory=dict)


def chunks(items: Iterable, size: int = CHUNK) -> Iterator[list]:
    """The items in lists of at most `size`."""
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def held_for(*, refs: set[str], periods: set[datetime.date], effective: set[datetime.date]) -> Held:
    """What is held for these refs: values for `periods`, targets from `effective`."""
    held = Held()
    for chunk in chunks(sorted(refs)):
        held.indicators.update((i.ref, i) for i in Indicator.objects.filter(ref__in=chunk))
    by_id = {indicator.pk: ref for ref, indicator in held.indicators.items()}
    for ids in chunks(sorted(by_id)):
        _read_values(held, by_id, ids, periods)
        for target in Target.objects.filter(indicator_id__in=ids, effective_from__in=effective):
            held.targets[(by_id[target.indicator_id], target.effective_from)] = target
        for benchmark in Benchmark.objects.filter(indicator_id__in=ids):
            key = (by_id[benchmark.indicator_id], benchmark.comparator, benchmark.year)
            held.benchmarks[key] = benchmark
    _read_orders(held)
    return held


def _read_values(held: Held, by_id: dict[int, str], ids: list[int], periods) -> None:
    """The values for the file's months, and each indicator's latest month held."""
    latest = IndicatorValue.objects.filter(indicator_id__in=ids).values("indicator_id")
    for row in latest.annotate(latest=Max("period")).order_by():
        held.latest[by_id[row["indicator_id"]]] = row["latest"]
    if not periods:
        return
    values = IndicatorValue.objects.filter(indicator_id__in=ids, period__in=sorted(periods))
    for pk, indicator_id, period, *fields in values.order_by().values_list(
        "pk", "indicator_id", "period", *COMPARED
    ):
        held.values[(by_id[indicator_id], period)] = HeldValue(pk, *fields)


def _read_orders(held: Held) -> None:
    """Every section by area and title (the first of a title in any case wins, as a
    case-insensitive lookup would find it), and the highest orders in each area."""
    for section in Section.objects.all():
        held.sections.setdefault((section.service_area_id, section.title.lower()), section)
        highest = held.section_order.get(section.service_area_id, 0)
        held.section_order[section.service_area_id] = max(highest, section.order)
    orders = Indicator.objects.values("service_area").annotate(highest=Max("order")).order_by()
    held.indicator_order = {row["service_area"]: row["highest"] or 0 for row in orders}


def service_areas() -> dict[str, ServiceArea]:
    """Every service area by its prefix in capitals."""
    return {area.prefix.upper(): area for area in ServiceArea.objects.all()}
