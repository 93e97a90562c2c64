"""What a progress update must say before it is accepted; messages in GOV.UK wording.

Text limits fit each use (common.forms): an update or a comment is a few paragraphs, a
reason for moving a due date a sentence or two. The forms say them in the hint and the
services check them again, so the command line and imports cannot store more.
"""

import datetime

from common.forms import COMMENT_LIMIT, SHORT_TEXT_LIMIT
from improvement_plan.domain.rag import NEEDS_REASON

# Field name: (what the person calls it, its limit in characters).
TEXT_LIMITS = {
    "text": ("Progress update", COMMENT_LIMIT),
    "rag_reason": ("Reason for the RAG", COMMENT_LIMIT),
    "due_date_reason": ("Reason for moving the due date", SHORT_TEXT_LIMIT),
    "comment": ("Comment", COMMENT_LIMIT),
}


def too_long_message(name: str) -> str:
    """The GOV.UK message for text over its limit: "Comment must be 5,000 characters or fewer"."""
    label, limit = TEXT_LIMITS[name]
    return f"{label} must be {limit:,} characters or fewer"


def length_problems(**texts: str) -> dict[str, str]:
    """Field name to message for each text over its limit (TEXT_LIMITS)."""
    return {
        name: too_long_message(name)
        for name, text in texts.items()
        if len(text or "") > TEXT_LIMITS[name][1]
    }


def reason_kept(*, reported_rag: str, reason: str, reason_changed: bool) -> str:
    """The reason recorded with a reported RAG.

    A reason belongs to the RAG it was given for: one carried over unchanged on the
    form from an earlier Red or Amber is not kept when the lead now reports Green or
    Blue; a reason the lead wrote is always kept.
    """
    if reported_rag not in NEEDS_REASON and not reason_changed:
        return ""
    return reason.strip()


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
    - No text is over its limit (TEXT_LIMITS).
    """
    problems = length_problems(text=text, rag_reason=rag_reason, due_date_reason=due_date_reason)
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
    """A challenge must say what the Director is challenging; a confirmation need not;
    the comment is within its limit."""
    problems = length_problems(comment=comment)
    if decision not in {"confirmed", "challenged"}:
        problems["decision"] = "Select whether you confirm or challenge the RAG"
    elif decision == "challenged" and not comment.strip():
        problems["comment"] = "Enter what you are challenging, so the leads can answer it"
    return problems
