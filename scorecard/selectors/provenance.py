"""Where each of an indicator's figures came from (scorecard.domain.provenance), read from
the figures' history in one query however many figures the indicator holds."""

from collections import defaultdict

from django.utils import timezone

from scorecard.domain.provenance import Change, provenance_in_words
from scorecard.models import Indicator, IndicatorValue


def person_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.email


def figure_changes(indicator: Indicator) -> dict[int, list[Change]]:
    """Each of the indicator's figures (by id) to its history, oldest first."""
    records = (
        IndicatorValue.history.filter(indicator_id=indicator.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    changes: dict[int, list[Change]] = defaultdict(list)
    for record in records:
        changes[record.id].append(
            Change(
                when=timezone.localtime(record.history_date),
                who=person_name(record.history_user),
                reason=record.history_change_reason or "",
                figure=(record.value, record.missing_reason),
                state=record.state,
            )
        )
    return changes


def figure_sources(indicator: Indicator, values: list[IndicatorValue]) -> dict[int, str]:
    """Each figure (by id) to where it came from, in words."""
    changes = figure_changes(indicator)
    return {
        value.pk: provenance_in_words(changes.get(value.pk, []), state=value.state)
        for value in values
    }
