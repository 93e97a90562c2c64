"""Importing a scorecard file into the database (docs: formats/scorecard.md).

One transaction: a dry run rolls it back, and so does a file with cell errors when the
user asked for all or nothing. Indicators are matched by reference, values by indicator
and month, targets by indicator and the month they take effect, benchmarks by
indicator, comparator and year: importing the same file twice changes nothing.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max

from scorecard.domain import targets as target_rules
from scorecard.domain.references import DEFAULT_SERVICE_AREAS
from scorecard.domain.values import CellValue, decimal_places, guess_unit, parse_value
from scorecard.importing.layout import IndicatorRow, ScorecardWarning, parse_scorecard
from scorecard.importing.reading import Source, read_sheets
from scorecard.models import Benchmark, Indicator, IndicatorValue, ServiceArea, Target

VALUE_KINDS = ("month", "current")


@dataclass
class ScorecardImportReport:
    filename: str
    period: datetime.date | None
    dry_run: bool
    tables: int = 0
    indicators_read: int = 0
    service_areas_created: int = 0
    indicators_created: int = 0
    indicators_updated: int = 0
    values_created: int = 0
    values_updated: int = 0
    values_unchanged: int = 0
    targets_created: int = 0
    targets_updated: int = 0
    benchmarks_created: int = 0
    benchmarks_updated: int = 0
    rows_skipped: int = 0
    cell_errors: int = 0
    rolled_back: bool = False
    columns_not_stored: list[str] = field(default_factory=list)
    warnings: list[ScorecardWarning] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return (
            f"{self.tables} tables, {self.indicators_read} indicator rows: "
            f"{self.indicators_created} indicators created, {self.values_created} values "
            f"created, {self.values_updated} updated, {self.values_unchanged} unchanged; "
            f"{self.targets_created} targets and {self.benchmarks_created} benchmarks created; "
            f"{self.rows_skipped} rows skipped; {len(self.warnings)} warnings"
        )


@dataclass
class _Context:
    report: ScorecardImportReport
    areas: dict[str, ServiceArea]
    period: datetime.date | None
    user: object


@transaction.atomic
def scorecard_import(
    *,
    source: Source,
    filename: str,
    period: datetime.date | None,
    dry_run: bool,
    user=None,
    all_or_nothing: bool = False,
) -> ScorecardImportReport:
    """Imports every table of a scorecard file; `period` is the month of Current columns.

    Raises ScorecardFileError when the file cannot be read, ValueError for a period
    that is not the first of a month.
    """
    if period is not None and period.day != 1:
        raise ValueError("The period must be the first day of a month.")
    parsed = parse_scorecard(read_sheets(source, filename))
    report = ScorecardImportReport(filename=filename, period=period, dry_run=dry_run)
    report.tables, report.rows_skipped = len(parsed.tables), parsed.skipped_rows
    report.warnings.extend(parsed.warnings)
    report.columns_not_stored = sorted(parsed.columns_not_stored)
    context = _Context(report=report, areas=_service_areas(report), period=period, user=user)
    for row in parsed.indicators:
        _import_row(row, context)
    report.warnings.sort(key=lambda w: (w.sheet, w.row))
    if dry_run or (all_or_nothing and report.cell_errors):
        report.rolled_back = True
        transaction.set_rollback(True)
    return report


def _service_areas(report: ScorecardImportReport) -> dict[str, ServiceArea]:
    """Rule: the six usual service areas are seeded when absent; the team may edit them."""
    for order, (prefix, title) in enumerate(DEFAULT_SERVICE_AREAS, start=1):
        _, created = ServiceArea.objects.get_or_create(
            prefix=prefix, defaults={"title": title, "order": order}
        )
        report.service_areas_created += created
    return {area.prefix.upper(): area for area in ServiceArea.objects.all()}


def _warn(context: _Context, row: IndicatorRow, message: str, column: str = "") -> None:
    context.report.warnings.append(ScorecardWarning(row.row, message, row.sheet, column))


def _import_row(row: IndicatorRow, context: _Context) -> None:
    report = context.report
    report.indicators_read += 1
    area = context.areas.get(row.ref.prefix)
    if area is None:
        _warn(
            context,
            row,
            f'Skipped {row.ref_written}: no service area has prefix "{row.ref.prefix}".',
        )
        report.rows_skipped += 1
        return
    values = _period_values(row, context)
    target = _target(row, context)
    indicator = _indicator(row, area, values, target, context)
    for period, cell in values.items():
        _store_value(indicator, period, cell, context)
    if target is not None:
        _store_target(indicator, target, _target_period(values, context), context)
    _store_benchmarks(indicator, row, context)


def _period_values(row: IndicatorRow, context: _Context) -> dict[datetime.date, CellValue]:
    """The row's readable values by month: month columns, and Current for the period named."""
    values: dict[datetime.date, CellValue] = {}
    for column, text in row.cells:
        if column.kind not in VALUE_KINDS:
            continue
        cell = parse_value(text)
        if cell.error:
            context.report.cell_errors += 1
            _warn(context, row, cell.error, column.written)
        elif not cell.is_empty:
            period = column.month if column.kind == "month" else context.period
            if period is None:
                _warn(
                    context, row, "A Current value needs the period it describes.", column.written
                )
            else:
                values[period] = cell
    return values


def _target(row: IndicatorRow, context: _Context) -> target_rules.TargetReading | None:
    text = next((text for column, text in row.cells if column.kind == "target"), "")
    reading = target_rules.parse_target(text)
    if reading is not None and reading.error:
        context.report.cell_errors += 1
        _warn(context, row, reading.error, "Target")
        return None
    return reading


def _target_period(values: dict, context: _Context) -> datetime.date | None:
    """A target takes effect from the period named, else the table's latest month."""
    return context.period or (max(values) if values else None)


def _indicator(row: IndicatorRow, area, values, target, context: _Context) -> Indicator:
    """Finds the indicator by reference, or creates it with a guessed unit and polarity."""
    cells = list(values.values())
    polarity = target.polarity if target is not None and target.polarity else ""
    indicator = Indicator.objects.filter(ref=row.ref_written).first()
    if indicator is None:
        context.report.indicators_created += 1
        return Indicator.objects.create(
            ref=row.ref_written, title=row.title[:400], service_area=area,
            unit=guess_unit(row.title, cells), decimal_places=decimal_places(cells),
            polarity=polarity or Indicator.Polarity.NEITHER, order=_next_order(area),
        )  # fmt: skip
    changes = {}
    if _is_latest(indicator, values) and row.title and indicator.title != row.title[:400]:
        changes["title"] = row.title[:400]
    if polarity and indicator.polarity == Indicator.Polarity.NEITHER:
        changes["polarity"] = polarity
    if changes:
        Indicator.objects.filter(pk=indicator.pk).update(**changes)
        indicator.refresh_from_db()
        context.report.indicators_updated += 1
    return indicator


def _next_order(area: ServiceArea) -> int:
    highest = Indicator.objects.filter(service_area=area).aggregate(m=Max("order"))["m"]
    return (highest or 0) + 1


def _is_latest(indicator: Indicator, values: dict) -> bool:
    """A title is updated only from a file at least as recent as the values already held."""
    held = indicator.values.aggregate(latest=Max("period"))["latest"]
    return held is None or (bool(values) and max(values) >= held)


def _store_value(indicator, period: datetime.date, cell: CellValue, context: _Context) -> None:
    """A changed value is updated (its history keeps who imported it); the same is left alone.

    Imported values come from a published scorecard, so they arrive approved.
    """
    report = context.report
    existing = IndicatorValue.objects.filter(indicator=indicator, period=period).first()
    reason = cell.missing_reason[:100]
    if existing is None:
        value = IndicatorValue(
            indicator=indicator, period=period, value=cell.value, missing_reason=reason,
            state=IndicatorValue.State.APPROVED, entered_by=context.user,
        )  # fmt: skip
        _save_with_history(value, context.user)
        report.values_created += 1
    elif existing.value != cell.value or existing.missing_reason != reason:
        existing.value, existing.missing_reason = cell.value, reason
        existing.state = IndicatorValue.State.APPROVED
        _save_with_history(existing, context.user)
        report.values_updated += 1
    else:
        report.values_unchanged += 1


def _save_with_history(instance, user) -> None:
    """Saves, naming the importing user in the model's history when it keeps one."""
    if user is not None and hasattr(type(instance), "history"):
        instance._history_user = user
    instance.save()


def _store_target(indicator, reading, effective_from, context: _Context) -> None:
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


def _store_benchmarks(indicator: Indicator, row: IndicatorRow, context: _Context) -> None:
    """Benchmarks by comparator and the year the header gives; missing ones are skipped."""
    for column, text in row.cells:
        if column.kind != "benchmark":
            continue
        cell = parse_value(text)
        if cell.error:
            context.report.cell_errors += 1
            _warn(context, row, cell.error, column.written)
        if cell.value is None:
            continue
        key = {"indicator": indicator, "comparator": column.comparator, "year": column.year}
        benchmark = Benchmark.objects.filter(**key).first()
        if benchmark is None:
            Benchmark.objects.create(value=cell.value, **key)
            context.report.benchmarks_created += 1
        elif benchmark.value != cell.value:
            Benchmark.objects.filter(pk=benchmark.pk).update(value=cell.value)
            context.report.benchmarks_updated += 1
