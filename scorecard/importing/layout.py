"""The scorecard's layout: tables, their header columns, section rows and indicator rows.

Pure: sheets of text rows in, parsed tables and row-numbered warnings out
(docs: formats/scorecard.md). Row numbers are the file's (or sheet's), from 1.
"""

from dataclasses import dataclass, field

from scorecard.domain.references import Column, RefCode, classify_column, is_header_row, parse_ref
from scorecard.importing.reading import Sheet

# Columns read but with no field to keep them in: reported, never silently dropped.
# (None today: Last 12 Months is kept on the value, as the format asks.)
NOT_STORED: dict[str, str] = {}


@dataclass(frozen=True)
class ScorecardWarning:
    row: int
    message: str
    sheet: str = ""
    column: str = ""

    @property
    def where(self) -> str:
        place = f"{self.sheet}, row {self.row}" if self.sheet else f"Row {self.row}"
        return f"{place}, {self.column}" if self.column else place


@dataclass
class IndicatorRow:
    sheet: str
    row: int
    ref: RefCode
    ref_written: str
    title: str
    section: str
    cells: list[tuple[Column, str]]


@dataclass
class Table:
    sheet: str
    header_row: int
    columns: list[Column]
    indicators: list[IndicatorRow] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)


@dataclass
class ParsedScorecard:
    tables: list[Table] = field(default_factory=list)
    warnings: list[ScorecardWarning] = field(default_factory=list)
    skipped_rows: int = 0
    columns_not_stored: set[str] = field(default_factory=set)

    @property
    def indicators(self) -> list[IndicatorRow]:
        return [row for table in self.tables for row in table.indicators]

    @property
    def has_current(self) -> bool:
        """True when a table has a Current column, which needs the period it describes."""
        return any(c.kind == "current" for table in self.tables for c in table.columns)


def parse_scorecard(sheets: list[Sheet]) -> ParsedScorecard:
    """Finds every table in every sheet and reads its rows; see the module docstring."""
    parsed = ParsedScorecard()
    for sheet in sheets:
        table: Table | None = None
        section = ""
        for index, row in enumerate(sheet.rows, start=1):
            cells = _trimmed(row)
            if not cells:
                continue
            if is_header_row(cells):
                table, section = _table(sheet.name, index, cells, parsed), ""
            elif table is not None and parse_ref(cells[0]):
                table.indicators.append(_indicator(table, index, cells, section, parsed))
            elif table is not None and len(cells) == 1:
                section = " ".join(cells[0].split())
                table.sections.append(section)
            else:
                _stray(sheet.name, index, cells, parsed, in_table=table is not None)
    return parsed


def _trimmed(row: list[str]) -> list[str]:
    """The row's cells without the empty ones at its end; [] for a blank row."""
    cells = [cell.strip() for cell in row]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _table(sheet: str, row: int, cells: list[str], parsed: ParsedScorecard) -> Table:
    """Rule: a header row opens a table; unknown columns are reported and ignored."""
    columns = [classify_column(cell) for cell in cells]
    table = Table(sheet=sheet, header_row=row, columns=columns)
    parsed.tables.append(table)
    for column in columns:
        if column.kind == "unknown":
            parsed.warnings.append(
                ScorecardWarning(
                    row, "This column is not known and is ignored.", sheet, column.written
                )
            )
        elif column.kind in NOT_STORED:
            parsed.columns_not_stored.add(NOT_STORED[column.kind])
    return table


def _indicator(table: Table, row: int, cells: list[str], section: str, parsed) -> IndicatorRow:
    width = len(table.columns)
    if any(cells[width:]):
        parsed.warnings.append(
            ScorecardWarning(row, "Cells beyond the header's last column are ignored.", table.sheet)
        )
    padded = cells[:width] + [""] * (width - len(cells[:width]))
    title_index = next(i for i, c in enumerate(table.columns) if c.kind == "indicator")
    return IndicatorRow(
        sheet=table.sheet,
        row=row,
        ref=parse_ref(cells[0]),
        ref_written=cells[0],
        title=" ".join(padded[title_index].split()),
        section=section,
        cells=list(zip(table.columns, padded, strict=True)),
    )


def _stray(sheet: str, row: int, cells: list[str], parsed: ParsedScorecard, *, in_table: bool):
    """Rule: any other non-blank row is skipped and reported, never guessed at."""
    shown = " | ".join(cell for cell in cells if cell)[:120]
    where = "is not an indicator, section or header row" if in_table else "comes before any table"
    parsed.warnings.append(ScorecardWarning(row, f"Skipped: this row {where}: {shown}", sheet))
    parsed.skipped_rows += 1
