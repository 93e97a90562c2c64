"""Downloads against their own floor: writing the same rows with the csv module, or with
openpyxl's write-only mode, and nothing else (issue 13). The rows are the download's
own, read back from one response, so the floor writes exactly what the page wrote.
"""

import csv
import io
from collections.abc import Callable

from django.test import Client
from openpyxl import Workbook, load_workbook

from benchmarks.measure import against_floor, get_call


def _body(client: Client, url: str) -> bytes:
    response = client.get(url)
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def _csv_rows(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def _xlsx_rows(body: bytes) -> list[list]:
    workbook = load_workbook(io.BytesIO(body), read_only=True)
    rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    workbook.close()
    return rows


def csv_floor(rows: list[list[str]]) -> Callable[[], bytes]:
    def write() -> bytes:
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        return out.getvalue().encode("utf-8")

    return write


def xlsx_floor(rows: list[list]) -> Callable[[], bytes]:
    def write() -> bytes:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        for row in rows:
            sheet.append(row)
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()

    return write


def against_writing_alone(client: Client, url: str, *, kind: str, rounds: int) -> dict:
    """The download (`kind` "csv" or "xlsx") against writing its own rows alone."""
    body = _body(client, url)
    rows = _csv_rows(body) if kind == "csv" else _xlsx_rows(body)
    floor = csv_floor(rows) if kind == "csv" else xlsx_floor(rows)
    found = against_floor(get_call(client, url), floor, rounds=rounds)
    return {**found, "rows": len(rows), "floor": f"the same rows with {kind} alone"}
