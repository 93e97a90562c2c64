"""Reading an uploaded plan file into rows of text: CSV (UTF-8, BOM allowed) or XLSX."""

import csv
import datetime
import io
import os
from pathlib import Path
from typing import BinaryIO

from openpyxl import load_workbook

Source = bytes | BinaryIO | str | os.PathLike


class PlanFileError(ValueError):
    """The file cannot be read as a plan at all; nothing is imported."""


def source_bytes(source: Source) -> bytes:
    """The file's bytes, from bytes, an open binary file or a path."""
    if isinstance(source, bytes):
        return source
    if hasattr(source, "read"):
        data = source.read()
        return data.encode("utf-8") if isinstance(data, str) else data
    return Path(source).read_bytes()


def read_rows(source: Source, filename: str) -> list[list[str]]:
    """The table's rows as text, by the file's extension: .csv or .xlsx (first sheet)."""
    data = source_bytes(source)
    extension = Path(filename).suffix.lower()
    if extension == ".csv":
        return _csv_rows(data)
    if extension == ".xlsx":
        return _xlsx_rows(data)
    raise PlanFileError(f"{filename}: a plan must be a .csv or .xlsx file.")


def _csv_rows(data: bytes) -> list[list[str]]:
    """RFC 4180 CSV in UTF-8; a leading BOM is dropped and cells may hold line breaks."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlanFileError("The CSV file is not UTF-8 text: save it as CSV UTF-8.") from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    return [[_clean(cell) for cell in row] for row in reader]


def _xlsx_rows(data: bytes) -> list[list[str]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise PlanFileError("The file is not a readable .xlsx workbook.") from exc
    try:
        sheet = workbook.worksheets[0]
        return [[cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def cell_text(value) -> str:
    """A spreadsheet value as the text a person sees: 3.0 is "3", a date is "20 June 2022"."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%-d %B %Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _clean(str(value))


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()
