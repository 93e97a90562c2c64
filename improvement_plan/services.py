"""Writes for the improvement plan: progress, due dates, evidence, the Director's review.

Each service is atomic, checks its rules first (improvement_plan.domain.progress) and
raises ValidationError with a message per field, leaving nothing half-written.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from governance.domain.file_types import download_name
from governance.uploads import check_upload
from improvement_plan.domain.progress import progress_problems, review_problems
from improvement_plan.models import (
    Action,
    DirectorReview,
    DueDateChange,
    Evidence,
    ProgressUpdate,
)
from improvement_plan.rag_selectors import judge, tracked_action

EVIDENCE_KINDS = {"pdf", "docx", "xlsx", "png", "jpeg", "gif"}


def _save_action(action: Action, *, user, reason: str, fields: list[str]) -> None:
    """Saves with the history entry naming who changed it and why."""
    action._history_user = user
    action._change_reason = reason
    action.save(update_fields=[*fields, "updated_at"])


@transaction.atomic
def due_date_change(
    *, action: Action, to_date: datetime.date | None, reason: str, user
) -> DueDateChange:
    """Moves an action's due date, recording from, to, why, who and when."""
    if not reason.strip():
        raise ValidationError({"due_date_reason": "Enter why the due date is moving"})
    change = DueDateChange.objects.create(
        action=action, from_date=action.due_date, to_date=to_date, reason=reason.strip(),
        changed_by=user, changed_at=timezone.now(),
    )  # fmt: skip
    action.due_date = to_date
    _save_action(action, user=user, reason=f"Due date moved: {reason.strip()}", fields=["due_date"])
    return change


@transaction.atomic
def progress_update_record(
    *,
    action: Action,
    author,
    text: str,
    reported_rag: str,
    rag_reason: str = "",
    status: str = "",
    new_due_date: datetime.date | None = None,
    due_date_reason: str = "",
    evidence_files: Iterable = (),
    today: datetime.date,
) -> ProgressUpdate:
    """A lead's update: text, reported RAG (reason for Red/Amber), optional new due date
    with a reason, optional evidence. Answers any open challenge from the Director.
    """
    action = Action.objects.select_for_update().get(pk=action.pk)
    problems = progress_problems(
        text=text, reported_rag=reported_rag, rag_reason=rag_reason,
        current_due_date=action.due_date, new_due_date=new_due_date,
        due_date_reason=due_date_reason, today=today,
    )  # fmt: skip
    evidence_files = list(evidence_files)
    problems.update(_evidence_problems(evidence_files))
    if problems:
        raise ValidationError(problems)
    if new_due_date is not None and new_due_date != action.due_date:
        due_date_change(action=action, to_date=new_due_date, reason=due_date_reason, user=author)
    update = ProgressUpdate.objects.create(
        action=action, text=text.strip(), author=author, created_at=timezone.now(),
        reported_rag=reported_rag, rag_reason=rag_reason.strip(), status=status or action.status,
    )  # fmt: skip
    action.status = status or action.status
    action.reported_rag, action.reported_rag_reason = reported_rag, rag_reason.strip()
    _save_action(
        action, user=author, reason="Progress update",
        fields=["status", "reported_rag", "reported_rag_reason"],
    )  # fmt: skip
    update.computed_rag = judge(tracked_action(action.pk), today=today).rag
    update.save(update_fields=["computed_rag"])
    for uploaded in evidence_files:
        evidence_attach(action=action, uploaded_file=uploaded, user=author, progress_update=update)
    DirectorReview.objects.filter(
        action=action, decision=DirectorReview.Decision.CHALLENGED, answered_by__isnull=True
    ).update(answered_by=update)
    return update


def _check_evidence(uploaded_file) -> str:
    """The file's kind, or ValidationError naming the file and what is wrong with it."""
    try:
        return check_upload(
            uploaded_file,
            allowed=EVIDENCE_KINDS,
            max_bytes=settings.EVIDENCE_MAX_MB * 1024 * 1024,
        )
    except ValidationError as exc:
        raise ValidationError({"evidence": f"{uploaded_file.name}: {exc.messages[0]}"}) from exc


def _evidence_problems(files: list) -> dict[str, str]:
    """Every file is checked before anything is written, so a bad one stores none."""
    for uploaded in files:
        try:
            _check_evidence(uploaded)
        except ValidationError as exc:
            return {"evidence": exc.message_dict["evidence"][0]}
    return {}


@transaction.atomic
def evidence_attach(*, action: Action, uploaded_file, user, progress_update=None) -> Evidence:
    """Stores a file once its content shows it is a PDF, DOCX, XLSX or image within the limit."""
    kind = _check_evidence(uploaded_file)
    return Evidence.objects.create(
        action=action, progress_update=progress_update, file=uploaded_file,
        original_name=download_name(uploaded_file.name, kind), kind=kind, size=uploaded_file.size,
        uploaded_by=user, uploaded_at=timezone.now(),
    )  # fmt: skip


@transaction.atomic
def director_review_record(
    *, action: Action, reviewer, decision: str, comment: str = "", today: datetime.date
) -> DirectorReview:
    """The Director confirms the action's RAG or challenges it with a comment for the leads."""
    problems = review_problems(decision=decision, comment=comment)
    if problems:
        raise ValidationError(problems)
    return DirectorReview.objects.create(
        action=action, reviewer=reviewer, decision=decision, comment=comment.strip(),
        rag=judge(tracked_action(action.pk), today=today).rag,
        reported_rag=action.reported_rag, reviewed_at=timezone.now(),
    )  # fmt: skip


@transaction.atomic
def action_indicators_set(*, action: Action, indicators: Iterable, user) -> None:
    """Links an action to the scorecard indicators it should move; history records it."""
    action._history_user = user
    action._change_reason = "Linked indicators changed"
    action.indicators.set(list(indicators))
