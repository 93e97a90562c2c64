"""The board's action log as rows to show or download: overdue in words, and an exempt
item's actions withheld from readers without the full papers (the rule in
governance.minutes.selectors.minutes_as_seen)."""

import csv
import datetime
import io
from collections.abc import Iterable
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import timezone

from common.cells import spreadsheet_cell
from governance.domain.exempt import withheld as withheld_note
from governance.domain.minutes import days_overdue, overdue_in_words
from governance.models import ActionArising

HEADERS = (
    "Minute",
    "Meeting",
    "Action",
    "Owner",
    "Due date",
    "Status",
    "Overdue",
    "Progress",
    "Completed on",
)


@dataclass(frozen=True)
class LogRow:
    action: ActionArising
    overdue: str
    withheld: str
    may_update: bool


def log_rows(
    actions: Iterable[ActionArising], *, user, full_papers: bool, today: datetime.date
) -> list[LogRow]:
    """Each action with what the page says of it; no queries beyond the actions' own."""
    rows = []
    for action in actions:
        item = action.minute.agenda_item
        paragraph = item.exempt_paragraph if item else None
        days = days_overdue(status=action.status, due_date=action.due_date, today=today)
        rows.append(
            LogRow(
                action=action,
                overdue=overdue_in_words(days),
                withheld=withheld_note(exempt_paragraph=paragraph, full_papers=full_papers),
                may_update=user.has_perm("governance.update_action_arising", action),
            )
        )
    return rows


def _cell(value) -> str:
    """A CSV cell: ISO dates, empty for none, and formula-like text made harmless."""
    return spreadsheet_cell(value)  # the one rule for every exported cell (common.cells)


def _csv_row(row: LogRow) -> list:
    action = row.action
    minute = action.minute
    return [
        minute.number,
        timezone.localtime(minute.meeting.starts_at).date(),
        row.withheld or action.description,
        action.owner,
        action.due_date,
        action.get_status_display(),
        row.overdue,
        "" if row.withheld else action.progress,
        action.completed_on,
    ]


def csv_download(rows: list[LogRow], *, slug: str, today: datetime.date) -> HttpResponse:
    """Every row the filters keep, as a CSV named like "scrutiny-panel-actions-2023-03-08.csv"."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    writer.writerows([_cell(value) for value in _csv_row(row)] for row in rows)
    response = HttpResponse(
        out.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{slug}-actions-{today:%Y-%m-%d}.csv"'
    return response
