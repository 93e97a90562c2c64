"""Writes for the scorecard's data entry and sign-off.

Values and commentaries go draft → submitted → approved; an approver may return a
submitted one to draft with a reason. Changing an approved one sends it back to
submitted, to be approved again. Every save names the user in the history, and each
service is atomic, checks its rules first (scorecard.domain.entry) and raises
ValidationError with a message per field, leaving nothing half-written. Text is kept as
plain text: nh3 strips any tags before it is saved.

Rules kept here (the pure ones live in scorecard.domain):
- Scorecard entry saves each figure on its own: one figure's error or conflict leaves that
  figure as it was and never stops the others (values_enter reports it per figure).
- Two people saving the same figure or commentary never silently overwrite each other
  (common.concurrency): only the parts this person changed since they opened the page
  are written, and a part someone else changed meanwhile is refused, theirs beside yours.
- Text has limits that fit its use (common.forms), checked here as in the forms.

Commentary is written in scorecard.commentary_services; approving and returning values
and commentary is in scorecard.approval_services.
"""

import csv
import datetime
import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import nh3
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from simple_history.utils import bulk_update_with_history

from common.concurrency import Conflict, EditConflict, check_no_conflicts
from common.forms import SHORT_TEXT_LIMIT
from scorecard.domain.entry import (
    ENTRY_PARTS,
    PART_WORDS,
    PERCENTAGE,
    Entry,
    as_typed,
    entered_value,
    entry_field,
    entry_problems,
    held_entry,
    merged_entry,
    period_problem,
)
from scorecard.domain.polarity import polarity_table
from scorecard.judgement_services import indicator_judgements_refresh
from scorecard.models import Indicator, IndicatorValue

State = IndicatorValue.State
MISSING_REASON_MAX = 100  # IndicatorValue.missing_reason
NOTE_MAX = SHORT_TEXT_LIMIT  # a figure's note: a sentence or two beside the figure
TEXT_LIMITS = {"missing_reason": ("reason", MISSING_REASON_MAX), "note": ("note", NOTE_MAX)}


def plain_text(text: str) -> str:
    """Text with every tag stripped (and tags written as entities too), trimmed."""
    text = text or ""
    for _ in range(5):
        cleaned = html.unescape(nh3.clean(text, tags=set()))
        if cleaned == text:
            break
        text = cleaned
    return text.strip()


def check_period(period: datetime.date, *, today: datetime.date, key: str = "period") -> None:
    problem = period_problem(period, today=today)
    if problem:
        raise ValidationError({key: problem})


@dataclass
class EntryOutcome:
    """What saving a month's figures did, figure by figure. `problems` (form field to
    message) and `conflicts` are figures left as they were; `current` is what is saved
    now (form field to value) for the figures saved or in conflict."""

    saved: list[IndicatorValue] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    current: dict[str, Any] = field(default_factory=dict)
    submitted: int = 0
    still_to_enter: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.problems and not self.conflicts

    def left_as_it_was(self, indicator_id: int) -> bool:
        prefix = entry_field(indicator_id, "")
        named = [*self.problems, *(conflict.field for conflict in self.conflicts)]
        return any(name.startswith(prefix) for name in named)


def _entry_problems(indicator, entry: Entry, existing, parts) -> dict[str, str]:
    """The rules the figure to be written breaks, and the limits of the text typed."""
    problems = entry_problems(
        entry, unit=indicator.unit, ref=indicator.ref, decimal_places=indicator.decimal_places,
        required=existing is not None,
    )  # fmt: skip
    for part, (words, limit) in TEXT_LIMITS.items():
        if part in parts and len(plain_text(getattr(entry, part))) > limit:
            problems[part] = f"{indicator.ref} {words} must be {limit:,} characters or fewer"
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
    """Creates the draft, or writes the fields that changed: an approved one goes back to
    submitted. None when nothing changed (no write, no history)."""
    if existing is None:
        value = IndicatorValue(indicator=indicator, period=period, entered_by=user, **fields)
        value._history_user, value._change_reason = user, "Entered"
        value.save()
        return value
    changed = [name for name, new in fields.items() if getattr(existing, name) != new]
    if not changed:
        return None
    reason = "Changed"
    if existing.state == State.APPROVED:
        existing.state, existing.approved_by, existing.approved_at = State.SUBMITTED, None, None
        changed += ["state", "approved_by", "approved_at"]
        reason = "Changed after approval: to be approved again"
    for name in fields:
        setattr(existing, name, fields[name])
    existing.entered_by = user
    existing._history_user, existing._change_reason = user, reason
    existing.save(update_fields=[*changed, "entered_by"])
    return existing


def _check_may_enter(user, indicators: Mapping[int, Indicator], entries: Mapping) -> None:
    """PermissionDenied unless the user may enter every indicator, and every entry is for one."""
    if set(entries) - set(indicators):
        raise PermissionDenied("An entry is for an indicator not on the page")
    for indicator in indicators.values():
        if not user.has_perm("scorecard.enter_values", indicator):
            raise PermissionDenied(f"You may not enter values for {indicator.ref}")


def form_values(indicator_id: int, held) -> dict[str, Any]:
    """A figure held (or None) as the entry form's fields hold it."""
    shown = held_entry(held)
    return {entry_field(indicator_id, part): getattr(shown, part) for part in ENTRY_PARTS}


def _check_not_changed_by_others(indicator, now: Entry, typed: Entry, parts, opened) -> None:
    """EditConflict when a part this person changed was changed by someone else too since
    they opened the page (common.concurrency)."""
    pk = indicator.pk
    unit_words = "percentage" if indicator.unit == PERCENTAGE else PART_WORDS["value"]
    check_no_conflicts(
        opened=opened,
        current={entry_field(pk, part): as_typed(getattr(now, part)) for part in ENTRY_PARTS},
        submitted={entry_field(pk, part): as_typed(getattr(typed, part)) for part in ENTRY_PARTS},
        changed={entry_field(pk, part) for part in parts},
        labels={
            entry_field(pk, part): f"{indicator.ref} {unit_words if part == 'value' else words}"
            for part, words in PART_WORDS.items()
        },
    )


@transaction.atomic
def value_enter(*, indicator, existing, entry: Entry, parts, period, user, opened=None):
    """One figure for the month: the `parts` this person changed over what is held now.
    EditConflict when someone else changed one of those parts since `opened` (the values
    the form opened on; None: not checked); ValidationError when the figure breaks a rule.
    Returns the value written, or None when nothing needed writing."""
    now = held_entry(existing)
    if opened is not None:
        _check_not_changed_by_others(indicator, now, entry, parts, opened)
    merged = merged_entry(now, entry, parts)
    if existing is None and merged.is_blank:
        return None
    problems = _entry_problems(indicator, merged, existing, parts)
    if problems:
        raise ValidationError(problems)
    fields = _fields_for(indicator, merged)
    was_approved = existing is not None and existing.state == State.APPROVED
    written = _save_entry(indicator, existing, fields, period=period, user=user)
    if written is not None and was_approved:  # it left the approved series SPC judges
        indicator_judgements_refresh(indicator_ids=[indicator.pk])
    return written


def _changed_parts(indicator_id: int, changed) -> set[str]:
    if changed is None:
        return set(ENTRY_PARTS)
    return {part for part in ENTRY_PARTS if entry_field(indicator_id, part) in changed}


def _enter_one(indicator, entry, held, outcome: EntryOutcome, **kwargs) -> None:
    """Saves one figure in its own savepoint, putting what happened in `outcome`."""
    pk, existing = indicator.pk, held.get(indicator.pk)
    try:
        written = value_enter(indicator=indicator, existing=existing, entry=entry, **kwargs)
    except ValidationError as error:
        outcome.problems |= {name: texts[0] for name, texts in error.message_dict.items()}
    except EditConflict as conflict:
        outcome.conflicts += conflict.conflicts
        outcome.current |= form_values(pk, existing)
    except IntegrityError:  # someone else entered the figure at the same moment
        outcome.problems[entry_field(pk, "value")] = (
            f"Someone else entered {indicator.ref} at the same time: check it and save again"
        )
    else:
        if written is not None:
            held[pk] = written
            outcome.saved.append(written)
            outcome.current |= form_values(pk, written)


@transaction.atomic
def values_enter(
    *,
    indicators: Iterable[Indicator],
    period: datetime.date,
    entries: Mapping[int, Entry],
    user,
    today: datetime.date,
    submit: bool = False,
    opened: Mapping[str, str] | None = None,
    changed: Iterable[str] | None = None,
) -> EntryOutcome:
    """Saves a month's figures (indicator id to Entry), each on its own: a figure with a
    problem or a conflict is left as it was and reported in the outcome; the others are
    saved. With `opened` and `changed` (from the entry form), only the parts changed since
    the page was opened are written. Indicators without an entry keep what they hold.
    With `submit`, every figure held as a draft that is not in trouble is submitted.
    PermissionDenied when the user may not enter one of the indicators.
    """
    check_period(period, today=today)
    indicators = {indicator.pk: indicator for indicator in indicators}
    _check_may_enter(user, indicators, entries)
    changed = set(changed) if changed is not None else None
    held, outcome = _month_values(indicators, period=period), EntryOutcome()
    for pk, entry in entries.items():
        parts = _changed_parts(pk, changed)
        if parts:
            context = {"parts": parts, "period": period, "user": user, "opened": opened}
            _enter_one(indicators[pk], entry, held, outcome, **context)
    if submit:
        ready = [i for pk, i in indicators.items() if not outcome.left_as_it_was(pk)]
        outcome.submitted = values_submit(indicators=ready, period=period, user=user)
    outcome.still_to_enter = [i.ref for pk, i in indicators.items() if pk not in held]
    return outcome


def _month_values(indicators: Mapping[int, Indicator], *, period) -> dict[int, IndicatorValue]:
    held = IndicatorValue.objects.select_for_update().filter(
        indicator_id__in=list(indicators), period=period
    )
    return {value.indicator_id: value for value in held}


def save_states(records: list, model, *, fields: list[str], user, reason: str) -> int:
    """Saves the records' new state in bulk, each with a history entry naming the user."""
    if records:
        bulk_update_with_history(
            records, model, fields, default_user=user, default_change_reason=reason[:100]
        )
    return len(records)


@transaction.atomic
def values_submit(*, indicators: Iterable[Indicator], period: datetime.date, user) -> int:
    """Submits for approval the month's drafts among `indicators`: each figure on its own,
    so the figures that are ready go while the others are still being entered. A draft
    always holds a value or a reason (values_enter). Returns how many were submitted."""
    indicators = {indicator.pk: indicator for indicator in indicators}
    held = _month_values(indicators, period=period)
    drafts = [
        value
        for value in held.values()
        if value.state == State.DRAFT and (value.value is not None or value.missing_reason)
    ]
    for value in drafts:
        value.state = State.SUBMITTED
    return save_states(drafts, IndicatorValue, fields=["state"], user=user, reason="Submitted")


POLARITY_COLUMNS = ["reference", "polarity", "reason"]


@transaction.atomic
def indicator_polarities_apply(*, source, user=None) -> int:
    """Sets indicators' polarity from a CSV file of reference, polarity and one line of
    reason (scorecard.domain.polarity.polarity_table), as the demo's
    governance/fixtures/demo/indicator-polarity.csv does. All or nothing: a bad row or a
    reference the scorecard does not hold raises ValidationError listing every problem,
    and nothing is written. Each change is a history entry naming the user, with the
    reason. Only indicators whose polarity differs are written; returns how many."""
    with open(source, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = [name.strip().lower() for name in reader.fieldnames or []]
        if header != POLARITY_COLUMNS:
            raise ValidationError(f"The columns must be {', '.join(POLARITY_COLUMNS)}")
        reader.fieldnames = header
        table, problems = polarity_table(list(reader))
    held = Indicator.objects.select_for_update().in_bulk(list(table), field_name="ref")
    problems += [f"No indicator has the reference {ref}" for ref in table if ref not in held]
    if problems:
        raise ValidationError(problems)
    changed = []
    for ref, (polarity, reason) in table.items():
        indicator = held[ref]
        if indicator.polarity != polarity:
            indicator.polarity = polarity
            indicator._history_user = user
            indicator._change_reason = f"Polarity: {reason}"[:100]
            indicator.save(update_fields=["polarity"])
            changed.append(indicator.pk)
    indicator_judgements_refresh(indicator_ids=changed)  # SPC's labels follow polarity
    return len(changed)
