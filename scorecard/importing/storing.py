"""Writing one indicator row's values, target, benchmarks and section to the database.

Each is matched by its natural key and changed only when the file says something
different, so importing the same file twice changes nothing the second time.
Imported values come from a published scorecard: they arrive approved, entered and
approved by the importing user, and a changed value's history names that user.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Max
from django.utils import timezone

from scorecard.domain.provenance import import_reason
from scorecard.domain.values import CellValue, parse_value
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


@dataclass
class ImportContext:
    report: ScorecardImportReport
    areas: dict[str, ServiceArea]
    period: datetime.date | None
    user: object
    sections: dict[tuple[int, str], Section] = field(default_factory=dict)
    indicator_ids: set[int] = field(default_factory=set)

    def warn(self, row: IndicatorRow, message: str, column: str = "") -> None:
        self.report.warnings.append(ScorecardWarning(row.row, message, row.sheet, column))


def section_for(area: ServiceArea, title: str, context: ImportContext) -> Section | None:
    """The area's section of that title, created (after the area's others) when new."""
    if not title:
        return None
    key = (area.pk, title[:200])
    if key not in context.sections:
        section = Section.objects.filter(service_area=area, title__iexact=key[1]).first()
        if section is None:
            highest = Section.objects.filter(service_area=area).aggregate(m=Max("order"))["m"]
            section = Section.objects.create(
                service_area=area, title=key[1], order=(highest or 0) + 1
            )
            context.report.sections_created += 1
        context.sections[key] = section
    return context.sections[key]


def value_fields(cell: CellValue, extra: dict) -> dict:
    """The fields an imported cell sets on its month's value."""
    return {"value": cell.value, "missing_reason": cell.missing_reason[:100], **extra}


def store_value(indicator: Indicator, period, fields: dict, row, context: ImportContext) -> None:
    """Creates the month's value, updates it when the file differs, else leaves it alone."""
    report = context.report
    existing = IndicatorValue.objects.filter(indicator=indicator, period=period).first()
    if existing is None:
        value = IndicatorValue(indicator=indicator, period=period, **fields)
        _approve_and_save(value, context.user, context.report.filename)
        report.values_created += 1
        return
    changed = {name: v for name, v in fields.items() if getattr(existing, name) != v}
    if not changed and existing.state == IndicatorValue.State.APPROVED:
        report.values_unchanged += 1
        return
    before = shown(existing.value, existing.missing_reason)
    for name, new in changed.items():
        setattr(existing, name, new)
    _approve_and_save(existing, context.user, context.report.filename)
    report.values_updated += 1
    report.value_changes.append(
        ValueChange(
            row.row, row.sheet, indicator.ref, period, before,
            shown(existing.value, existing.missing_reason),
            tuple(FIELD_NAMES[name] for name in changed),
        )
    )  # fmt: skip


def _approve_and_save(value: IndicatorValue, user, filename: str) -> None:
    """Saves the value as approved and entered by the importing user, who its history
    names, with the file it was imported from as the history's reason."""
    value.state = IndicatorValue.State.APPROVED
    value.entered_by = user
    value.approved_by = user
    value.approved_at = timezone.now()
    if user is not None:
        value._history_user = user
    value._change_reason = import_reason(filename)
    value.save()


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
    target = Target.objects.filter(indicator=indicator, effective_from=effective_from).first()
    if target is None:
        Target.objects.create(indicator=indicator, effective_from=effective_from, **defaults)
        context.report.targets_created += 1
    elif any(getattr(target, name) != value for name, value in defaults.items()):
        Target.objects.filter(pk=target.pk).update(**defaults)
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
        key = {"indicator": indicator, "comparator": column.comparator, "year": column.year}
        benchmark = Benchmark.objects.filter(**key).first()
        if benchmark is None:
            Benchmark.objects.create(value=cell.value, **key)
            context.report.benchmarks_created += 1
        elif benchmark.value != cell.value:
            Benchmark.objects.filter(pk=benchmark.pk).update(value=cell.value)
            context.report.benchmarks_updated += 1
