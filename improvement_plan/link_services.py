"""Writes for the links between actions and the indicators they should move.

Each link carries its expected effect (domain.link_effects) and its own history: every
link added, changed or removed is recorded with who and why. Services are atomic and
refuse a save that would overwrite someone else's newer change (EditConflict).
"""

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from common.concurrency import Conflict, EditConflict
from improvement_plan.domain.indicator_links import links_after
from improvement_plan.domain.link_effects import Effect, link_changes, link_rows
from improvement_plan.link_selectors import effect_of
from improvement_plan.models import Action, ActionIndicatorLink
from improvement_plan.selectors import current_plan
from scorecard.models import Indicator

NOT_LINKED = "Not linked"
CHANGE_REASON = "Linked indicators changed"


def _write(action: Action, indicator_id: int, effect: Effect | None, link, *, user, why: str):
    """Adds, changes or removes one link, with its history's user and reason."""
    if effect is None:
        if link is not None:
            link._history_user, link._change_reason = user, why
            link.delete()
        return
    if link is None:
        link = ActionIndicatorLink(action=action, indicator_id=indicator_id, created_by=user)
    link.expected_direction, link.expected_value = effect.direction, effect.value
    link.expected_by, link.reason = effect.by, effect.reason
    link._history_user, link._change_reason = user, why
    link.save()


def _held(action: Action) -> dict[int, ActionIndicatorLink]:
    links = ActionIndicatorLink.objects.select_for_update().filter(action=action)
    return {link.indicator_id: link for link in links}


@transaction.atomic
def action_indicator_links_save(
    *, action: Action, wanted: Mapping[int, Effect | None], user,
    opened: Mapping[int, str] | None = None,
) -> dict[int, Effect]:  # fmt: skip
    """Saves the links the form showed: `wanted` is, per indicator shown, its effect or
    None for no link; `opened` is Effect.key() (or "") per indicator as the form opened.
    Only this person's changes are written (domain.link_effects); a change someone else
    made meanwhile to the same indicator raises EditConflict. Returns the links now held."""
    action = Action.objects.select_for_update().get(pk=action.pk)
    held = _held(action)
    current = {pk: effect_of(link).key() for pk, link in held.items()}
    submitted = {pk: effect.key() if effect else "" for pk, effect in wanted.items()}
    opened = dict(opened) if opened is not None else {pk: current.get(pk, "") for pk in wanted}
    writes, conflicts = link_changes(opened=opened, current=current, submitted=submitted)
    if conflicts:
        raise EditConflict(_conflicts(conflicts, held=held, wanted=wanted, opened=opened))
    for pk in writes:
        _write(action, pk, wanted[pk], held.get(pk), user=user, why=CHANGE_REASON)
    links = ActionIndicatorLink.objects.filter(action=action)
    return {link.indicator_id: effect_of(link) for link in links}


def _conflicts(pks, *, held, wanted, opened) -> list[Conflict]:
    refs = dict(Indicator.objects.filter(pk__in=pks).values_list("pk", "ref"))
    return [
        Conflict(
            field=f"link_{pk}", label=f"Indicator {refs.get(pk, pk)}", opened=opened.get(pk),
            theirs=effect_of(held[pk]).words() if pk in held else NOT_LINKED,
            yours=wanted[pk].words() if wanted[pk] else NOT_LINKED,
        )
        for pk in pks
    ]  # fmt: skip


@transaction.atomic
def action_indicators_set(
    *, action: Action, indicators: Iterable, user, opened: Iterable | None = None
) -> set:
    """Links an action to exactly these indicators, new links expecting the indicator to
    move as its polarity says; with `opened` (the indicators ticked when the form opened)
    only this person's ticks and unticks apply (domain.indicator_links). Returns the ids."""
    action = Action.objects.select_for_update().get(pk=action.pk)
    held = _held(action)
    wanted = {getattr(indicator, "pk", indicator) for indicator in indicators}
    if opened is not None:
        wanted = links_after(opened=set(opened), current=set(held), submitted=wanted)
    for pk in sorted(set(held) | wanted):
        if (pk in wanted) != (pk in held):
            effect = Effect() if pk in wanted else None
            _write(action, pk, effect, held.get(pk), user=user, why=CHANGE_REASON)
    return wanted


@dataclass(frozen=True)
class LinksApplied:
    added: int
    changed: int
    unchanged: int


FIELDS = ("action", "indicator", "direction", "value", "by", "reason")


def read_links_file(path: Path | str) -> list[dict[str, str]]:
    text = Path(path).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@transaction.atomic
def action_indicator_links_apply(
    *, path: Path | str | None = None, rows: list[Mapping[str, str]] | None = None, user=None
) -> LinksApplied:
    """Applies a links file (columns: FIELDS) to the current plan's actions, all or
    nothing: any problem (a bad row, an action or indicator not found) raises
    ValidationError listing every one, and nothing is saved. Applying it again changes
    nothing. Links not in the file are left as they are."""
    read, problems = link_rows(rows if rows is not None else read_links_file(path))
    plan = current_plan()
    actions = {
        a.reference: a for a in Action.objects.filter(objective__priority__plan=plan)
    } if plan else {}  # fmt: skip
    indicators = dict(Indicator.objects.values_list("ref", "pk"))
    for row in read:
        if row.action not in actions:
            problems.append(f"Line {row.line}: no action {row.action} in the current plan")
        if row.indicator not in indicators:
            problems.append(f"Line {row.line}: no indicator {row.indicator}")
    if problems:
        raise ValidationError(problems)
    links = ActionIndicatorLink.objects.select_for_update().filter(action__in=actions.values())
    held = {(link.action_id, link.indicator_id): link for link in links}
    counts = {"added": 0, "changed": 0, "unchanged": 0}
    for row in read:
        action, pk = actions[row.action], indicators[row.indicator]
        link = held.get((action.pk, pk))
        if link is not None and effect_of(link) == row.effect:
            counts["unchanged"] += 1
            continue
        counts["added" if link is None else "changed"] += 1
        why = f"From the links file: {row.effect.reason}"[:100]
        _write(action, pk, row.effect, link, user=user, why=why)
    return LinksApplied(**counts)
