"""common.cells: the one rule for every CSV and XLSX cell the product writes."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from common.cells import csv_row, spreadsheet_cell, xlsx_row
from common.spreadsheets import unescape


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+44 161", "'+44 161"),
        ("-5 days", "'-5 days"),
        ("@user", "'@user"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        ("Plain text", "Plain text"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (-5, "-5"),
        (Decimal("-78.1000"), "-78.1"),
        (datetime.date(2023, 6, 30), "2023-06-30"),
    ],
)
def test_csv_text_never_starts_a_formula_and_reads_back(value, written):
    assert spreadsheet_cell(value) == written
    if isinstance(value, str):
        assert unescape(written) == value


def test_xlsx_cells_are_text_never_formulas_and_numbers_stay_numbers():
    book = Workbook(write_only=True)
    sheet = book.create_sheet("S")
    sheet.append(xlsx_row(sheet, ["=1+1", "@x", Decimal("12.50"), -3, datetime.date(2023, 1, 2)]))
    sheet.append(xlsx_row(sheet, ["bad\x01control\x00characters"]))
    out = io.BytesIO()
    book.save(out)

    rows = list(load_workbook(io.BytesIO(out.getvalue())).worksheets[0].iter_rows())
    assert [(c.value, c.data_type) for c in rows[0][:4]] == [
        ("=1+1", "s"), ("@x", "s"), (12.5, "n"), (-3, "n"),
    ]  # fmt: skip
    assert rows[0][4].value.date() == datetime.date(2023, 1, 2)
    assert rows[1][0].value == "badcontrolcharacters"


def test_csv_row_escapes_each_cell():
    assert csv_row(["=x", 1, None]) == ["'=x", "1", ""]
