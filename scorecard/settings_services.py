"""Writes for setting many indicators' polarity, amber tolerance and target at once
(issue 12: one page for a performance officer, audited).

Rules kept here (the pure ones are in scorecard.domain.indicator_settings):
- All or nothing: a row with a problem, or a row someone else changed meanwhile, stops
  the whole save and nothing is written; the page keeps everything typed.
- Only the parts a person changed are written (common.concurrency): a part someone else
  changed since the page was opened is refused, theirs beside yours.
- A new target is a new Target from the month chosen, so earlier months keep theirs; a
  target already starting in that month is replaced (no month then has two).
- Every indicator written gets one history entry naming the user, with the reason (and
  the new target and its month when it changed); a polarity or tolerance changed keeps
  "Set by <name> on <date>: <reason>" beside it, shown on the indicator page.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from common.concurrency import Conflict, EditConflict, find_conflicts
from scorecard.domain import indicator_settings as rules
from scorecard.domain.targets import parse_target
from scorecard.judgement_services import indicator_judgements_refresh
from scorecard.models import Indicator, Target
from scorecard.selectors.settings import newest_target
from scorecard.services import plain_text

REASON_MAX = 100
NEWEST_FIRST = Prefetch(
    "targets", queryset=Target.objects.order_by("-effective_from"), to_attr="targets_newest_first"
)
LABELS = {"polarity": "polarity", "amber_tolerance": "amber tolerance", "target": "target"}


@dataclass(frozen=True)
class SettingsChange:
    """One indicator's row as sent: `changed` names the parts this person changed
    (polarity, amber_tolerance, target); `opened` holds the row's parts as the page
    opened on them (canonical strings, common.concurrency; None: not checked)."""

    indicator_id: int
    polarity: str = ""
    amber_tolerance: Decimal | None = None
    target: str = ""
    target_from: datetime.date | None = None
    changed: frozenset[str] = field(default_factory=frozenset)
    opened: Mapping[str, str] | None = None


def current_parts(indicator: Indicator) -> dict[str, object]:
    """An indicator's parts as the page shows them: polarity, tolerance, newest target."""
    target = newest_target(indicator)
    return {
        "polarity": indicator.polarity,
        "amber_tolerance": indicator.amber_tolerance,
        "target": target.written if target else "",
    }


def _conflicts(indicator: Indicator, change: SettingsChange) -> list[Conflict]:
    """The parts this person changed that someone else changed too since they opened them."""
    if change.opened is None:
        return []
    pk = indicator.pk

    def named(parts):
        return {rules.setting_field(pk, name): value for name, value in parts.items()}

    sent = {name: getattr(change, name) for name in rules.COMPARED}
    return find_conflicts(
        opened=named(change.opened),
        current=named(current_parts(indicator)),
        submitted=named(sent),
        changed={rules.setting_field(pk, name) for name in change.changed},
        labels={rules.setting_field(pk, n): f"{indicator.ref} {w}" for n, w in LABELS.items()},
    )


def row_problems(indicator: Indicator, change: SettingsChange) -> dict[str, str]:
    """The rules the row breaks, by form field (scorecard.domain.indicator_settings)."""
    pk, ref = indicator.pk, indicator.ref
    polarity = change.polarity if "polarity" in change.changed else indicator.polarity
    problems = {}
    if polarity not in Indicator.Polarity.values:
        problems["polarity"] = f"Choose whether higher or lower is better for {ref}"
    if "amber_tolerance" in change.changed:
        problems["amber_tolerance"] = rules.tolerance_problem(change.amber_tolerance, ref=ref)
    if "target" in change.changed:
        problems["target"] = rules.target_problem(change.target, polarity=polarity, ref=ref)
        if change.target_from is None:
            problems["target_from"] = f"Choose the month {ref}'s new target takes effect from"
    elif "polarity" in change.changed and (target := newest_target(indicator)):
        reading = parse_target(target.written)
        if reading is not None and not reading.error:
            problems["polarity"] = rules.contradiction_words(reading, polarity, ref=ref)
    return {rules.setting_field(pk, part): words for part, words in problems.items() if words}


def _set_target(indicator: Indicator, change: SettingsChange) -> None:
    """A new Target from the chosen month (one already starting then is replaced)."""
    reading = parse_target(change.target)
    fields = {
        "written": reading.written[:60],
        "kind": reading.kind,
        "low": reading.low,
        "high": reading.high,
    }
    Target.objects.update_or_create(
        indicator=indicator, effective_from=change.target_from, defaults=fields
    )


def _write(indicator: Indicator, change: SettingsChange, *, reason: str, user, today) -> None:
    """The row's changed parts, each polarity or tolerance with who set it and why."""
    changed = []
    set_by = rules.set_by_words(reason, name=str(user), day=today)
    for name in ("polarity", "amber_tolerance"):
        if name in change.changed:
            setattr(indicator, name, getattr(change, name))
            setattr(indicator, f"{name}_reason", set_by)
            changed += [name, f"{name}_reason"]
    target_changed = "target" in change.changed
    if target_changed:
        _set_target(indicator, change)
    indicator._history_user = user
    indicator._change_reason = rules.history_reason(
        reason,
        target=change.target if target_changed else "",
        target_from=change.target_from if target_changed else None,
    )
    indicator.save(update_fields=changed or ["polarity"])  # one history entry per row


def _check_reason(reason: str, changes: list[SettingsChange]) -> str:
    reason = plain_text(reason)
    if changes and not reason:
        raise ValidationError({"reason": "Enter why you are making these changes"})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": f"Reason must be {REASON_MAX} characters or fewer"})
    return reason


@transaction.atomic
def indicator_settings_apply(
    *, changes: Iterable[SettingsChange], reason: str, user, today: datetime.date | None = None
) -> list:
    """Writes the changed parts of many indicators' settings, all or nothing.

    ValidationError (a message per form field) when any row breaks a rule, or the reason
    is missing; EditConflict when someone else changed a part this person changed since
    the page was opened; PermissionDenied unless the user may change indicators. Rows
    with nothing changed are skipped. A polarity or tolerance changed keeps who set it,
    on which day (`today`, default today) and why, which no import overwrites. Returns the
    indicators written, in the order given.
    """
    if not user.has_perm("scorecard.change_indicator"):
        raise PermissionDenied("You may not change indicators' settings")
    changes = [change for change in changes if change.changed]
    reason = _check_reason(reason, changes)
    today = today or timezone.localdate()
    held = (
        Indicator.objects.select_for_update()
        .filter(pk__in=[change.indicator_id for change in changes])
        .prefetch_related(NEWEST_FIRST)
        .in_bulk()
    )
    missing = [change.indicator_id for change in changes if change.indicator_id not in held]
    if missing:
        raise ValidationError("An indicator on the page is no longer held: open the page again")
    conflicts, problems = [], {}
    for change in changes:
        conflicts += _conflicts(held[change.indicator_id], change)
        problems |= row_problems(held[change.indicator_id], change)
    if conflicts:
        raise EditConflict(conflicts)
    if problems:
        raise ValidationError(problems)
    for change in changes:
        _write(held[change.indicator_id], change, reason=reason, user=user, today=today)
    indicator_judgements_refresh(indicator_ids=[change.indicator_id for change in changes])
    return [held[change.indicator_id] for change in changes]
