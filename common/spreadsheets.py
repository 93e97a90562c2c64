"""Reading an uploaded CSV, TSV or XLSX safely: bounded by what is read, never by what a
file claims.

Rule (issue 11): a hostile or damaged file gives a message, never a traceback, and
never costs more than the limits below. An XLSX is a zip: its members' unpacked sizes
are checked before anything is parsed, the first sheets are read in openpyxl's
read-only mode with explicit row and column bounds (the <dimension> a sheet claims is
ignored), and reading stops at the first row past the limit. Every cell is text of at
most MAX_CELL_CHARS characters; NUL characters are removed and each removal noted with
its row and column, since a database refuses them in text.
"""

import csv
import datetime
import io
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import load_workbook
from openpyxl.cell.read_only import EMPTY_CELL
from openpyxl.utils import get_column_letter

MAX_ROWS = 20_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_CELLS = 1_000_000  # cells with something in them, over every sheet
MAX_CHARS = 20_000_000  # characters in all the cells together
MAX_SHEETS = 20
MAX_UNPACKED_BYTES = 80 * 1024 * 1024  # an XLSX's members once unzipped, all together
NOT_A_WORKBOOK = "The file could not be read as an Excel workbook"


class SpreadsheetError(ValueError):
    """The file cannot be read at all, or is bigger than the limits; nothing is imported."""


@dataclass(frozen=True)
class CellNote:
    """Something changed in a cell as it was read (a NUL removed), with where."""

    sheet: str
    row: int
    column: int
    message: str

    @property
    def column_letter(self) -> str:
        return get_column_letter(self.column)


@dataclass
class Table:
    """One sheet (or a text file, named "") as rows of text; trailing empty cells dropped."""

    name: str
    rows: list[list[str]] = field(default_factory=list)
    notes: list[CellNote] = field(default_factory=list)


class _Budget:
    """Counts the cells read across a whole file and stops at the limits."""

    def __init__(self):
        self.cells = 0
        self.chars = 0

    def row(self, table: Table, number: int, cells: list[str]) -> list[str]:
        while cells and not cells[-1]:
            cells.pop()
        if number > MAX_ROWS:
            if cells:
                raise SpreadsheetError(_too_many(table, f"more than {MAX_ROWS:,} rows"))
            return cells
        if len(cells) > MAX_COLUMNS:
            where = _place(table, number)
            raise SpreadsheetError(f"{where} has more than {MAX_COLUMNS} columns.")
        self.cells += sum(1 for cell in cells if cell)
        self.chars += sum(len(cell) for cell in cells)
        if self.cells > MAX_CELLS:
            raise SpreadsheetError(_too_many(table, f"more than {MAX_CELLS:,} filled cells"))
        if self.chars > MAX_CHARS:
            raise SpreadsheetError(_too_many(table, f"more than {MAX_CHARS:,} characters"))
        return [_checked(table, number, index, cell) for index, cell in enumerate(cells, 1)]


def _place(table: Table, row: int, column: int | None = None) -> str:
    where = f"{table.name}, row {row}" if table.name else f"Row {row}"
    return f"{where}, column {get_column_letter(column)}" if column else where


def _too_many(table: Table, what: str) -> str:
    sheet = f'The sheet "{table.name}"' if table.name else "The file"
    return f"{sheet} has {what}: split it into smaller files."


def _checked(table: Table, row: int, column: int, text: str) -> str:
    """The cell's text, or SpreadsheetError when it is too long; NUL removed and noted."""
    if len(text) > MAX_CELL_CHARS:
        raise SpreadsheetError(
            f"{_place(table, row, column)} holds {len(text):,} characters: a cell may hold "
            f"at most {MAX_CELL_CHARS:,}."
        )
    if "\x00" in text:
        table.notes.append(CellNote(table.name, row, column, "NUL characters were removed."))
        text = text.replace("\x00", "")
    return text


def read_text_table(data: bytes, *, delimiter: str | None = None) -> Table:
    """UTF-8 CSV or TSV (a BOM allowed); the delimiter is a tab when the text has tabs."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpreadsheetError("The file is not UTF-8 text: save it as CSV UTF-8.") from exc
    delimiter = delimiter or ("\t" if "\t" in text else ",")
    table, budget = Table(""), _Budget()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=1):
            table.rows.append(budget.row(table, number, [unescape(cell) for cell in row]))
            if number > MAX_ROWS:
                break
    except csv.Error as exc:  # a cell over csv's own limit, or quoting it cannot follow
        where = f"Row {reader.line_num}" if reader.line_num else "The file"
        if "field larger" in str(exc):
            raise SpreadsheetError(
                f"{where} has a cell of more than {csv.field_size_limit():,} characters: a "
                f"cell may hold at most {MAX_CELL_CHARS:,}."
            ) from exc
        raise SpreadsheetError(f"{where} cannot be read as CSV ({exc}).") from exc
    return table


def unescape(cell: str) -> str:
    """Undoes common.cells' CSV escaping: "'=SUM(A1)" reads back as "=SUM(A1)"."""
    from common.cells import FORMULA_STARTS

    if cell.startswith("'") and cell[1:2] and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def check_zip(data: bytes) -> None:
    """Refuses a damaged zip, or one that unpacks to more than MAX_UNPACKED_BYTES."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        ValueError,
        OSError,
    ) as exc:
        raise SpreadsheetError(f"{NOT_A_WORKBOOK}: it is not a complete XLSX file.") from exc
    if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
        raise SpreadsheetError(
            f"{NOT_A_WORKBOOK}: unpacked it would be over "
            f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB. Save it again, or split it."
        )


def plain_text(cell) -> str:
    """A cell's value as the text a person sees: 3.0 is "3", a date "20 June 2022"."""
    value = getattr(cell, "value", cell)
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%-d %B %Y")
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def read_xlsx_tables(
    data: bytes, *, sheets: int = MAX_SHEETS, cell_text: Callable = plain_text
) -> list[Table]:
    """The first `sheets` worksheets as tables; `cell_text` turns a read-only cell to text.

    With `sheets` left at MAX_SHEETS, a workbook of more sheets is refused rather than
    read in part; a caller asking for fewer (the plan's first sheet) says so itself.

    Any failure inside the workbook (damaged XML, a bad shared string, a broken style)
    is a SpreadsheetError, whenever it is met: while opening or while reading rows.
    """
    check_zip(data)
    with warnings.catch_warnings():  # openpyxl warns of what it leaves out (a bad date)
        warnings.simplefilter("ignore", UserWarning)
        return _read_workbook(data, sheets, cell_text)


def _read_workbook(data: bytes, sheets: int, cell_text: Callable) -> list[Table]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl, lxml and zipfile raise many kinds
        raise SpreadsheetError(f"{NOT_A_WORKBOOK}: {_reason(exc)}.") from exc
    try:
        if sheets == MAX_SHEETS and len(workbook.worksheets) > MAX_SHEETS:
            raise SpreadsheetError(
                f"The workbook has {len(workbook.worksheets)} sheets: at most {MAX_SHEETS} "
                "can be imported at once. Split it into smaller workbooks."
            )
        budget = _Budget()
        return [_sheet_table(sheet, budget, cell_text) for sheet in workbook.worksheets[:sheets]]
    except SpreadsheetError:
        raise
    except Exception as exc:  # noqa: BLE001 - damaged sheet XML is found while reading
        raise SpreadsheetError(f"{NOT_A_WORKBOOK}: {_reason(exc)}.") from exc
    finally:
        workbook.close()


def _sheet_table(sheet, budget: _Budget, cell_text: Callable) -> Table:
    table = Table(str(sheet.title))
    if not hasattr(sheet, "iter_rows"):  # a chart sheet has no cells
        return table
    for number, row in _bounded_rows(sheet):
        if all(cell is EMPTY_CELL for cell in row):  # a row the sheet leaves out
            table.rows.append([])
            continue
        table.rows.append(budget.row(table, number, [cell_text(cell) for cell in row]))
    return table


def _bounded_rows(sheet) -> Iterator[tuple[int, tuple]]:
    """Rows 1 to MAX_ROWS + 1, each as wide as its own last cell, whatever the sheet claims.

    The <dimension> a sheet claims is forgotten first: openpyxl would pad every row to
    it (20,000 x 16,384 empty cells from a 5 KB file). The row past the limit is read so
    a file over it is told so; a row wider than MAX_COLUMNS is refused by _Budget.
    """
    sheet.reset_dimensions()
    rows = sheet.iter_rows(min_row=1, max_row=MAX_ROWS + 1, min_col=1)
    yield from enumerate(rows, start=1)


def _reason(exc: Exception) -> str:
    """A short, safe reason: the kind of damage, not a traceback."""
    if isinstance(exc, zipfile.BadZipFile | KeyError):
        return "a part of it is missing or damaged"
    name = type(exc).__name__
    if "XML" in name or "Syntax" in name or "Parse" in name:
        return "its sheet XML is damaged"
    return "it is damaged or not an XLSX file"
