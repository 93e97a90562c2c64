""" "Download this list": the action list's rows as CSV or XLSX, every row the filters keep.

One header row, then one row per action in the table's order. Dates are ISO in CSV
and real dates in XLSX. Text a spreadsheet would run as a formula (it starts with
=, +, -, @, a tab or a carriage return) is kept as text by common.cells: a quote in
front in CSV, a text cell in XLSX.

Thousands of rows (issue 13): the actions are read in chunks as the file is written, and
the CSV is sent as it is written (StreamingHttpResponse).
"""

import csv
import datetime
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import IO

from django.db.models import QuerySet
from django.http import FileResponse, HttpResponseBase, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

from common.cells import csv_row, xlsx_row
from improvement_plan.domain import due_dates, rag
from improvement_plan.models import Action
from improvement_plan.rag_selectors import COMPLETE_STATUSES, judge_facts, thresholds

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
CHUNK = 2_000  # actions read at a time
LINES_PER_CHUNK = 500  # CSV lines sent at a time
SPOOL_BYTES = 8 * 1024 * 1024  # an XLSX larger than this is kept on disk while it is sent


# What a row is read from: values, not model instances, so thousands read fast.
FIELDS = (
    "pk", "reference", "objective__priority__number", "objective__title", "description",
    "due_date", "status", "reported_rag", "last_update_at", "rebaseline_count",
)  # fmt: skip
STATUS_WORDS = dict(Action.Status.choices)


def action_row(values: tuple, leads: Iterable[str], *, today: datetime.date, limits, zone) -> list:
    """One action (its FIELDS and lead post names) as the export's columns (HEADERS); the
    RAG and days overdue by the same rules as the pages (rag_selectors, domain.due_dates).
    `zone` is the local time zone, read once for all the rows."""
    _, reference, priority, objective, description, due, status, reported, last, moves = values
    judgement = judge_facts(
        status=status, due_date=due, last_update_on=last.astimezone(zone).date() if last else None,
        rebaseline_count=moves, today=today, limits=limits,
    )  # fmt: skip
    is_complete = status in COMPLETE_STATUSES
    return [
        reference,
        priority,
        objective,
        description,
        "; ".join(leads),
        due,
        due_dates.days_overdue(due_date=due, is_complete=is_complete, today=today),
        STATUS_WORDS.get(status, status),
        judgement.rag.title(),
        reported.title(),
        rag.disagreement(reported=reported, computed=judgement) or "",
    ]


def _lead_names(actions: QuerySet[Action]) -> dict[int, list[str]]:
    """The lead posts' names of these actions, each action's by name (one query)."""
    names = defaultdict(list)
    rows = (
        Action.lead_posts.through.objects.filter(action__in=actions.values("pk"))
        .order_by("post__name", "post_id")
        .values_list("action_id", "post__name")
    )
    for action_id, name in rows.iterator(chunk_size=CHUNK):
        names[action_id].append(name)
    return names


def export_rows(actions: QuerySet[Action], *, today: datetime.date) -> Iterator[list]:
    """Each action's row in the queryset's order, read CHUNK actions at a time, with
    every lead post read once: two queries however long the list."""
    limits, zone = thresholds(), timezone.get_current_timezone()
    leads = _lead_names(actions)
    values = actions.prefetch_related(None).values_list(*FIELDS)
    for row in values.iterator(chunk_size=CHUNK):
        yield action_row(row, leads.get(row[0], ()), today=today, limits=limits, zone=zone)


class _Echo:
    """A file for csv.writer that hands back each line instead of keeping it."""

    def write(self, line: str) -> str:
        return line


def csv_chunks(rows: Iterable[list]) -> Iterator[bytes]:
    """The CSV as it is written, LINES_PER_CHUNK rows at a time: UTF-8 with a byte order
    mark, so Excel reads the accents and dashes in plan text."""
    writer = csv.writer(_Echo())
    yield ("\ufeff" + writer.writerow(HEADERS)).encode()
    lines = []
    for row in rows:
        lines.append(writer.writerow(csv_row(row)))
        if len(lines) == LINES_PER_CHUNK:
            yield "".join(lines).encode()
            lines = []
    if lines:
        yield "".join(lines).encode()


def xlsx_file(rows: Iterable[list]) -> IO[bytes]:
    """One sheet, "Actions", with a bold header row kept in view, written in openpyxl's
    write-only mode to a temporary file (in memory while small), rewound to be sent."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Actions")
    sheet.freeze_panes = "A2"
    sheet.append(xlsx_row(sheet, HEADERS, bold=True))
    for row in rows:
        sheet.append(xlsx_row(sheet, row))
    out = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 FileResponse closes it
    book.save(out)
    out.seek(0)
    return out


def download(kind: str, actions: QuerySet[Action], *, today: datetime.date) -> HttpResponseBase:
    """The list as an attachment named with today's date, e.g. actions-2024-05-01.csv.

    CSV streams as its rows are read; XLSX is a zip written whole by openpyxl, so it is
    built in a temporary file and sent from there.
    """
    name = f"actions-{today.isoformat()}.{kind}"
    rows = export_rows(actions, today=today)
    if kind == "xlsx":
        return FileResponse(xlsx_file(rows), as_attachment=True, filename=name,
                            content_type=XLSX_TYPE)  # fmt: skip
    response = StreamingHttpResponse(csv_chunks(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
