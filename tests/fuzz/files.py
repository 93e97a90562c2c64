"""Hypothesis strategies for hostile plan and scorecard files: CSV, TSV and XLSX.

Cells: NUL bytes, numbers of 10^10 and more, long strings (past Excel's 32,767 and
csv's 131,072), formula prefixes, unicode, dates, empty rows, duplicate and reordered
references, missing and unknown columns, wrong types. Files: well formed, then
damaged: truncated, bytes flipped, sheet XML broken, a sheet claiming 20,000 x 16,384.
"""

import csv
import io
import re
import zipfile

from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

PLAN_HEADERS = ["Item", "Action", "Lead/ Timeframe", "Progress/ Comments", "RAG"]
EXPORT_HEADERS = [
    "priority", "item", "action_ref", "action", "leads", "due_dates", "status", "rag",
    "reported_rag", "progress_entries", "latest_progress", "priority_title", "lead_timeframe",
]  # fmt: skip
SCORECARD_HEADERS = [
    "Ref", "Indicator", "Aug-23", "Sep-23", "Current", "Previous Year", "Target",
    "England Average (2022/23)", "Last 12 Months", "Performance", "Direction of Travel",
]  # fmt: skip

SPECIAL = [
    "", " ", "\x00", "a\x00b", "=1+1", "+SUM(A1)", "-2", "@x", "\tTab", "\rCR", "'=x",
    "1.", "1. Priority", "999. Priority", "1.1.1", "1.1.2", "2.1.1", "1.1.1" * 8,
    "1" * 25, "99999999999", "1e400", "10000000000", "-10000000000", "9999999999.99999",
    "0.00001", "1,234,567,890,123", "78.1%", "n/a", "-", "Not Yet Available", "R", "A",
    "G", "Red", "Amber", "Green", "Blue", "↑", "↓", "→", "FD1", "FD2a", "CIN10c", "ZZ9",
    "FD" + "9" * 30, "DCS", "AD CSC", "March 23", "30 June 2023", "2023-06-30",
    "Sept 22 and Oct 22", "Quarterly", "Complete", "In progress", "85-90%", "<7%",
    ">=90%", "<=999999999999", "9999999999999-99999999999999%", "Aug-23", "2023-13",
    "Ref", "Item", "Action", "action_ref", "日本語", "🙂" * 5, "\u202e", "\ufeff",
    "Ｒｅｆ", "x" * 300, "\n\n", '"quoted"', "a,b", "a\tb",
]  # fmt: skip

long_text = st.builds(
    lambda char, length: char * length,
    st.sampled_from(["x", "é", "1", "\x00", "=", " "]),
    st.sampled_from([251, 1_000, 20_001, 32_768, 131_073, 200_000]),
)
numbers = st.one_of(
    st.integers(min_value=-(10**14), max_value=10**14).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=6).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
short_cells = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(max_size=30),
    numbers,
    st.text(alphabet="0123456789.,-%", max_size=16),
)
cells = st.integers(min_value=0, max_value=40).flatmap(
    lambda pick: long_text if pick == 0 else short_cells
)


references = st.one_of(
    st.builds("{}.{}.{}".format, *[st.integers(1, 4)] * 3),
    st.sampled_from(["FD1", "FD2a", "CIN10c", "EH3", "SG14", "WF5d", "CF1", "ZZ1"]),
    st.builds("FD{}".format, st.integers(1, 10**25)),
    st.builds("{}.{}.{}".format, *[st.integers(1, 999)] * 3),
)
PLAUSIBLE = {
    "Item": st.one_of(
        st.builds("{}. Priority {}".format, st.integers(1, 5), st.text(max_size=5)),
        st.sampled_from(["", "", "Objective A", "Objective B"]),
    ),
    "Action": st.sampled_from(["Do a thing", "Do another", "", "=cmd"]),
    "Lead/ Timeframe": st.sampled_from(
        [
            "DCS March 23",
            "AD CSC by 30 June 2023",
            "Quarterly",
            "Someone new Sept 22 and Oct 22",
            "x" * 300,
        ]
    ),
    "RAG": st.sampled_from(["Red", "Amber", "Green", "Complete", "Blue", "Purple"]),
    "priority": st.builds(str, st.integers(1, 5)),
    "action_ref": references,
    "due_dates": st.sampled_from(["2023-06-30", "2023-01-31; 2023-06-30", "30 June 2023", "x"]),
    "progress_entries": st.builds(str, st.integers(0, 3)),
    "Ref": references,
}


def _column(name: str):
    if name in PLAUSIBLE:
        return PLAUSIBLE[name]
    if (
        name in ("Aug-23", "Sep-23", "Current", "Previous Year", "Last 12 Months")
        or "Average" in name
    ):
        return numbers
    return cells


@st.composite
def table(draw, headers: list[str]) -> list[list[str]]:
    """A header (columns dropped, shuffled, duplicated or unknown), then hostile rows."""
    header = draw(st.lists(st.sampled_from([*headers, "Unknown", ""]), min_size=0, max_size=14))
    if draw(st.booleans()):
        header = list(headers)
    rows = [header]
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        width = draw(st.integers(min_value=0, max_value=len(header) + 2))
        rows.append(
            [
                draw(_column(header[i]) if i < len(header) and draw(st.booleans()) else cells)
                for i in range(width)
            ]
        )
    if draw(st.booleans()) and len(rows) > 2:  # a row repeated further down, or moved
        rows.insert(draw(st.integers(1, len(rows))), list(draw(st.sampled_from(rows[1:]))))
    return rows


def csv_bytes(rows: list[list[str]], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[list[str]], numbers_as_numbers: bool = True, number_format="") -> bytes:
    """The rows as a workbook; numbers as numbers, shown with `number_format` if given
    (a percentage or a date, even for a number no date can be)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Sheet")
    for row in rows:
        sheet.append([_xlsx_cell(sheet, cell, numbers_as_numbers, number_format) for cell in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_cell(sheet, cell: str, numbers_as_numbers: bool, number_format: str):
    value = _xlsx_value(cell, numbers_as_numbers)
    written = WriteOnlyCell(sheet, value=value)
    if number_format and isinstance(value, int | float):
        written.number_format = number_format
    return written


def _xlsx_value(cell: str, numbers_as_numbers: bool):
    if numbers_as_numbers and re.fullmatch(r"-?\d{1,20}(\.\d{1,8})?", cell):
        return float(cell) if "." in cell else int(cell)
    return ILLEGAL_CHARACTERS_RE.sub("", cell[:32_767] if len(cell) > 40_000 else cell)


def damaged(data: bytes, how: str, where: int) -> bytes:
    """The file made worse in one of several ways."""
    if how == "truncate":
        return data[: where % max(len(data), 1)]
    if how == "flip" and data:
        index = where % len(data)
        return data[:index] + bytes([data[index] ^ 0xFF]) + data[index + 1 :]
    if how in ("broken_xml", "claim", "nul_xml", "huge_row") and data.startswith(b"PK"):
        return _rewrite_sheet(data, how)
    return data


def _rewrite_sheet(data: bytes, how: str) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                body = _sheet_xml(body, how)
            target.writestr(info, body)
    return out.getvalue()


def _sheet_xml(body: bytes, how: str) -> bytes:
    if how == "broken_xml":
        return body[: len(body) // 2] + b"<c r=<<"
    if how == "nul_xml":
        return body.replace(b"<sheetData>", b"<sheetData>\x00")
    if how == "huge_row":
        cell = b'<row r="19000"><c r="XFD19000" t="inlineStr"><is><t>z</t></is></c></row>'
        return body.replace(b"</sheetData>", cell + b"</sheetData>")
    body = re.sub(rb"<dimension ref=\"[^\"]*\"/>", b'<dimension ref="A1:XFD20000"/>', body)
    if b"<dimension" not in body:
        body = body.replace(b"<sheetData", b'<dimension ref="A1:XFD20000"/><sheetData', 1)
    return body


@st.composite
def hostile_file(draw, headers: list[str], text_kinds=("csv",)) -> tuple[str, bytes]:
    """(file name, bytes): a table as CSV/TSV or XLSX, sometimes damaged afterwards."""
    rows = draw(table(headers))
    kind = draw(st.sampled_from([*text_kinds, "xlsx"]))
    if kind == "xlsx":
        formats = st.sampled_from(["", "", "0.0%", "d mmmm yyyy", "yyyy-mm", "hh:mm"])
        data = xlsx_bytes(rows, numbers_as_numbers=draw(st.booleans()), number_format=draw(formats))
    else:
        data = csv_bytes(rows, "\t" if kind == "tsv" else ",")
    how = draw(
        st.sampled_from(
            ["none"] * 6 + ["truncate", "flip", "broken_xml", "claim", "nul_xml", "huge_row"]
        )
    )
    return f"file.{kind}", damaged(data, how, draw(st.integers(min_value=0)))
