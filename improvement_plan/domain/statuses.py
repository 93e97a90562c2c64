"""Reading the words a plan writes in its RAG column.

Rules (docs: formats/improvement-plan.md): "Complete", "Ongoing", "Complete and
ongoing", "Not started", "Red", "Amber", "Green", "Blue" in any case; a cell may hold
several lines, oldest first, and the last is the current status. "Ongoing" means in
progress; "Complete and ongoing" means complete and embedding. A colour is a reported
RAG; Blue, by the usual convention, also means complete.

Statuses are the values of improvement_plan.models.Action.Status; RAG colours those
of improvement_plan.models.Rag.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
COMPLETE = "complete"
COMPLETE_AND_EMBEDDING = "complete_embedding"

_WORDS: dict[str, tuple[str | None, str]] = {
    "not started": (NOT_STARTED, ""),
    "not yet started": (NOT_STARTED, ""),
    "ongoing": (IN_PROGRESS, ""),
    "in progress": (IN_PROGRESS, ""),
    "on track": (IN_PROGRESS, ""),
    "complete": (COMPLETE, ""),
    "completed": (COMPLETE, ""),
    "done": (COMPLETE, ""),
    "complete and ongoing": (COMPLETE_AND_EMBEDDING, ""),
    "completed and ongoing": (COMPLETE_AND_EMBEDDING, ""),
    "complete and embedding": (COMPLETE_AND_EMBEDDING, ""),
    "complete and embedded": (COMPLETE_AND_EMBEDDING, ""),
    "red": (None, "red"),
    "amber": (None, "amber"),
    "green": (None, "green"),
    "blue": (COMPLETE, "blue"),
}


@dataclass(frozen=True)
class StatusReading:
    """One line of a RAG cell: the status and/or colour it means, and the words as written."""

    written: str
    status: str | None = None
    rag: str = ""

    @property
    def is_understood(self) -> bool:
        return self.status is not None or bool(self.rag)


def read_status(written: str) -> StatusReading:
    """Reads one line of a RAG cell, in any case; "&" reads as "and"."""
    written = " ".join((written or "").split())
    key = re.sub(r"\s*&\s*", " and ", written.lower()).strip(" .;:-")
    key = " ".join(key.split())
    status, rag = _WORDS.get(key, (None, ""))
    return StatusReading(written=written, status=status, rag=rag)


def read_statuses(cell: str) -> tuple[StatusReading, ...]:
    """Every non-empty line of a RAG cell, oldest first."""
    return tuple(read_status(line) for line in (cell or "").splitlines() if line.strip())


def current_status(readings: Sequence[StatusReading]) -> str | None:
    """The last line that names a status is current. A colour alone means in progress.

    None when the cell says nothing readable, so the caller keeps what it had.
    """
    for reading in reversed(readings):
        if reading.status is not None:
            return reading.status
    if any(reading.rag for reading in readings):
        return IN_PROGRESS
    return None


def current_rag(readings: Sequence[StatusReading]) -> str:
    """The last colour reported, or "" when the cell reports none."""
    return next((reading.rag for reading in reversed(readings) if reading.rag), "")


def rag_line_for_each(entry_count: int, rag_lines: Sequence[str]) -> list[str]:
    """The RAG line written beside each progress entry, oldest first.

    The last RAG line, the current status, goes with the last entry; the lines before
    it pair in order with the entries before it. An entry with no line gets "".
    """
    if entry_count <= 0:
        return []
    earlier = list(rag_lines[:-1])[: entry_count - 1]
    earlier += [""] * (entry_count - 1 - len(earlier))
    return [*earlier, rag_lines[-1] if rag_lines else ""]
