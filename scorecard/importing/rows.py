"""Reading one indicator row's cells: its values by month, and what it says of its month.

Pure (docs: formats/scorecard.md). Month columns give their own month; `Current` and
`Current Performance` give the period the importing user names. The row's reporting
month is that period when the table has a Current column, else the table's latest
month column: `Previous Year`, `Performance` and `Direction of Travel` describe it, and
the target takes effect from it. Every cell that cannot be read is a problem with its
column; an empty cell says nothing and changes nothing.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from scorecard.domain.values import CellValue, parse_value
from scorecard.importing.layout import IndicatorRow

VALUE_KINDS = ("month", "current")
RAG_LETTERS = {
    "r": "R",
    "red": "R",
    "a": "A",
    "amber": "A",
    "g": "G",
    "green": "G",
    "n/a": "N/A",
    "na": "N/A",
}
ARROWS = frozenset("↑↓↔→←")
FIGURE_LIMIT = Decimal(10) ** 10
PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class RowProblem:
    message: str
    column: str = ""


@dataclass
class RowReading:
    """What an indicator row says, and the cells it could not read."""

    values: dict[datetime.date, CellValue] = field(default_factory=dict)
    reporting_period: datetime.date | None = None
    previous_year: CellValue | None = None
    last_12_months: CellValue | None = None
    reported_rag: str = ""
    reported_direction: str = ""
    problems: list[RowProblem] = field(default_factory=list)

    def reported_fields(self) -> dict:
        """The reporting month's own fields the row gives (an empty cell gives none)."""
        fields = {}
        if self.previous_year is not None and self.previous_year.value is not None:
            fields["previous_year"] = self.previous_year.value
        if self.last_12_months is not None and self.last_12_months.value is not None:
            fields["last_12_months"] = self.last_12_months.value
        if self.reported_rag:
            fields["reported_rag"] = self.reported_rag
        if self.reported_direction:
            fields["reported_direction"] = self.reported_direction
        return fields


def read_row(row: IndicatorRow, period: datetime.date | None) -> RowReading:
    """Reads the row's cells by the rules in the module docstring."""
    reading = RowReading(reporting_period=reporting_period(row, period))
    for column, text in row.cells:
        if column.kind in VALUE_KINDS:
            _read_value(reading, column, text, period)
        elif column.kind == "previous_year":
            reading.previous_year = _read_number(reading, column.written, text)
        elif column.kind == "last_12_months":
            reading.last_12_months = _read_number(reading, column.written, text)
        elif column.kind == "performance" and text:
            reading.reported_rag = _read_rag(reading, column.written, text)
        elif column.kind == "direction" and text:
            reading.reported_direction = _read_arrow(reading, column.written, text)
    return reading


def reporting_period(row: IndicatorRow, period: datetime.date | None) -> datetime.date | None:
    """The period named for a table with a Current column, else its latest month column."""
    kinds = [column.kind for column, _ in row.cells]
    if "current" in kinds:
        return period
    months = [column.month for column, _ in row.cells if column.kind == "month"]
    return max(months, default=None)


def _read_value(reading: RowReading, column, text: str, period) -> None:
    cell = _read_number(reading, column.written, text)
    if cell is None or cell.is_empty:
        return
    when = column.month if column.kind == "month" else period
    if when is None:
        reading.problems.append(RowProblem("A Current value needs the period it describes."))
        return
    held = reading.values.get(when)
    if held is not None and (held.value, held.missing_reason) != (cell.value, cell.missing_reason):
        reading.problems.append(
            RowProblem(f"Two columns give {when:%B %Y}; the first is kept.", column.written)
        )
        return
    reading.values[when] = cell


def _read_number(reading: RowReading, column: str, text: str) -> CellValue | None:
    cell = parse_value(text)
    error = cell.error or too_large(cell.value)
    if error:
        reading.problems.append(RowProblem(error, column))
        return None
    return cell


def too_large(value: Decimal | None) -> str:
    """Rule: a figure is kept to 4 decimal places and must be under 10^10 (the fields hold
    14 digits, 4 after the point); a bigger one is a cell error, never a database error."""
    if value is None:
        return ""
    if abs(value) < FIGURE_LIMIT and abs(value.quantize(PLACES)) < FIGURE_LIMIT:
        return ""
    return f'"{shown_figure(value)}" is too large: a figure must be under 10,000,000,000.'


def shown_figure(value: Decimal) -> str:
    text = f"{value:f}" if abs(value.adjusted()) < 40 else f"{value:E}"
    return text if len(text) <= 40 else f"{text[:40]}..."


def _read_rag(reading: RowReading, column: str, text: str) -> str:
    letter = RAG_LETTERS.get(" ".join(text.lower().split()))
    if letter is None:
        reading.problems.append(RowProblem(f'"{text}" is not R, A, G or N/A.', column))
        return ""
    return letter


def _read_arrow(reading: RowReading, column: str, text: str) -> str:
    arrow = text.strip()
    if arrow not in ARROWS:
        reading.problems.append(RowProblem(f'"{text}" is not an arrow (↑ ↓ ↔ →).', column))
        return ""
    return arrow
