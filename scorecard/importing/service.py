"""Importing a scorecard file into the database (docs: formats/scorecard.md).

One transaction: a dry run rolls it back, and so does a file with cell errors when the
user asked for all or nothing. Indicators are matched by reference, values by indicator
and month, targets by indicator and the month they take effect, benchmarks by
indicator, comparator and year, sections by service area and title: importing the
same file twice changes nothing. A row's section, the council's RAG letter and arrow
and its Previous Year figure are kept (scorecard.importing.rows says which month they
describe); a Last 12 Months column is read but has no field, and the report says so.

Rows are read first (their cells, problems and targets), then what the database holds
for them is read at once (scorecard.importing.held), each row is decided against it in
file order, and everything decided is written in bulk (scorecard.importing.storing):
the queries of an import do not grow with its rows (issue 13).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from scorecard.domain import targets as target_rules
from scorecard.domain.references import DEFAULT_SERVICE_AREAS
from scorecard.domain.values import decimal_places, guess_unit
from scorecard.importing.held import held_for, service_areas
from scorecard.importing.layout import (
    IndicatorRow,
    ParsedScorecard,
    ScorecardWarning,
    parse_scorecard,
)
from scorecard.importing.learning import learn_from_evidence
from scorecard.importing.reading import ScorecardFileError, Source, read_sheets
from scorecard.importing.report import NewIndicator, ScorecardImportReport
from scorecard.importing.rows import RowReading, read_row, too_large
from scorecard.importing.storing import (
    ImportContext,
    section_for,
    store_benchmarks,
    store_target,
    store_value,
    value_fields,
    write,
)
from scorecard.judgement_services import indicator_judgements_refresh
from scorecard.models import Indicator, ServiceArea


class ScorecardPeriodNeeded(ScorecardFileError):
    """The file has a Current column and no period was named for it; nothing is imported."""


PROGRESS_EVERY = 25
REF_MAX = 20  # Indicator.ref's length
PERIOD_NEEDED = "The file has a Current or Current Performance column: name the month it describes."
SECTION = Indicator._meta.get_field("section")


@dataclass
class RowToStore:
    """An indicator row that will be stored: its area, its cells read, its target."""

    row: IndicatorRow
    area: ServiceArea
    reading: RowReading
    target: target_rules.TargetReading | None


@transaction.atomic
def scorecard_import(
    *,
    source: Source,
    filename: str,
    period: datetime.date | None,
    dry_run: bool,
    user=None,
    all_or_nothing: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ScorecardImportReport:
    """Imports every table of a scorecard file; `period` is the month of Current columns.

    Raises ScorecardFileError when the file cannot be read (ScorecardPeriodNeeded when
    it has Current columns and no period), ValueError for a period that is not the
    first of a month. `progress(done, total)` is told of the rows imported as it goes.
    """
    if period is not None and period.day != 1:
        raise ValueError("The period must be the first day of a month.")
    sheets = read_sheets(source, filename)
    parsed = parse_scorecard(sheets)
    if parsed.has_current and period is None:
        raise ScorecardPeriodNeeded(PERIOD_NEEDED)
    report = _new_report(parsed, filename, period, dry_run, sheets)
    context = ImportContext(report=report, areas=_service_areas(report), period=period, user=user)
    _store_rows([_read(row, context) for row in parsed.indicators], context, progress)
    write(context)
    learned = learn_from_evidence(indicator_ids=context.ids(context.refs), report=report, user=user)
    if not dry_run:  # the stored SPC judgements follow the values imported (issue 13)
        indicator_judgements_refresh(indicator_ids={*context.ids(context.revalued), *learned})
    sheet_order = {sheet.name: index for index, sheet in enumerate(sheets)}
    report.warnings.sort(key=lambda w: (sheet_order.get(w.sheet, 0), w.row))
    if dry_run or (all_or_nothing and report.cell_errors):
        report.rolled_back = True
        transaction.set_rollback(True)
    return report


def _new_report(parsed: ParsedScorecard, filename: str, period, dry_run: bool, sheets):
    report = ScorecardImportReport(filename=filename, period=period, dry_run=dry_run)
    report.tables, report.rows_skipped = len(parsed.tables), parsed.skipped_rows
    report.warnings.extend(parsed.warnings)
    for note in (note for sheet in sheets for note in sheet.notes):
        report.warnings.append(
            ScorecardWarning(note.row, note.message, note.sheet, f"column {note.column_letter}")
        )
    report.columns_not_stored = sorted(parsed.columns_not_stored)
    return report


def _service_areas(report: ScorecardImportReport) -> dict[str, ServiceArea]:
    """Rule: the six usual service areas are seeded when absent; the team may edit them."""
    areas = service_areas()
    held = {area.prefix for area in areas.values()}
    missing = [
        ServiceArea(prefix=prefix, title=title, order=order)
        for order, (prefix, title) in enumerate(DEFAULT_SERVICE_AREAS, start=1)
        if prefix not in held
    ]
    if missing:
        ServiceArea.objects.bulk_create(missing)
        report.service_areas_created += len(missing)
        areas = service_areas()
    return areas


def _read(row: IndicatorRow, context: ImportContext) -> RowToStore | None:
    """The row's cells read and its problems reported, or None (and why) when skipped."""
    report = context.report
    report.indicators_read += 1
    if len(row.ref_written) > REF_MAX:
        report.cell_errors += 1
        report.rows_skipped += 1
        context.warn(row, f"Skipped: a reference has at most {REF_MAX} characters.", "Ref")
        return None
    area = context.areas.get(row.ref.prefix)
    if area is None:
        prefix = row.ref.prefix
        context.warn(row, f'Skipped {row.ref_written}: no service area has prefix "{prefix}".')
        report.rows_skipped += 1
        return None
    reading = read_row(row, context.period)
    for problem in reading.problems:
        report.cell_errors += 1
        context.warn(row, problem.message, problem.column)
    return RowToStore(row, area, reading, _target(row, context))


def _store_rows(rows: list[RowToStore | None], context: ImportContext, progress) -> None:
    """Reads what is held for the rows at once, then decides each row in file order."""
    kept = [row for row in rows if row is not None]
    context.held = held_for(
        refs={item.row.ref_written for item in kept},
        periods={period for item in kept for period in item.reading.values},
        effective={item.reading.reporting_period for item in kept} - {None},
    )
    for done, item in enumerate(rows, start=1):
        if item is not None:
            _store_row(item, context)
        if progress and (done % PROGRESS_EVERY == 0 or done == len(rows)):
            progress(done, len(rows))


def _store_row(item: RowToStore, context: ImportContext) -> None:
    row, reading = item.row, item.reading
    indicator = _indicator(row, item.area, reading, context)
    context.refs.add(indicator.ref)
    _store_values(indicator, row, reading, context)
    if item.target is not None:
        store_target(indicator, item.target, reading.reporting_period, context)
    store_benchmarks(indicator, row, context)


def _store_values(indicator, row: IndicatorRow, reading: RowReading, context) -> None:
    """Every month's value; the reporting month's also keeps what the council reported."""
    reported = reading.reported_fields()
    for period, cell in reading.values.items():
        extra = reported if period == reading.reporting_period else {}
        store_value(indicator, period, value_fields(cell, extra), row, context)
    if reading.values:
        latest = context.held.latest.get(indicator.ref)
        context.held.latest[indicator.ref] = max(max(reading.values), latest or datetime.date.min)
    if reported and reading.reporting_period not in reading.values:
        month = f"{reading.reporting_period:%B %Y}" if reading.reporting_period else "its month"
        names = ", ".join(sorted(reported))
        context.warn(row, f"Not stored ({names}): the row has no value for {month}.")


def _target(row: IndicatorRow, context: ImportContext) -> target_rules.TargetReading | None:
    text = next((text for column, text in row.cells if column.kind == "target"), "")
    reading = target_rules.parse_target(text)
    if reading is None:
        return None
    error = reading.error or too_large(reading.low) or too_large(reading.high)
    if error:
        context.report.cell_errors += 1
        context.warn(row, error, "Target")
        return None
    return reading


def _indicator(row: IndicatorRow, area, reading: RowReading, context) -> Indicator:
    """Finds the indicator by reference, or creates it with a guessed unit and its
    polarity not set. Its title and section follow the most recent file; its polarity
    and tolerance are learned from evidence once every row is read (importing.learning).
    """
    indicator = context.held.indicators.get(row.ref_written)
    if indicator is None:
        return _create_indicator(row, area, reading, context)
    changes = {}
    if _is_latest(indicator, reading.values, context):
        section = section_for(area, row.section, context)
        if row.title and indicator.title != row.title[:400]:
            changes["title"] = row.title[:400]
        if section is not None and not _in_section(indicator, section):
            changes["section"] = section
    if changes:
        for name, value in changes.items():
            setattr(indicator, name, value)
        if indicator.pk is not None:
            context.writes.renamed[indicator.pk] = indicator
        context.report.indicators_updated += 1
    return indicator


def _in_section(indicator: Indicator, section) -> bool:
    """Whether the indicator is in the section, without reading it (it may be new)."""
    if section.pk is not None:
        return indicator.section_id == section.pk
    return SECTION.is_cached(indicator) and SECTION.get_cached_value(indicator) is section


def _create_indicator(row: IndicatorRow, area, reading, context) -> Indicator:
    cells = list(reading.values.values())
    section = section_for(area, row.section, context)
    context.report.indicators_created += 1
    context.report.new_indicators.append(
        NewIndicator(
            row.row, row.sheet, row.ref_written, row.title, area.title,
            section.title if section else "",
        )
    )  # fmt: skip
    order = context.held.indicator_order.get(area.pk, 0) + 1
    context.held.indicator_order[area.pk] = order
    indicator = Indicator(
        ref=row.ref_written, title=row.title[:400], service_area=area, section=section,
        unit=guess_unit(row.title, cells), decimal_places=min(decimal_places(cells), 4),
        polarity=Indicator.Polarity.NOT_SET, order=order,
    )  # fmt: skip
    context.held.indicators[row.ref_written] = indicator
    context.writes.indicators.append(indicator)
    return indicator


def _is_latest(indicator: Indicator, values: dict, context) -> bool:
    """A title is updated only from a file at least as recent as the values already held."""
    held = context.held.latest.get(indicator.ref)
    return held is None or (bool(values) and max(values) >= held)
