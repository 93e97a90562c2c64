"""What each plan form was opened on, and a refused save's conflicts in words.

The opened-version rule is common.concurrency's: a form carries the values it opened
on, a service compares them with what is saved now. This module says, for the plan's
forms, which values those are (read from the action as it stands) and turns a
Conflict's stored codes ("in_progress", a row's id) into the words the person saw.
"""

import dataclasses
import datetime

from django.utils.formats import date_format

from common.concurrency import Conflict, EditConflict
from improvement_plan.models import Action, DirectorReview, ProgressUpdate, Rag

PROGRESS_LABELS = {
    "status": "Status",
    "reported_rag": "Reported RAG",
    "rag_reason": "Reason for the RAG",
    "due_date": "Due date",
}
REVIEW_LABELS = {
    "reported_rag": "Reported RAG",
    "latest_update": "Latest progress update",
    "latest_review": "Latest review of the RAG",
}
STATUS_WORDS = dict(Action.Status.choices)
RAG_WORDS = {**dict(Rag.choices), "": "Not reported"}


def progress_form_values(action: Action) -> dict:
    """What the progress form is pre-filled with (and the due date it shows)."""
    return {
        "status": action.status,
        "reported_rag": action.reported_rag,
        "rag_reason": action.reported_rag_reason,
        "due_date": action.due_date,
    }


def review_basis(action: Action) -> dict:
    """What a review of the RAG rests on: the lead's RAG and the latest update and review.
    If any of them changes while the Director has the form open, the review is refused."""
    update = action.progress_updates.order_by("-created_at", "-id").only("pk").first()
    review = action.reviews.order_by("-reviewed_at", "-id").only("pk").first()
    return {
        "reported_rag": action.reported_rag,
        "latest_update": update.pk if update else None,
        "latest_review": review.pk if review else None,
    }


def _update_in_words(pk) -> str:
    update = ProgressUpdate.objects.select_related("author").filter(pk=pk or None).first()
    if update is None:
        return "No progress update"
    who = update.author.get_full_name() if update.author else "someone no longer listed"
    return f"By {who}, {date_format(update.created_at, 'j F Y')}:\n{update.text}"


def _review_in_words(pk) -> str:
    review = DirectorReview.objects.select_related("reviewer").filter(pk=pk or None).first()
    if review is None:
        return "Not reviewed"
    who = review.reviewer.get_full_name() if review.reviewer else "someone no longer listed"
    words = f"{review.get_decision_display()} by {who}, {date_format(review.reviewed_at, 'j F Y')}"
    return f"{words}:\n{review.comment}" if review.comment else words


def value_in_words(field: str, value) -> str:
    """A stored value as the form showed it."""
    if field == "status":
        return STATUS_WORDS.get(value, value or "Not set")
    if field == "reported_rag":
        return RAG_WORDS.get(value or "", value)
    if field == "due_date":
        if isinstance(value, str) and value:
            value = datetime.date.fromisoformat(value)
        return date_format(value, "j F Y") if value else "No due date"
    if field == "latest_update":
        return _update_in_words(value)
    if field == "latest_review":
        return _review_in_words(value)
    if field == "rag_reason":
        return value or "No reason given"
    return value or ""


def _worded(conflict: Conflict, yours: str | None = None) -> Conflict:
    return dataclasses.replace(
        conflict,
        theirs=value_in_words(conflict.field, conflict.theirs),
        yours=yours if yours is not None else value_in_words(conflict.field, conflict.yours),
    )


def in_words(error: EditConflict, *, yours: dict[str, str] | None = None) -> EditConflict:
    """The same refusal with each value in words; `yours` replaces what "yours" says
    for a field (a review's "yours" is the decision, not a value of the action)."""
    yours = yours or {}
    return EditConflict([_worded(item, yours.get(item.field)) for item in error.conflicts])
