"""common.spreadsheets: reading bounded by what is read, never by what a file claims."""

import time
import tracemalloc

import pytest

from common import spreadsheets
from common.spreadsheets import SpreadsheetError, read_text_table, read_xlsx_tables
from tests.fuzz.files import damaged, xlsx_bytes


def claims_20000_by_16384() -> bytes:
    """A tiny workbook whose <dimension ref="A1:XFD20000"/> is edited in."""
    data = damaged(xlsx_bytes([["Ref", "Indicator"], ["FD1", "Contacts"]]), "claim", 0)
    assert b'ref="A1:XFD20000"' in spreadsheets.zipfile.ZipFile(spreadsheets.io.BytesIO(data)).read(
        "xl/worksheets/sheet1.xml"
    )
    return data


def test_the_20000_by_16384_claim_is_read_in_well_under_5_s_and_300_mb():
    """31 s and 2.75 GB before: openpyxl padded every row to the claimed dimension."""
    data = claims_20000_by_16384()
    assert len(data) < 6_000
    tracemalloc.start()
    started = time.perf_counter()
    tables = read_xlsx_tables(data)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    assert tables[0].rows == [["Ref", "Indicator"], ["FD1", "Contacts"]]
    assert seconds < 5
    assert peak < 300 * 1024 * 1024


def test_a_cell_at_the_last_column_of_the_last_row_is_refused_quickly():
    data = damaged(xlsx_bytes([["Ref", "Indicator"]]), "huge_row", 0)
    started = time.perf_counter()

    with pytest.raises(SpreadsheetError, match="row 19000 has more than 200 columns"):
        read_xlsx_tables(data)
    assert time.perf_counter() - started < 5


def test_rows_past_the_limit_are_refused_and_reading_stops(monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_ROWS", 10)
    text = "".join(f"{n},x\n" for n in range(1, 1000)).encode()

    with pytest.raises(SpreadsheetError, match="more than 10 rows"):
        read_text_table(text)
    with pytest.raises(SpreadsheetError, match="more than 10 rows"):
        read_xlsx_tables(xlsx_bytes([[str(n), "x"] for n in range(1, 1000)]))


def test_trailing_empty_rows_past_the_limit_are_not_an_error(monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_ROWS", 2)

    assert read_text_table(b"a\nb\n,,\n\n").rows[:2] == [["a"], ["b"]]


def test_a_zip_that_unpacks_too_big_is_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_UNPACKED_BYTES", 1000)

    with pytest.raises(SpreadsheetError, match="unpacked it would be over"):
        read_xlsx_tables(xlsx_bytes([["a"]]))


def test_nul_characters_are_removed_and_noted_where():
    table = read_text_table(b"a,b\nc,d\x00e\n")

    assert table.rows == [["a", "b"], ["c", "de"]]
    assert [(n.row, n.column_letter) for n in table.notes] == [(2, "B")]


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04", b"not a zip", b"PK\x05\x06" + b"\0" * 18])
def test_what_is_not_a_workbook_says_so(data):
    with pytest.raises(SpreadsheetError, match="could not be read as an Excel workbook"):
        read_xlsx_tables(data)


def test_a_workbook_of_more_sheets_than_the_limit_is_refused_not_read_in_part(monkeypatch):
    from openpyxl import Workbook

    monkeypatch.setattr(spreadsheets, "MAX_SHEETS", 2)
    book = Workbook()
    for name in ("Two", "Three"):
        book.create_sheet(name)
    out = spreadsheets.io.BytesIO()
    book.save(out)

    with pytest.raises(SpreadsheetError, match="has 3 sheets: at most 2"):
        read_xlsx_tables(out.getvalue(), sheets=2)
    assert len(read_xlsx_tables(out.getvalue(), sheets=1)) == 1
