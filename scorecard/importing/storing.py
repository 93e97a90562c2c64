"""Storing a file's indicator rows: decided row by row, written once, in bulk.

Each row's indicator, values, target, benchmarks and section are matched by their
natural key against what is held (scorecard.importing.held, read before the first
row) and changed only when the file says something different, so importing the same
file twice changes nothing the second time. Nothing is written while rows are read:
`write` stores what was decided with bulk operations in batches, so the queries an
import makes grow with its batches, never with its cells (issue 13).

Imported values come from a published scorecard: they arrive approved, entered and
approved by the importing user, and the history of a value created or changed (and of
no other) names that user and the file.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from scorecard.domain.provenance import import_reason
from scorecard.domain.values import CellValue, parse_value
from scorecard.importing.bulk import history_copy, rows_update
from scorecard.importing.held import Held, HeldValue
from scorecard.importing.layout import IndicatorRow, ScorecardWarning
from scorecard.importing.report import ScorecardImportReport, ValueChange, shown
from scorecard.importing.rows import too_large
from scorecard.models import Benchmark, Indicator, IndicatorValue, Section, ServiceArea, Target

FIELD_NAMES = {
    "value": "value",
    "missing_reason": "missing reason",
    "previous_year": "previous year",
    "last_12_months": "last 12 months",
    "reported_rag": "reported RAG",
    "reported_direction": "reported direction",
}
APPROVAL_FIELDS = ["state", "entered_by", "approved_by", "approved_at"]
TARGET_FIELDS = ["written", "kind", "low", "high"]
BATCH = 1000


@dataclass
class Writes:
    """What the import will write: new rows, and held rows changed (by id)."""

    sections: list[Section] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    renamed: dict[int, Indicator] = field(default_factory=dict)
    values: list[IndicatorValue] = field(default_factory=list)
    changed_values: dict[int, HeldValue] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    changed_targets: dict[int, Target] = field(default_factory=dict)
    benchmarks: list[Benchmark] = field(default_factory=list)
    changed_benchmarks: dict[int, Benchmark] = field(default_factory=dict)


@dataclass
class ImportContext:
    report: ScorecardImportReport
    areas: dict[str, ServiceArea]
    period: datetime.date | None
    user: object
    held: Held = field(default_factory=Held)
    writes: Writes = field(default_factory=Writes)
    refs: set[str] = field(default_factory=set)  # the indicators the file touched
    revalued: set[str] = field(default_factory=set)  # those with a value made or changed
    now: datetime.datetime = field(default_factory=timezone.now)

    def warn(self, row: IndicatorRow, message: str, column: str = "") -> None:
        self.report.warnings.append(ScorecardWarning(row.row, message, row.sheet, column))

    def ids(self, refs: set[str]) -> list[int]:
        """The ids of these indicators (once written)."""
        return sorted(self.held.indicators[ref].pk for ref in refs)


def section_for(area: ServiceArea, title: str, context: ImportContext) -> Section | None:
    """The area's section of that title in any case, made (after the area's others) when new."""
    if not title:
        return None
    held, key = context.held, (area.pk, title[:200].lower())
    if key not in held.sections:
        order = held.section_order.get(area.pk, 0) + 1
        held.section_order[area.pk] = order
        held.sections[key] = Section(service_area=area, title=title[:200], order=order)
        context.writes.sections.append(held.sections[key])
        context.report.sections_created += 1
    return held.sections[key]


def value_fields(cell: CellValue, extra: dict) -> dict:
    """The fields an imported cell sets on its month's value."""
    return {"value": cell.value, "missing_reason": cell.missing_reason[:100], **extra}


def store_value(indicator: Indicator, period, fields: dict, row, context: ImportContext) -> None:
    """Creates the month's value, updates it when the file differs, else leaves it alone."""
    report, key = context.report, (indicator.ref, period)
    existing = context.held.values.get(key)
    if existing is None:
        value = IndicatorValue(indicator=indicator, period=period, **_approval(context), **fields)
        context.held.values[key] = value
        context.writes.values.append(value)
        context.revalued.add(indicator.ref)
        report.values_created += 1
        return
    changed = {name: v for name, v in fields.items() if getattr(existing, name) != v}
    if not changed and existing.state == IndicatorValue.State.APPROVED:
        report.values_unchanged += 1
        return
    before = shown(existing.value, existing.missing_reason)
    for name, new in changed.items():
        setattr(existing, name, new)
    _approve(existing, context)
    context.revalued.add(indicator.ref)
    if existing.pk is not None:
        context.writes.changed_values[existing.pk] = existing
    report.values_updated += 1
    report.value_changes.append(
        ValueChange(
            row.row, row.sheet, indicator.ref, period, before,
            shown(existing.value, existing.missing_reason),
            tuple(FIELD_NAMES[name] for name in changed),
        )
    )  # fmt: skip


def _approve(value, context: ImportContext) -> None:
    """Approved, entered and approved by the importing user (whom its history names)."""
    for name, field_value in _approval(context).items():
        setattr(value, name, field_value)


def _approval(context: ImportContext) -> dict:
    """The fields that say so, by the user's id (no user read, no descriptor)."""
    user_id = getattr(context.user, "pk", None)
    return {
        "state": IndicatorValue.State.APPROVED, "entered_by_id": user_id,
        "approved_by_id": user_id, "approved_at": context.now,
    }  # fmt: skip


def store_target(indicator, reading, effective_from, context: ImportContext) -> None:
    """The target in force from the row's reporting month; updated if the file differs."""
    if effective_from is None:
        return
    defaults = {
        "written": reading.written[:60],
        "kind": reading.kind,
        "low": reading.low,
        "high": reading.high,
    }
    key = (indicator.ref, effective_from)
    target = context.held.targets.get(key)
    if target is None:
        target = Target(indicator=indicator, effective_from=effective_from, **defaults)
        context.held.targets[key] = target
        context.writes.targets.append(target)
        context.report.targets_created += 1
    elif any(getattr(target, name) != value for name, value in defaults.items()):
        for name, value in defaults.items():
            setattr(target, name, value)
        if target.pk is not None:
            context.writes.changed_targets[target.pk] = target
        context.report.targets_updated += 1


def store_benchmarks(indicator: Indicator, row: IndicatorRow, context: ImportContext) -> None:
    """Benchmarks by comparator and the year the header gives; empty cells are skipped."""
    for column, text in row.cells:
        if column.kind != "benchmark":
            continue
        cell = parse_value(text)
        error = cell.error or too_large(cell.value)
        if error:
            context.report.cell_errors += 1
            context.warn(row, error, column.written)
        if error or cell.value is None:
            continue
        _store_benchmark(indicator, column.comparator, column.year, cell.value, context)


def _store_benchmark(indicator, comparator: str, year: str, value, context) -> None:
    key = (indicator.ref, comparator, year)
    benchmark = context.held.benchmarks.get(key)
    if benchmark is None:
        benchmark = Benchmark(indicator=indicator, comparator=comparator, year=year, value=value)
        context.held.benchmarks[key] = benchmark
        context.writes.benchmarks.append(benchmark)
        context.report.benchmarks_created += 1
    elif benchmark.value != value:
        benchmark.value = value
        if benchmark.pk is not None:
            context.writes.changed_benchmarks[benchmark.pk] = benchmark
        context.report.benchmarks_updated += 1


def write(context: ImportContext) -> None:
    """Writes what the rows decided, in batches.

    New indicators and values get their history in bulk ("+"), changed values theirs
    ("~"), naming the importing user (and for values the file); a value left alone gets
    none. Histories are copied from the rows written (scorecard.importing.bulk).
    """
    writes, user = context.writes, context.user
    reason = import_reason(context.report.filename)
    Section.objects.bulk_create(writes.sections, batch_size=BATCH)
    Indicator.objects.bulk_create(writes.indicators, batch_size=BATCH)
    history_copy(Indicator, [i.pk for i in writes.indicators], kind="+", user=user, reason=None)
    Indicator.objects.bulk_update(writes.renamed.values(), ["title", "section"], batch_size=BATCH)
    IndicatorValue.objects.bulk_create(writes.values, batch_size=BATCH)
    history_copy(IndicatorValue, [v.pk for v in writes.values], kind="+", user=user, reason=reason)
    changed = [_changed_value(held, context) for held in writes.changed_values.values()]
    rows_update(IndicatorValue, changed, [*FIELD_NAMES, *APPROVAL_FIELDS])
    history_copy(IndicatorValue, writes.changed_values, kind="~", user=user, reason=reason)
    Target.objects.bulk_create(writes.targets, batch_size=BATCH)
    rows_update(Target, list(writes.changed_targets.values()), TARGET_FIELDS)
    Benchmark.objects.bulk_create(writes.benchmarks, batch_size=BATCH)
    rows_update(Benchmark, list(writes.changed_benchmarks.values()), ["value"])


def _changed_value(held: HeldValue, context: ImportContext) -> IndicatorValue:
    """A held value the file changes, as the row to write: what the file says, approved
    by the importing user (no read: the other fields are left as they are)."""
    value = IndicatorValue(pk=held.pk, **{name: getattr(held, name) for name in FIELD_NAMES})
    _approve(value, context)
    return value
