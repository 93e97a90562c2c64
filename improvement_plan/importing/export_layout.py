"""The layout export_plan writes, read back: one row per action, leads and dates in columns.

Exporting a plan and importing the file into a new plan gives the same actions: the
same references, descriptions, leads, due dates and statuses. The export's header is
told apart from the plan table's by its `action_ref` column. Pure: rows in, a parsed
plan out. Each action's latest progress entry is imported; earlier ones are not in the file.
"""

import datetime
import re

from improvement_plan.domain.timeframe import Lead, Timeframe, parse_timeframe
from improvement_plan.importing.layout import (
    ParsedAction,
    ParsedObjective,
    ParsedPlan,
    ParsedPriority,
    PlanLayoutError,
    RowWarning,
    parse_plan_rows,
)

EXPORT_COLUMNS = (
    "priority",
    "item",
    "action_ref",
    "action",
    "leads",
    "due_dates",
    "status",
    "rag",
    "reported_rag",
    "progress_entries",
    "latest_progress",
    "priority_title",
    "lead_timeframe",
)
JOINER = "; "
REFERENCE_MAX = 20  # Action.reference's length
REFERENCE_RE = re.compile(r"^(\d{1,3})\.(\d{1,3})\.(\d{1,3})$")
NUMBER_RE = re.compile(r"^\s*(\d{1,3})\s*\.?\s*(.*)$", re.DOTALL)
RAG_WORDS = {"red": "red", "amber": "amber", "green": "green", "blue": "blue"}


def parse_rows(rows: list[list[str]]) -> ParsedPlan:
    """The export's layout when the header has an `action_ref` column, else the plan table."""
    start = next((i for i, row in enumerate(rows) if any(c.strip() for c in row)), None)
    if start is not None and "action_ref" in {_key(cell) for cell in rows[start]}:
        return parse_export_rows(rows, start)
    return parse_plan_rows(rows)


def _key(cell: str) -> str:
    return "".join(cell.lower().split())


def parse_export_rows(rows: list[list[str]], start: int) -> ParsedPlan:
    """Reads an export: rows[start] is its header; row numbers count from 1."""
    columns: dict[str, int] = {}
    plan = ParsedPlan()
    for index, cell in enumerate(rows[start]):
        if _key(cell) in EXPORT_COLUMNS and _key(cell) not in columns:
            columns[_key(cell)] = index
        elif cell.strip():
            plan.warnings.append(
                RowWarning(start + 1, f'Column "{cell.strip()}" is not known and is ignored.')
            )
    missing = [name for name in ("priority", "action_ref", "action") if name not in columns]
    if missing:
        raise PlanLayoutError(f"The export's header has no {', '.join(missing)} column.")
    builder = _ExportBuilder(plan)
    for index in range(start + 1, len(rows)):
        row = rows[index]
        cells = {name: row[i].strip() if i < len(row) else "" for name, i in columns.items()} | {
            name: "" for name in EXPORT_COLUMNS if name not in columns
        }
        if any(cells.values()):
            builder.add(index + 1, cells)
    if builder.earlier_progress_left_out:
        plan.warnings.append(
            RowWarning(start + 1, "Only each action's latest progress entry is in an export: "
                       "earlier entries are not imported.")
        )  # fmt: skip
    return plan


def split_joined(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


class _ExportBuilder:
    def __init__(self, plan: ParsedPlan):
        self.plan = plan
        self.references: set[str] = set()
        self.earlier_progress_left_out = False

    def warn(self, row: int, message: str) -> None:
        self.plan.warnings.append(RowWarning(row, message))

    def add(self, row: int, cells: dict[str, str]) -> None:
        """Rule: one row is one action, filed under its priority and item."""
        number = NUMBER_RE.match(cells["priority"])
        if number is None:
            self.warn(row, f'Priority "{cells["priority"]}" is not a number: the row is skipped.')
            return
        if not cells["action"]:
            self.warn(row, "A row with no action: it is skipped.")
            return
        title = cells["priority_title"] or number.group(2).strip()
        priority = self._priority(row, int(number.group(1)), title)
        reference, objective_order, action_order = self._place(row, priority, cells)
        if len(reference) > REFERENCE_MAX:
            shown = f"{reference[:20]}..."
            self.warn(row, f'Action reference "{shown}" is longer than {REFERENCE_MAX} '
                      "characters: the row is skipped.")  # fmt: skip
            return
        if reference in self.references:
            self.warn(row, f"Action {reference} appears twice: this row is skipped.")
            return
        self.references.add(reference)
        objective = self._objective(row, priority, objective_order, cells["item"])
        if action_order is None or any(a.order == action_order for a in objective.actions):
            action_order = max((a.order for a in objective.actions), default=0) + 1
        objective.actions.append(self._action(row, reference, action_order, cells))

    def _priority(self, row: int, number: int, title: str) -> ParsedPriority:
        for priority in self.plan.priorities:
            if priority.number == number:
                return priority
        priority = ParsedPriority(row, number, " ".join(title.split()) or f"Priority {number}")
        self.plan.priorities.append(priority)
        return priority

    def _place(self, row: int, priority: ParsedPriority, cells) -> tuple[str, int, int | None]:
        """The reference as written, and the item and action numbers it gives.

        A reference not like "3.2.1" under its priority is kept as written; the action
        goes under the item written beside it (a new item when the item changes).
        """
        match = REFERENCE_RE.match(cells["action_ref"])
        if match and int(match.group(1)) == priority.number:
            return cells["action_ref"], int(match.group(2)), int(match.group(3))
        last = priority.objectives[-1] if priority.objectives else None
        if last is not None and (not cells["item"] or cells["item"] == last.title):
            order = last.order
        else:
            order = max((o.order for o in priority.objectives), default=0) + 1
        reference = cells["action_ref"]
        if len(reference) > REFERENCE_MAX:
            return reference, order, None  # refused by add(): longer than the database holds
        if not reference:
            reference = f"{priority.number}.{order}.{len(last.actions) + 1 if last else 1}"
            self.warn(row, f"An action with no reference: numbered {reference}.")
        return reference, order, None

    def _objective(self, row: int, priority: ParsedPriority, order: int, title: str):
        for objective in priority.objectives:
            if objective.order == order:
                return objective
        objective = ParsedObjective(row, order, " ".join(title.split()) or "Untitled item")
        priority.objectives.append(objective)
        priority.objectives.sort(key=lambda o: o.order)
        return objective

    def _action(self, row: int, reference: str, order: int, cells) -> ParsedAction:
        entries = cells["progress_entries"]
        if entries.isdigit() and len(entries) < 10 and int(entries) > 1:
            self.earlier_progress_left_out = True
        written_rag = cells["reported_rag"]
        rag = RAG_WORDS.get(written_rag.lower(), "")
        if written_rag and not rag:
            self.warn(row, f'Action {reference}: reported RAG "{written_rag}" is unknown.')
        return ParsedAction(
            row=row,
            order=order,
            reference=reference,
            description=cells["action"],
            timeframe=cells["lead_timeframe"],
            progress_lines=[cells["latest_progress"]] if cells["latest_progress"] else [],
            rag_lines=[cells["status"]] if cells["status"] else [],
            given=Timeframe(
                leads=tuple(Lead(name, known_as=name) for name in split_joined(cells["leads"])),
                milestones=self._dates(row, reference, cells["due_dates"]),
            ),
            reported_rag=rag,
        )

    def _dates(self, row: int, reference: str, cell: str) -> tuple[datetime.date, ...]:
        """ISO dates joined by "; "; a date a spreadsheet rewrote ("30 June 2023") also reads."""
        dates: list[datetime.date] = []
        for part in split_joined(cell):
            try:
                dates.append(datetime.date.fromisoformat(part))
                continue
            except ValueError:
                read = parse_timeframe(part).milestones
            if len(read) == 1:
                dates.append(read[0])
            else:
                self.warn(row, f'Action {reference}: due date "{part}" is not a date; ignored.')
        return tuple(dates)
