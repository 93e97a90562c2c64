"""Writes for the scorecard's data entry and sign-off.

Values and commentaries go draft → submitted → approved; an approver may return a
submitted one to draft with a reason. Changing an approved one sends it back to
submitted, to be approved again. Every save names the user in the history, and each
service is atomic, checks its rules first (scorecard.domain.entry) and raises
ValidationError with a message per field, leaving nothing half-written. Text is kept as
plain text: nh3 strips any tags before it is saved.
"""

import datetime
import html
from collections.abc import Iterable, Mapping

import nh3
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from scorecard.domain.entry import (
    PERCENTAGE,
    Entry,
    entered_value,
    entry_field,
    entry_problems,
    period_problem,
)
from scorecard.models import Commentary, Indicator, IndicatorValue, ServiceArea

State = IndicatorValue.State
REASON_MAX = 90  # "Returned: " and the reason fit the history's 100 characters


def plain_text(text: str) -> str:
    """Text with every tag stripped (and tags written as entities too), trimmed."""
    text = text or ""
    for _ in range(5):
        cleaned = html.unescape(nh3.clean(text, tags=set()))
        if cleaned == text:
            break
        text = cleaned
    return text.strip()


def _check_period(period: datetime.date, *, today: datetime.date, key: str = "period") -> None:
    problem = period_problem(period, today=today)
    if problem:
        raise ValidationError({key: problem})


def _entry_problems(indicator, entry: Entry, existing, *, submit: bool) -> dict[str, str]:
    problems = entry_problems(
        entry, unit=indicator.unit, ref=indicator.ref, decimal_places=indicator.decimal_places,
        required=submit or existing is not None,
    )  # fmt: skip
    if len(plain_text(entry.missing_reason)) > 100:
        problems["missing_reason"] = f"{indicator.ref} reason must be 100 characters or fewer"
    return {entry_field(indicator.pk, part): message for part, message in problems.items()}


def _fields_for(indicator: Indicator, entry: Entry) -> dict:
    is_fraction = indicator.unit == PERCENTAGE and entry.numerator is not None
    return {
        "value": entered_value(entry, unit=indicator.unit, decimal_places=indicator.decimal_places),
        "numerator": entry.numerator if is_fraction else None,
        "denominator": entry.denominator if is_fraction else None,
        "missing_reason": plain_text(entry.missing_reason),
        "note": plain_text(entry.note),
    }


def _save_entry(indicator, existing: IndicatorValue | None, fields: dict, *, period, user):
    """Creates the draft, or updates a changed value: an approved one goes back to submitted."""
    if existing is None:
        value = IndicatorValue(indicator=indicator, period=period, entered_by=user, **fields)
        value._history_user, value._change_reason = user, "Entered"
        value.save()
        return value
    if all(getattr(existing, name) == new for name, new in fields.items()):
        return existing
    reason = "Changed"
    if existing.state == State.APPROVED:
        existing.state, existing.approved_by, existing.approved_at = State.SUBMITTED, None, None
        reason = "Changed after approval: to be approved again"
    for name, new in fields.items():
        setattr(existing, name, new)
    existing.entered_by = user
    existing._history_user, existing._change_reason = user, reason
    existing.save()
    return existing


def _check_may_enter(user, indicators: Mapping[int, Indicator], entries: Mapping) -> None:
    """PermissionDenied unless the user may enter every indicator, and every entry is for one."""
    if set(entries) - set(indicators):
        raise PermissionDenied("An entry is for an indicator not on the page")
    for indicator in indicators.values():
        if not user.has_perm("scorecard.enter_values", indicator):
            raise PermissionDenied(f"You may not enter values for {indicator.ref}")


@transaction.atomic
def values_enter(
    *,
    indicators: Iterable[Indicator],
    period: datetime.date,
    entries: Mapping[int, Entry],
    user,
    today: datetime.date,
    submit: bool = False,
) -> list[IndicatorValue]:
    """Saves a month's entries (indicator id to Entry) as drafts, or updates the values held.

    Blank entries for indicators with no value are skipped; indicators without an entry
    keep the value they hold. With `submit`, every indicator must have a value or a
    reason, and the month's drafts are submitted for approval.
    PermissionDenied when the user may not enter one of the indicators.
    """
    _check_period(period, today=today)
    indicators = {indicator.pk: indicator for indicator in indicators}
    _check_may_enter(user, indicators, entries)
    held = _month_values(indicators, period=period)
    problems = {}
    for pk, indicator in indicators.items():
        entry = entries.get(pk, None if pk in held else Entry())
        if entry is not None:
            problems |= _entry_problems(indicator, entry, held.get(pk), submit=submit)
    if problems:
        raise ValidationError(problems)
    saved = []
    for pk, indicator in indicators.items():
        entry = entries.get(pk)
        if entry is None or (entry.is_blank and pk not in held):
            continue
        fields = _fields_for(indicator, entry)
        saved.append(_save_entry(indicator, held.get(pk), fields, period=period, user=user))
    if submit:
        values_submit(indicators=indicators.values(), period=period, user=user)
    return saved


def _month_values(indicators: Mapping[int, Indicator], *, period) -> dict[int, IndicatorValue]:
    held = IndicatorValue.objects.select_for_update().filter(
        indicator_id__in=list(indicators), period=period
    )
    return {value.indicator_id: value for value in held}


def _move(records: list, model, *, fields: list[str], user, reason: str) -> int:
    """Saves the records' new state in bulk, each with a history entry naming the user."""
    if records:
        bulk_update_with_history(
            records, model, fields, default_user=user, default_change_reason=reason[:100]
        )
    return len(records)


@transaction.atomic
def values_submit(*, indicators: Iterable[Indicator], period: datetime.date, user) -> int:
    """Submits the month's drafts for approval. Every indicator must have a value or a
    reason first. Returns how many were submitted."""
    indicators = {indicator.pk: indicator for indicator in indicators}
    held = _month_values(indicators, period=period)
    missing = {
        entry_field(pk, "value"): f"Enter a value for {indicator.ref} or a reason it is missing"
        for pk, indicator in indicators.items()
        if pk not in held
    }
    if missing:
        raise ValidationError(missing)
    drafts = [value for value in held.values() if value.state == State.DRAFT]
    for value in drafts:
        value.state = State.SUBMITTED
    return _move(drafts, IndicatorValue, fields=["state"], user=user, reason="Submitted")


def _selected(model, ids: Iterable[int], *, key: str) -> list:
    ids = list(ids)
    if not ids:
        raise ValidationError({key: "Select the values or commentary to approve or return"})
    return list(model.objects.select_for_update().filter(pk__in=ids, state=State.SUBMITTED))


@transaction.atomic
def values_approve(*, value_ids: Iterable[int], user) -> int:
    """Approves the submitted values among `value_ids`: they now reach board reports."""
    values = _selected(IndicatorValue, value_ids, key="values")
    now = timezone.now()
    for value in values:
        value.state, value.approved_by, value.approved_at = State.APPROVED, user, now
    fields = ["state", "approved_by", "approved_at"]
    return _move(values, IndicatorValue, fields=fields, user=user, reason="Approved")


def _return_reason(reason: str) -> str:
    reason = plain_text(reason)
    if not reason:
        raise ValidationError({"reason": "Enter why you are returning them"})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": f"Reason must be {REASON_MAX} characters or fewer"})
    return reason


@transaction.atomic
def values_return(*, value_ids: Iterable[int], user, reason: str) -> int:
    """Returns submitted values to draft; the reason goes at the top of each value's note."""
    reason = _return_reason(reason)
    values = _selected(IndicatorValue, value_ids, key="values")
    for value in values:
        value.state = State.DRAFT
        value.note = "\n\n".join(filter(None, [f"Returned: {reason}", value.note]))
    return _move(
        values, IndicatorValue, fields=["state", "note"], user=user, reason=f"Returned: {reason}"
    )


@transaction.atomic
def commentary_save(
    *, area: ServiceArea, period: datetime.date, text: str, user, today=None, submit=False
) -> Commentary:
    """Saves the area's commentary for the month as a draft, or updates it; a changed
    approved commentary goes back to submitted. With `submit`, submits it too."""
    _check_period(period, today=today or timezone.localdate())
    text = plain_text(text)
    if not text:
        raise ValidationError({"text": "Enter the commentary"})
    commentary = Commentary.objects.select_for_update().filter(service_area=area, period=period)
    commentary = commentary.first() or Commentary(service_area=area, period=period, text="")
    if commentary.pk is None or commentary.text != text:
        reason = "Written" if commentary.pk is None else "Changed"
        if commentary.state == Commentary.State.APPROVED:
            commentary.state, reason = Commentary.State.SUBMITTED, "Changed after approval"
        commentary.text, commentary.author = text, user
        commentary._history_user, commentary._change_reason = user, reason
        commentary.save()
    if submit:
        commentary_submit(area=area, period=period, user=user)
        commentary.refresh_from_db()
    return commentary


@transaction.atomic
def commentary_submit(*, area: ServiceArea, period: datetime.date, user) -> Commentary:
    """Submits the area's draft commentary for the month for approval."""
    commentary = Commentary.objects.select_for_update().filter(service_area=area, period=period)
    commentary = commentary.first()
    if commentary is None:
        raise ValidationError({"text": "Enter the commentary"})
    if commentary.state == Commentary.State.DRAFT:
        commentary.state = Commentary.State.SUBMITTED
        _move([commentary], Commentary, fields=["state"], user=user, reason="Submitted")
    return commentary


@transaction.atomic
def commentary_approve(*, commentary_ids: Iterable[int], user) -> int:
    """Approves the submitted commentaries among `commentary_ids`."""
    commentaries = _selected(Commentary, commentary_ids, key="commentaries")
    for commentary in commentaries:
        commentary.state = Commentary.State.APPROVED
    return _move(commentaries, Commentary, fields=["state"], user=user, reason="Approved")


@transaction.atomic
def commentary_return(*, commentary_ids: Iterable[int], user, reason: str) -> int:
    """Returns submitted commentaries to draft; the history keeps the reason."""
    reason = _return_reason(reason)
    commentaries = _selected(Commentary, commentary_ids, key="commentaries")
    for commentary in commentaries:
        commentary.state = Commentary.State.DRAFT
    return _move(
        commentaries, Commentary, fields=["state"], user=user, reason=f"Returned: {reason}"
    )


@transaction.atomic
def approvals_decide(
    *, value_ids: Iterable[int], commentary_ids: Iterable[int], approve: bool, user, reason=""
) -> tuple[int, int]:
    """Approves (or returns, with a reason) the chosen values and commentaries together.
    Returns how many values and commentaries were moved."""
    value_ids, commentary_ids = list(value_ids), list(commentary_ids)
    if not value_ids and not commentary_ids:
        raise ValidationError({"values": "Select the values or commentary to approve or return"})
    if not approve:
        _return_reason(reason)
    moved_values = moved_commentaries = 0
    if value_ids:
        moved_values = (
            values_approve(value_ids=value_ids, user=user)
            if approve
            else values_return(value_ids=value_ids, user=user, reason=reason)
        )
    if commentary_ids:
        moved_commentaries = (
            commentary_approve(commentary_ids=commentary_ids, user=user)
            if approve
            else commentary_return(commentary_ids=commentary_ids, user=user, reason=reason)
        )
    return moved_values, moved_commentaries
