"""Reading a scorecard file into sheets of text rows: TSV/TXT/CSV (separator detected) or XLSX."""

import datetime
import os
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from common.spreadsheets import (
    NOT_A_WORKBOOK,
    CellNote,
    SpreadsheetError,
    plain_text,
    read_text_table,
    read_xlsx_tables,
)

Source = bytes | BinaryIO | str | os.PathLike
TEXT_EXTENSIONS = (".tsv", ".txt", ".csv")


class ScorecardFileError(ValueError):
    """The file cannot be read as a scorecard at all; nothing is imported."""


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: list[list[str]]
    notes: list[CellNote] = field(default_factory=list)  # cells changed as read (NUL removed)


def source_bytes(source: Source) -> bytes:
    """The file's bytes, from bytes, an open binary file or a path."""
    if isinstance(source, bytes):
        return source
    if hasattr(source, "read"):
        data = source.read()
        return data.encode("utf-8") if isinstance(data, str) else data
    return Path(source).read_bytes()


def read_sheets(source: Source, filename: str) -> list[Sheet]:
    """Every table-bearing sheet of the file, in order; a text file is one sheet named "".

    Read by common.spreadsheets: bounded by rows, columns and cells read, whatever the
    file claims; a file it cannot read, or over a limit, is a ScorecardFileError.
    """
    data = source_bytes(source)
    extension = Path(filename).suffix.lower()
    try:
        if extension in TEXT_EXTENSIONS:
            tables = [read_text_table(data)]
        elif extension == ".xlsx":
            tables = read_xlsx_tables(data, cell_text=_cell_text)
        else:
            raise ScorecardFileError(f"{filename}: a scorecard must be .tsv, .txt, .csv or .xlsx.")
    except SpreadsheetError as exc:
        raise ScorecardFileError(str(exc)) from exc
    except NotImplementedError as exc:  # zipfile, for a version it cannot unpack
        raise ScorecardFileError(
            f"{NOT_A_WORKBOOK}: it is packed in a way this service cannot open ({exc}). "
            "Save it again from Excel."
        ) from exc
    return [
        Sheet(table.name, [[cell.strip() for cell in row] for row in table.rows], table.notes)
        for table in tables
    ]


def detect_separator(text: str) -> str:
    """Tab when the text has tabs (pasted or TSV), else comma (CSV)."""
    return "\t" if "\t" in text else ","


def _cell_text(cell) -> str:
    """A cell as a person sees it: 0.781 shown as a percentage is "78.1%"; a date "2023-08"."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, int | float) and "%" in (getattr(cell, "number_format", "") or ""):
        try:
            percent = (Decimal(str(value)) * 100).normalize()
        except ArithmeticError:
            return str(value)
        return f"{percent:f}%"
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%Y-%m")
    return plain_text(value).strip()
