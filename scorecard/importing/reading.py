"""Reading a scorecard file into sheets of text rows: TSV/TXT/CSV (separator detected) or XLSX."""

import csv
import datetime
import io
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from openpyxl import load_workbook

Source = bytes | BinaryIO | str | os.PathLike
TEXT_EXTENSIONS = (".tsv", ".txt", ".csv")


class ScorecardFileError(ValueError):
    """The file cannot be read as a scorecard at all; nothing is imported."""


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: list[list[str]]


def source_bytes(source: Source) -> bytes:
    """The file's bytes, from bytes, an open binary file or a path."""
    if isinstance(source, bytes):
        return source
    if hasattr(source, "read"):
        data = source.read()
        return data.encode("utf-8") if isinstance(data, str) else data
    return Path(source).read_bytes()


def read_sheets(source: Source, filename: str) -> list[Sheet]:
    """Every table-bearing sheet of the file, in order; a text file is one sheet named ""."""
    data = source_bytes(source)
    extension = Path(filename).suffix.lower()
    if extension in TEXT_EXTENSIONS:
        return [Sheet("", _text_rows(data))]
    if extension == ".xlsx":
        return _xlsx_sheets(data)
    raise ScorecardFileError(f"{filename}: a scorecard must be .tsv, .txt, .csv or .xlsx.")


def detect_separator(text: str) -> str:
    """Tab when the text has tabs (pasted or TSV), else comma (CSV)."""
    return "\t" if "\t" in text else ","


def _text_rows(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScorecardFileError("The file is not UTF-8 text.") from exc
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_separator(text))
    return [[cell.strip() for cell in row] for row in reader]


def _xlsx_sheets(data: bytes) -> list[Sheet]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ScorecardFileError("The file is not a readable .xlsx workbook.") from exc
    try:
        return [
            Sheet(sheet.title, [[_cell_text(cell) for cell in row] for row in sheet.iter_rows()])
            for sheet in workbook.worksheets
        ]
    finally:
        workbook.close()


def _cell_text(cell) -> str:
    """A cell as a person sees it: 0.781 shown as a percentage is "78.1%"; a date "2023-08"."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, int | float) and "%" in (getattr(cell, "number_format", "") or ""):
        percent = (Decimal(str(value)) * 100).normalize()
        return f"{percent:f}%"
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%Y-%m")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
