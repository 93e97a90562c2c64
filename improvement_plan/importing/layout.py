"""The plan table's layout: which rows are priorities, items (objectives) and actions.

Pure: rows of text in, a parsed plan out (docs: formats/improvement-plan.md).
Row numbers are the spreadsheet's, the header being row 1 when it is the first row.
"""

import re
from dataclasses import dataclass, field

from improvement_plan.domain.timeframe import Timeframe

COLUMN_NAMES = {
    "item": "item",
    "action": "action",
    "lead/timeframe": "lead_timeframe",
    "lead": "lead",
    "timeframe": "timeframe",
    "progress/comments": "progress",
    "progress": "progress",
    "comments": "progress",
    "rag": "rag",
    "status": "rag",
}
PRIORITY_RE = re.compile(r"^\s*(\d{1,3})\s*\.\s*(\S.*)$", re.DOTALL)


@dataclass(frozen=True)
class RowWarning:
    row: int
    message: str


@dataclass
class ParsedAction:
    row: int
    order: int
    reference: str
    description: str
    timeframe: str
    progress_lines: list[str] = field(default_factory=list)
    rag_lines: list[str] = field(default_factory=list)
    given: Timeframe | None = None  # leads and dates given in columns of their own (an export)
    reported_rag: str | None = None  # the lead's RAG, when the file has a column for it


@dataclass
class ParsedObjective:
    row: int
    order: int
    title: str
    actions: list[ParsedAction] = field(default_factory=list)


@dataclass
class ParsedPriority:
    row: int
    number: int
    title: str
    objectives: list[ParsedObjective] = field(default_factory=list)


@dataclass
class ParsedPlan:
    priorities: list[ParsedPriority] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)

    @property
    def actions(self) -> list[ParsedAction]:
        return [a for p in self.priorities for o in p.objectives for a in o.actions]


class PlanLayoutError(ValueError):
    """The rows have no usable header: nothing can be imported."""


def header_columns(header: list[str]) -> tuple[dict[str, int], list[str]]:
    """Known columns by name (case and spaces ignored), and the header cells not known."""
    columns: dict[str, int] = {}
    unknown: list[str] = []
    for index, cell in enumerate(header):
        key = COLUMN_NAMES.get("".join(cell.lower().split()))
        if key and key not in columns:
            columns[key] = index
        elif cell.strip():
            unknown.append(cell.strip())
    return columns, unknown


def parse_plan_rows(rows: list[list[str]]) -> ParsedPlan:
    """Reads the table: the first non-blank row is the header; see the module docstring."""
    start = next((i for i, row in enumerate(rows) if any(c.strip() for c in row)), None)
    if start is None:
        raise PlanLayoutError("The file has no rows.")
    columns, unknown = header_columns(rows[start])
    if "action" not in columns:
        raise PlanLayoutError("The header row has no Action column.")
    plan = ParsedPlan()
    for name in unknown:
        plan.warnings.append(RowWarning(start + 1, f'Column "{name}" is not known and is ignored.'))
    builder = _Builder(plan)
    for index in range(start + 1, len(rows)):
        builder.add(index + 1, _cells(rows[index], columns))
    return plan


def _cells(row: list[str], columns: dict[str, int]) -> dict[str, str]:
    def cell(key: str) -> str:
        index = columns.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""

    timeframe = cell("lead_timeframe") or " ".join(filter(None, [cell("lead"), cell("timeframe")]))
    return {
        "item": cell("item"),
        "action": cell("action"),
        "timeframe": timeframe,
        "progress": cell("progress"),
        "rag": cell("rag"),
    }


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class _Builder:
    """Walks the rows, keeping the priority, item and action the next row may continue."""

    def __init__(self, plan: ParsedPlan):
        self.plan = plan
        self.priority: ParsedPriority | None = None
        self.objective: ParsedObjective | None = None
        self.action: ParsedAction | None = None

    def warn(self, row: int, message: str) -> None:
        self.plan.warnings.append(RowWarning(row, message))

    def add(self, row: int, cells: dict[str, str]) -> None:
        """Rule: priority row, action row, item-only row or continuation row."""
        if not any(cells.values()):
            return
        priority = PRIORITY_RE.match(cells["item"])
        others = [cells[k] for k in ("action", "timeframe", "progress", "rag")]
        if priority and not any(others):
            self._priority(row, int(priority.group(1)), " ".join(priority.group(2).split()))
        elif cells["action"]:
            self._action(row, cells)
        elif cells["item"]:
            self._objective(row, cells["item"])
            self.action = None
            if any(others):
                self.warn(row, "An item with no action: its other cells are ignored.")
        else:
            self._continuation(row, cells)

    def _priority(self, row: int, number: int, title: str) -> None:
        if any(p.number == number for p in self.plan.priorities):
            self.warn(row, f"Priority {number} appears twice; its rows join the first one.")
            self.priority = next(p for p in self.plan.priorities if p.number == number)
        else:
            self.priority = ParsedPriority(row, number, title)
            self.plan.priorities.append(self.priority)
        self.objective = self.priority.objectives[-1] if self.priority.objectives else None
        self.action = None

    def _objective(self, row: int, title: str) -> ParsedObjective | None:
        if self.priority is None:
            self.warn(row, 'This row comes before any priority row ("1. ..."); it is skipped.')
            return None
        order = len(self.priority.objectives) + 1
        self.objective = ParsedObjective(row, order, " ".join(title.split()))
        self.priority.objectives.append(self.objective)
        return self.objective

    def _action(self, row: int, cells: dict[str, str]) -> None:
        """An empty Item cell means the same item as the row above (merged cells)."""
        if cells["item"] or self.objective is None:
            if not cells["item"] and self.priority is not None:
                self.warn(row, "An action with no item above it: filed under an untitled item.")
            if self._objective(row, cells["item"] or "Untitled item") is None:
                return
        objective = self.objective
        order = len(objective.actions) + 1
        reference = f"{self.priority.number}.{objective.order}.{order}"
        self.action = ParsedAction(
            row=row,
            order=order,
            reference=reference,
            description=cells["action"],
            timeframe=cells["timeframe"],
            progress_lines=_lines(cells["progress"]),
            rag_lines=_lines(cells["rag"]),
        )
        objective.actions.append(self.action)

    def _continuation(self, row: int, cells: dict[str, str]) -> None:
        """A row with only progress, RAG or timeframe text continues the action above."""
        if self.action is None:
            self.warn(row, "Progress or RAG text with no action above it; it is skipped.")
            return
        self.action.progress_lines.extend(_lines(cells["progress"]))
        self.action.rag_lines.extend(_lines(cells["rag"]))
        if cells["timeframe"]:
            self.action.timeframe = f"{self.action.timeframe}\n{cells['timeframe']}".strip()
            self.warn(row, f"Lead/ Timeframe text continues action {self.action.reference}.")
