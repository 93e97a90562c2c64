"""Reading an uploaded plan file into rows of text: CSV (UTF-8, BOM allowed) or XLSX.

The file is read by common.spreadsheets, bounded by rows, columns and cells read; a file
it cannot read or that is over a limit is a PlanFileError with the row that says why.
"""

import os
from pathlib import Path
from typing import BinaryIO

from common.spreadsheets import (
    CellNote,
    SpreadsheetError,
    Table,
    plain_text,
    read_text_table,
    read_xlsx_tables,
)

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
    return read_table(source, filename)[0]


def read_table(source: Source, filename: str) -> tuple[list[list[str]], list[CellNote]]:
    """The rows, and the notes of cells changed as they were read (NUL characters removed)."""
    data = source_bytes(source)
    extension = Path(filename).suffix.lower()
    try:
        if extension == ".csv":
            table = read_text_table(data, delimiter=",")
        elif extension == ".xlsx":
            sheets = read_xlsx_tables(data, sheets=1, cell_text=cell_text)
            table = sheets[0] if sheets else Table("")
        else:
            raise PlanFileError(f"{filename}: a plan must be a .csv or .xlsx file.")
    except SpreadsheetError as exc:
        raise PlanFileError(str(exc)) from exc
    return [[_clean(cell) for cell in row] for row in table.rows], table.notes


def cell_text(value) -> str:
    """A spreadsheet value as the text a person sees: 3.0 is "3", a date is "20 June 2022"."""
    return plain_text(value)


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()
