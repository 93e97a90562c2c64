"""Writes for signing off the scorecard: approving or returning submitted figures and
commentaries.

Rules:
- Only submitted ones move; approved figures reach board pages, packs and exports.
- A figure (or commentary) is approved by someone other than the person who entered or
  last changed it (its author), unless settings.SCORECARD_ALLOW_SELF_APPROVAL
  (scorecard.domain.approval). The whole approval is refused, naming each one, so the
  approver chooses again.
- An approver decides on what they saw: with `seen` (what the approval page showed,
  scorecard.domain.approval.seen_versions), a figure or commentary changed since is
  refused, all or none, so they look again.
- Returning needs a reason (at most REASON_MAX characters, so "Returned: " and the reason
  fit the history's 100); it goes at the top of a returned figure's note.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from scorecard.domain.approval import changed_since_seen, seen_versions, self_approval_problem
from scorecard.judgement_services import indicator_judgements_refresh
from scorecard.models import Commentary, IndicatorValue
from scorecard.services import plain_text, save_states

State = IndicatorValue.State
REASON_MAX = 90  # "Returned: " and the reason fit the history's 100 characters
NOTHING_SELECTED = "Select the values or commentary to approve or return"


def _selected(model, ids: Iterable[int], *, key: str, related: str) -> list:
    ids = list(ids)
    if not ids:
        raise ValidationError({key: NOTHING_SELECTED})
    chosen = model.objects.select_for_update(of=("self",)).select_related(related)
    return list(chosen.filter(pk__in=ids, state=State.SUBMITTED))


def _check_not_own(records: list, *, user, key: str, entered_by, what) -> None:
    """ValidationError naming each record the approver entered themselves (module rule)."""
    allow_self = settings.SCORECARD_ALLOW_SELF_APPROVAL
    problems = [
        self_approval_problem(
            entered_by_id=entered_by(record),
            approver_id=user.pk,
            allow_self=allow_self,
            what=what(record),
        )  # fmt: skip
        for record in records
    ]
    problems = [problem for problem in problems if problem]
    if problems:
        raise ValidationError({key: problems})


def _check_as_seen(records: list, seen, *, key: str, what) -> None:
    """ValidationError naming each record changed since the approver saw it (module rule)."""
    if seen is None:
        return
    values = [r for r in records if isinstance(r, IndicatorValue)]
    commentaries = [r for r in records if isinstance(r, Commentary)]
    now = seen_versions(values=values, commentaries=commentaries)
    kind = "value" if values else "commentary"
    changed = [r for r in records if seen.get(f"{kind}-{r.pk}") != now[f"{kind}-{r.pk}"]]
    if changed:
        raise ValidationError({key: [changed_since_seen(what(record)) for record in changed]})


def value_words(value: IndicatorValue) -> str:
    return f"{value.indicator.ref}, {value.period:%B %Y}"


def commentary_words(commentary: Commentary) -> str:
    return f"The commentary for {commentary.service_area.title}, {commentary.period:%B %Y}"


@transaction.atomic
def values_approve(*, value_ids: Iterable[int], user, seen=None) -> int:
    """Approves the submitted values among `value_ids`: they now reach board reports."""
    values = _selected(IndicatorValue, value_ids, key="values", related="indicator")
    _check_as_seen(values, seen, key="values", what=value_words)
    _check_not_own(
        values, user=user, key="values", entered_by=lambda v: v.entered_by_id, what=value_words
    )
    now = timezone.now()
    for value in values:
        value.state, value.approved_by, value.approved_at = State.APPROVED, user, now
    fields = ["state", "approved_by", "approved_at"]
    moved = save_states(values, IndicatorValue, fields=fields, user=user, reason="Approved")
    if values:  # the series SPC judges changed: its stored judgements follow (issue 13)
        indicator_judgements_refresh(indicator_ids={value.indicator_id for value in values})
    return moved


def _return_reason(reason: str) -> str:
    reason = plain_text(reason)
    if not reason:
        raise ValidationError({"reason": "Enter why you are returning them"})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": f"Reason must be {REASON_MAX} characters or fewer"})
    return reason


@transaction.atomic
def values_return(*, value_ids: Iterable[int], user, reason: str, seen=None) -> int:
    """Returns submitted values to draft; the reason goes at the top of each value's note."""
    reason = _return_reason(reason)
    values = _selected(IndicatorValue, value_ids, key="values", related="indicator")
    _check_as_seen(values, seen, key="values", what=value_words)
    for value in values:
        value.state = State.DRAFT
        value.note = "\n\n".join(filter(None, [f"Returned: {reason}", value.note]))
    return save_states(
        values, IndicatorValue, fields=["state", "note"], user=user, reason=f"Returned: {reason}"
    )


@transaction.atomic
def commentary_approve(*, commentary_ids: Iterable[int], user, seen=None) -> int:
    """Approves the submitted commentaries among `commentary_ids`."""
    commentaries = _selected(Commentary, commentary_ids, key="commentaries", related="service_area")
    _check_as_seen(commentaries, seen, key="commentaries", what=commentary_words)
    _check_not_own(
        commentaries, user=user, key="commentaries", entered_by=lambda c: c.author_id,
        what=commentary_words,
    )  # fmt: skip
    for commentary in commentaries:
        commentary.state = Commentary.State.APPROVED
    return save_states(commentaries, Commentary, fields=["state"], user=user, reason="Approved")


@transaction.atomic
def commentary_return(*, commentary_ids: Iterable[int], user, reason: str, seen=None) -> int:
    """Returns submitted commentaries to draft; the history keeps the reason."""
    reason = _return_reason(reason)
    commentaries = _selected(Commentary, commentary_ids, key="commentaries", related="service_area")
    _check_as_seen(commentaries, seen, key="commentaries", what=commentary_words)
    for commentary in commentaries:
        commentary.state = Commentary.State.DRAFT
    return save_states(
        commentaries, Commentary, fields=["state"], user=user, reason=f"Returned: {reason}"
    )


@transaction.atomic
def approvals_decide(
    *,
    value_ids: Iterable[int],
    commentary_ids: Iterable[int],
    approve: bool,
    user,
    reason="",
    seen=None,
) -> tuple[int, int]:
    """Approves (or returns, with a reason) the chosen values and commentaries together,
    all or none, as they were `seen`. Returns how many values and commentaries moved."""
    value_ids, commentary_ids = list(value_ids), list(commentary_ids)
    if not value_ids and not commentary_ids:
        raise ValidationError({"values": NOTHING_SELECTED})
    if not approve:
        _return_reason(reason)
    moved_values = moved_commentaries = 0
    if value_ids:
        moved_values = (
            values_approve(value_ids=value_ids, user=user, seen=seen)
            if approve
            else values_return(value_ids=value_ids, user=user, reason=reason, seen=seen)
        )
    if commentary_ids:
        moved_commentaries = (
            commentary_approve(commentary_ids=commentary_ids, user=user, seen=seen)
            if approve
            else commentary_return(
                commentary_ids=commentary_ids, user=user, reason=reason, seen=seen
            )
        )
    return moved_values, moved_commentaries
