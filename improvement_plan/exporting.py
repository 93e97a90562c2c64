"""Exporting a plan: one row per action, in plan order, as CSV or XLSX.

Columns (improvement_plan.importing.export_layout.EXPORT_COLUMNS): priority, item,
action_ref, action, leads, due_dates, status, rag, reported_rag, progress_entries,
latest_progress, then priority_title and lead_timeframe so the file imports back into
a plan with the same actions. `leads` joins post names with "; "; `due_dates` joins ISO
dates, the milestones in order and the due date last (not repeated when it is the last
milestone); `rag` is the computed RAG and `reported_rag` the lead's, as words.
"""

import csv
import datetime
from collections.abc import Iterator
from typing import BinaryIO, TextIO

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from openpyxl import Workbook

from common.cells import csv_row, xlsx_row
from governance.models import Post
from improvement_plan.importing.export_layout import EXPORT_COLUMNS, JOINER
from improvement_plan.models import Action, Milestone, Plan, ProgressUpdate, Rag
from improvement_plan.rag_selectors import with_computed_rag

FORMATS = ("csv", "xlsx")


def plan_actions(plan: Plan, *, today: datetime.date) -> QuerySet[Action]:
    """The plan's actions in plan order, with what each export row needs, in five queries."""
    newest = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by("-created_at", "-id")
    entries = (
        ProgressUpdate.objects.filter(action=OuterRef("pk"))
        .values("action")
        .annotate(n=Count("pk"))
        .values("n")
    )
    actions = Action.objects.filter(objective__priority__plan=plan)
    return (
        with_computed_rag(actions, today=today)
        .annotate(
            progress_entries=Coalesce(Subquery(entries, output_field=IntegerField()), 0),
            latest_progress=Subquery(newest.values("text")[:1]),
        )
        .select_related("objective__priority")
        .prefetch_related(
            Prefetch("lead_posts", queryset=Post.objects.order_by("name")),
            Prefetch("milestones", queryset=Milestone.objects.order_by("due_date", "id")),
        )
        .order_by("objective__priority__number", "objective__order", "order", "pk")
    )


def due_dates(action: Action) -> list[datetime.date]:
    """The milestones in order, then the due date unless it is the last milestone."""
    dates = [milestone.due_date for milestone in action.milestones.all()]
    if action.due_date is not None and (not dates or dates[-1] != action.due_date):
        dates.append(action.due_date)
    return dates


def action_row(action: Action) -> list:
    """One action as a row of EXPORT_COLUMNS."""
    priority = action.objective.priority
    return [
        priority.number,
        action.objective.title,
        action.reference,
        action.description,
        JOINER.join(post.name for post in action.lead_posts.all()),
        JOINER.join(date.isoformat() for date in due_dates(action)),
        action.get_status_display(),
        Rag(action.rag).label,
        Rag(action.reported_rag).label if action.reported_rag else "",
        action.progress_entries,
        action.latest_progress or "",
        priority.title,
        action.timeframe_as_written,
    ]


def export_rows(plan: Plan, *, today: datetime.date) -> Iterator[list]:
    """The header row, then one row per action in plan order."""
    yield list(EXPORT_COLUMNS)
    for action in plan_actions(plan, today=today):
        yield action_row(action)


def write_csv(plan: Plan, stream: TextIO, *, today: datetime.date) -> None:
    """RFC 4180 CSV; the stream should be opened with newline="". Every cell goes through
    common.cells, so formula-like text is never live (the import takes the quote off)."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerows(csv_row(row) for row in export_rows(plan, today=today))


def write_xlsx(plan: Plan, stream: BinaryIO, *, today: datetime.date) -> None:
    """One worksheet, "Plan", with the same rows as the CSV; text cells never formulas."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Plan")
    for row in export_rows(plan, today=today):
        sheet.append(xlsx_row(sheet, row))
    workbook.save(stream)
