"""What a progress update must say before it is accepted; messages in GOV.UK wording."""

import datetime

from improvement_plan.domain.rag import NEEDS_REASON


def progress_problems(
    *,
    text: str,
    reported_rag: str,
    rag_reason: str,
    current_due_date: datetime.date | None,
    new_due_date: datetime.date | None,
    due_date_reason: str,
    today: datetime.date,
) -> dict[str, str]:
    """Field name to message for each rule broken; empty when the update may be recorded.

    - The update says what has happened.
    - A RAG is reported, and Red or Amber comes with a reason (the board will ask).
    - A new due date is today or later, and moving it needs a reason, because every
      move is counted as slippage.
    """
    problems = {}
    if not text.strip():
        problems["text"] = "Enter what has happened since the last update"
    if not reported_rag:
        problems["reported_rag"] = "Select the RAG status you are reporting"
    elif reported_rag in NEEDS_REASON and not rag_reason.strip():
        problems["rag_reason"] = f"Enter why the action is {reported_rag.title()}"
    moved = new_due_date is not None and new_due_date != current_due_date
    if moved and new_due_date < today:
        problems["new_due_date"] = "The new due date must be today or in the future"
    if moved and not due_date_reason.strip():
        problems["due_date_reason"] = "Enter why the due date is moving"
    return problems


def review_problems(*, decision: str, comment: str) -> dict[str, str]:
    """A challenge must say what the Director is challenging; a confirmation need not."""
    if decision not in {"confirmed", "challenged"}:
        return {"decision": "Select whether you confirm or challenge the RAG"}
    if decision == "challenged" and not comment.strip():
        return {"comment": "Enter what you are challenging, so the leads can answer it"}
    return {}
