""" "Download this list": the action list's rows as CSV or XLSX, every row the filters keep.

One header row, then one row per action in the table's order. Dates are ISO in CSV
and real dates in XLSX. Text a spreadsheet would run as a formula (it starts with
=, +, -, @, a tab or a carriage return) is kept as text by common.cells: a quote in
front in CSV, a text cell in XLSX.
"""

import csv
import datetime
import io
from collections.abc import Iterable

from django.http import HttpResponse
from openpyxl import Workbook

from common.cells import csv_row, xlsx_row
from improvement_plan.domain import rag
from improvement_plan.models import Action
from improvement_plan.rag_selectors import judge
from improvement_plan.selectors import days_overdue

KINDS = ("csv", "xlsx")
HEADERS = (
    "Ref",
    "Priority",
    "Objective",
    "Action",
    "Lead posts",
    "Due date",
    "Days overdue",
    "Status",
    "RAG",
    "Reported RAG",
    "Where they disagree",
)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def action_row(action: Action, *, today: datetime.date) -> list:
    """One action as the export's columns (HEADERS); rows come from selectors.action_rows()."""
    judgement = judge(action, today=today)
    return [
        action.reference,
        action.objective.priority.number,
        action.objective.title,
        action.description,
        "; ".join(post.name for post in action.lead_posts.all()),
        action.due_date,
        days_overdue(action, today=today),
        action.get_status_display(),
        judgement.rag.title(),
        action.reported_rag.title(),
        rag.disagreement(reported=action.reported_rag, computed=judgement) or "",
    ]


def csv_bytes(rows: Iterable[list]) -> bytes:
    """UTF-8 with a byte order mark, so Excel reads the accents and dashes in plan text."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    writer.writerows(csv_row(row) for row in rows)
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows: Iterable[list]) -> bytes:
    """One sheet, "Actions", with a bold header row kept in view."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Actions")
    sheet.freeze_panes = "A2"
    sheet.append(xlsx_row(sheet, HEADERS, bold=True))
    for row in rows:
        sheet.append(xlsx_row(sheet, row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def download(kind: str, actions: Iterable[Action], *, today: datetime.date) -> HttpResponse:
    """The list as an attachment named with today's date, e.g. actions-2024-05-01.csv."""
    rows = (action_row(action, today=today) for action in actions)
    if kind == "xlsx":
        body, content_type = xlsx_bytes(rows), XLSX_TYPE
    else:
        body, content_type = csv_bytes(rows), "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="actions-{today.isoformat()}.{kind}"'
    return response
