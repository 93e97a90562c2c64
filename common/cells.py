"""One rule for every cell the product writes to a CSV or XLSX file: never a live formula.

Rule (issue 11, finding 7; OWASP "CSV injection"): text starting with =, +, -, @, a tab
or a carriage return would be run by a spreadsheet as a formula. In CSV such text gets
a quote in front ("'=SUM(A1)"), which a spreadsheet shows as text and
common.spreadsheets.unescape takes off again when the file is imported back; in XLSX
it is written as a text cell (never a formula), so it shows exactly as written.
Numbers stay numbers, dates are ISO in CSV and real dates in XLSX, None is empty;
control characters XML cannot hold are left out of XLSX text.

`spreadsheet_cell(value)` is the one function: with no sheet it gives the CSV text, with
a write-only sheet it gives the XLSX cell.
"""

import datetime
from decimal import Decimal

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "d mmmm yyyy"


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet would run the text as a formula."""
    return text.startswith(FORMULA_STARTS)


def plain_number(number: Decimal) -> str:
    """A number as a person writes it: 78.1000 is "78.1", 1302.0000 is "1302"."""
    return f"{number.normalize():f}"


def spreadsheet_cell(value, *, sheet=None, bold: bool = False):
    """The CSV text (no sheet) or the XLSX write-only cell (a sheet) for any value."""
    if sheet is None:
        return _csv_text(value)
    return _xlsx_cell(sheet, value, bold=bold)


def _csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, bool | int | float):
        return str(value)
    text = str(value)
    return "'" + text if is_formula_like(text) else text


def _xlsx_cell(sheet, value, *, bold: bool) -> WriteOnlyCell:
    if isinstance(value, Decimal):
        number = value.normalize()
        value = int(number) if number == number.to_integral_value() else float(number)
    elif value is not None and not isinstance(value, int | float | datetime.date):
        value = ILLEGAL_CHARACTERS_RE.sub("", str(value))  # control characters XML refuses
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
    if isinstance(value, datetime.date):
        cell.number_format = DATE_FORMAT
    if bold:
        cell.font = Font(bold=True)
    return cell


def csv_row(values) -> list[str]:
    """A row of values as CSV text cells."""
    return [spreadsheet_cell(value) for value in values]


def xlsx_row(sheet, values, *, bold: bool = False) -> list[WriteOnlyCell]:
    """A row of values as XLSX text-safe cells of a write-only sheet."""
    return [spreadsheet_cell(value, sheet=sheet, bold=bold) for value in values]
