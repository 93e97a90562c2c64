"""Reads for the links between actions and indicators: the links form's rows and the
links' history on the action's timeline (one query each, whatever their number)."""

from dataclasses import dataclass

from django.db.models import QuerySet

from improvement_plan.domain.link_effects import Effect
from improvement_plan.models import Action, ActionIndicatorLink
from scorecard.models import Indicator
from scorecard.tables import format_value

LINKED = "Linked indicators changed"


def effect_of(link) -> Effect:
    """The expected effect a link (or a historical record of one) holds."""
    return Effect(link.expected_direction, link.expected_value, link.expected_by, link.reason)


def _shown_by(indicator):
    """A value in the indicator's unit and decimal places, as the impact page writes it;
    plainly when the indicator is no longer held."""
    if indicator is None:
        return None
    return lambda value: format_value(
        value, unit=indicator.unit, decimal_places=indicator.decimal_places
    )


def link_history_entries(action: Action) -> list:
    """The action's timeline entries for its links: each added, changed or removed,
    with who and the effect expected (improvement_plan.timeline_selectors.timeline)."""
    from improvement_plan.timeline_selectors import ChangeEntry, _name

    records = (
        ActionIndicatorLink.history.filter(action_id=action.pk)
        .select_related("history_user", "indicator")
        .order_by("history_date", "history_id")
    )
    entries = []
    for record in records:
        ref = record.indicator.ref if record.indicator else "an indicator no longer held"
        effect = _lower_first(effect_of(record).words(show=_shown_by(record.indicator)))
        if record.history_type == "+":
            sentence = f"{LINKED}: added {ref} ({effect})"
        elif record.history_type == "-":
            sentence = f"{LINKED}: removed {ref}"
        else:
            sentence = f"Expected effect on {ref} changed: {effect}"
        who = _name(record.history_user) if record.history_user_id else "the system"
        entries.append(
            ChangeEntry(
                "change",
                record.history_date,
                who,
                record.history_id,
                changes=(sentence,),
                reason=record.history_change_reason or "",
            )  # fmt: skip
        )
    return entries


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class LinkRow:
    """One indicator on the links form: whether linked, and its effect if so."""

    indicator: Indicator
    effect: Effect | None


def indicators_for_links(search: str = "") -> QuerySet[Indicator]:
    """Indicators in scorecard order, narrowed to those whose reference or title holds
    every word searched for."""
    indicators = Indicator.objects.select_related("service_area").order_by(
        "service_area__order", "service_area__prefix", "order", "ref"
    )
    for word in search.split():
        indicators = indicators.filter(ref__icontains=word) | indicators.filter(
            title__icontains=word
        )
    return indicators


# Each indicator shown sends five boxes; Django refuses a form of over 1,000 fields
# (DATA_UPLOAD_MAX_NUMBER_FIELDS), so a scorecard larger than this is searched first.
MOST_SHOWN = 150


def link_rows(action: Action, *, search: str = "") -> tuple[list[LinkRow], bool]:
    """The form's rows: indicators matching the search, and every one already linked.
    Unsearched, every indicator; or, past MOST_SHOWN, only those linked (search first).
    Also whether some indicators are left out for that reason."""
    held = {
        link.indicator_id: effect_of(link)
        for link in ActionIndicatorLink.objects.filter(action=action)
    }
    shown = indicators_for_links(search)
    left_out = shown.count() > MOST_SHOWN
    if search.strip():
        shown = shown | indicators_for_links().filter(pk__in=held)
    elif left_out:
        shown = shown.filter(pk__in=held)
    rows = [LinkRow(indicator, held.get(indicator.pk)) for indicator in shown.distinct()]
    return rows[: MOST_SHOWN + len(held)], left_out


def link_rows_for(action: Action, *, pks) -> list[LinkRow]:
    """The form's rows for the indicators a form showed (by their ids), as held now."""
    held = {
        link.indicator_id: effect_of(link)
        for link in ActionIndicatorLink.objects.filter(action=action, indicator__in=pks)
    }
    shown = indicators_for_links().filter(pk__in=pks)
    return [LinkRow(indicator, held.get(indicator.pk)) for indicator in shown]
