"""Writes for the improvement plan: progress, due dates, evidence, the Director's review.
(Links to indicators: improvement_plan.link_services, whose action_indicators_set is
also reached from here.)

Each service is atomic, checks its rules first (improvement_plan.domain.progress) and
raises ValidationError with a message per field, leaving nothing half-written.
"""

import datetime
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from common.concurrency import EditConflict, canonical, check_no_conflicts
from governance.domain.file_types import download_name
from governance.uploads import check_upload
from improvement_plan.domain.progress import (
    length_problems,
    progress_problems,
    reason_kept,
    review_problems,
)
from improvement_plan.link_services import action_indicators_set
from improvement_plan.models import (
    Action,
    DirectorReview,
    DueDateChange,
    Evidence,
    ProgressUpdate,
)
from improvement_plan.rag_selectors import judge, tracked_action
from improvement_plan.tracking import tracking_refresh
from improvement_plan.versions import (
    PROGRESS_LABELS,
    REVIEW_LABELS,
    in_words,
    progress_form_values,
    review_basis,
    value_in_words,
)

EVIDENCE_KINDS = {"pdf", "docx", "xlsx", "png", "jpeg", "gif"}


# django-simple-history keeps a change's reason in 100 characters; the whole reason for a
# moved due date is kept in its DueDateChange.
HISTORY_REASON_LIMIT = 100


def _save_action(action: Action, *, user, reason: str, fields: list[str]) -> None:
    """Saves with the history entry naming who changed it and why (shortened to fit)."""
    action._history_user = user
    if len(reason) > HISTORY_REASON_LIMIT:
        reason = reason[: HISTORY_REASON_LIMIT - 1] + "…"
    action._change_reason = reason
    action.save(update_fields=[*fields, "updated_at"])


@transaction.atomic
def due_date_change(
    *, action: Action, to_date: datetime.date | None, reason: str, user
) -> DueDateChange:
    """Moves an action's due date, recording from, to, why, who and when."""
    problems = length_problems(due_date_reason=reason)
    if not reason.strip():
        problems["due_date_reason"] = "Enter why the due date is moving"
    if problems:
        raise ValidationError(problems)
    change = DueDateChange.objects.create(
        action=action, from_date=action.due_date, to_date=to_date, reason=reason.strip(),
        changed_by=user, changed_at=timezone.now(),
    )  # fmt: skip
    action.due_date = to_date
    _save_action(action, user=user, reason=f"Due date moved: {reason.strip()}", fields=["due_date"])
    tracking_refresh(action_ids=[action.pk])  # one more re-baseline for the computed RAG
    return change


def _progress_changed(
    *, sent: dict, current: dict, opened: Mapping[str, str] | None, changed: Iterable[str] | None
) -> set[str]:
    """The pre-filled fields this person changed (common.concurrency). Without opened
    values (command line, demo data) everything sent counts. The RAG and its reason go
    together: changing one reports both. A new due date counts when it differs from the
    one the form showed."""
    if opened is None:
        found = {"reported_rag", "rag_reason"} | ({"status"} if sent["status"] else set())
        shown_due_date = canonical(current["due_date"])
    else:
        found = set(changed or ()) & {"status", "reported_rag", "rag_reason"}
        shown_due_date = opened.get("due_date", "")
    if found & {"reported_rag", "rag_reason"}:
        found |= {"reported_rag", "rag_reason"}
    if sent["due_date"] is not None and canonical(sent["due_date"]) != shown_due_date:
        found.add("due_date")
    return found


def _progress_values(*, action: Action, sent: dict, opened, changed) -> tuple[dict, set[str]]:
    """The values the update records: what this person changed, else what is saved now.
    Refuses (EditConflict, in words) a change to a field someone else changed since the
    form opened; an unchanged pre-filled value is never written back."""
    current = progress_form_values(action)
    found = _progress_changed(sent=sent, current=current, opened=opened, changed=changed)
    if opened is not None:
        try:
            check_no_conflicts(
                opened=opened, current=current, submitted=sent, changed=found,
                labels=PROGRESS_LABELS,
            )  # fmt: skip
        except EditConflict as error:
            raise in_words(error) from error
    values = {name: sent[name] if name in found else current[name] for name in current}
    values["status"] = values["status"] or current["status"]
    values["rag_reason"] = reason_kept(
        reported_rag=values["reported_rag"], reason=values["rag_reason"] or "",
        reason_changed=opened is None or "rag_reason" in set(changed or ()),
    )  # fmt: skip
    return values, found


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
    opened: Mapping[str, str] | None = None,
    changed: Iterable[str] | None = None,
) -> ProgressUpdate:
    """A lead's update: text, reported RAG (reason for Red/Amber), status, optional new
    due date with a reason, optional evidence. Answers any open challenge from the Director.

    `opened` and `changed` come from the form (OpenedVersionFormMixin): the status, RAG
    and due date it was pre-filled with are written only where this person changed them.
    """
    action = Action.objects.select_for_update().get(pk=action.pk)
    sent = {"status": status, "reported_rag": reported_rag, "rag_reason": rag_reason,
            "due_date": new_due_date}  # fmt: skip
    values, found = _progress_values(action=action, sent=sent, opened=opened, changed=changed)
    moving_to = values["due_date"] if "due_date" in found else None
    problems = progress_problems(
        text=text, reported_rag=values["reported_rag"], rag_reason=values["rag_reason"],
        current_due_date=action.due_date, new_due_date=moving_to,
        due_date_reason=due_date_reason, today=today,
    )  # fmt: skip
    evidence_files = list(evidence_files)
    problems.update(_evidence_problems(evidence_files))
    if problems:
        raise ValidationError(problems)
    if moving_to is not None and moving_to != action.due_date:
        due_date_change(action=action, to_date=moving_to, reason=due_date_reason, user=author)
    update = _record_update(action=action, author=author, text=text, values=values, found=found)
    tracking_refresh(action_ids=[action.pk])  # the lead's latest update, for the computed RAG
    update.computed_rag = judge(tracked_action(action.pk), today=today).rag
    update.save(update_fields=["computed_rag"])
    for uploaded in evidence_files:
        evidence_attach(action=action, uploaded_file=uploaded, user=author, progress_update=update)
    DirectorReview.objects.filter(
        action=action, decision=DirectorReview.Decision.CHALLENGED, answered_by__isnull=True
    ).update(answered_by=update)
    return update


def _record_update(*, action: Action, author, text: str, values: dict, found: set[str]):
    """The update row with the values in force, and the action's fields this person changed."""
    update = ProgressUpdate.objects.create(
        action=action, text=text.strip(), author=author, created_at=timezone.now(),
        reported_rag=values["reported_rag"], rag_reason=values["rag_reason"],
        status=values["status"],
    )  # fmt: skip
    fields = []
    if "status" in found:
        action.status = values["status"]
        fields.append("status")
    if "reported_rag" in found:
        action.reported_rag, action.reported_rag_reason = (
            values["reported_rag"],
            values["rag_reason"],
        )
        fields += ["reported_rag", "reported_rag_reason"]
    _save_action(action, user=author, reason="Progress update", fields=fields)
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


def _check_review_basis(*, action: Action, opened: Mapping[str, str], decision: str, comment: str):
    """Refuses a review when what it rests on changed since the Director opened the form:
    a new progress update, another review, a new reported RAG (common.concurrency)."""
    basis = review_basis(action)
    try:
        check_no_conflicts(
            opened=opened, current=basis, submitted={name: opened.get(name) for name in basis},
            changed=basis.keys(), labels=REVIEW_LABELS,
        )  # fmt: skip
    except EditConflict as error:
        yours = DirectorReview.Decision(decision).label if decision else "No decision"
        seen = {
            name: f"{value_in_words(name, opened.get(name))}\n(when you opened this page)"
            for name in basis
        }
        seen["latest_review"] = f"Your review: {yours}" + (f":\n{comment}" if comment else "")
        raise in_words(error, yours=seen) from error


@transaction.atomic
def director_review_record(
    *,
    action: Action,
    reviewer,
    decision: str,
    comment: str = "",
    today: datetime.date,
    opened: Mapping[str, str] | None = None,
) -> DirectorReview:
    """The Director confirms the action's RAG or challenges it with a comment for the leads.

    `opened` (from the form) is what the review rests on as the form showed it
    (versions.review_basis); a review over a newer update or review is refused.
    """
    problems = review_problems(decision=decision, comment=comment)
    if problems:
        raise ValidationError(problems)
    action = Action.objects.select_for_update().get(pk=action.pk)
    if opened is not None:
        _check_review_basis(action=action, opened=opened, decision=decision, comment=comment)
    return DirectorReview.objects.create(
        action=action, reviewer=reviewer, decision=decision, comment=comment.strip(),
        rag=judge(tracked_action(action.pk), today=today).rag,
        reported_rag=action.reported_rag, reviewed_at=timezone.now(),
    )  # fmt: skip


__all__ = [
    "action_indicators_set",
    "director_review_record",
    "progress_update_record",
]
