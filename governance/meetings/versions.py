"""The opened-version rule (common.concurrency) applied to the meetings' rows: agenda
items, minutes, meetings, boards, memberships, attendance, actions arising and the
work programme.

Rule: a form carries the values it was opened on. A service given `opened` (those
values) and `changed` (the fields this person changed) locks the row, compares what is
saved now, refuses with EditConflict when someone else changed one of the same fields
since, and writes only the fields this person changed, so a stale form never sends an
unchanged value back over someone else's newer one. Without `opened` (the command line,
tests, a form that always sends every field) every given value is written.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from common.concurrency import EditConflict, check_no_conflicts


def current_values(instance, names: Iterable[str]) -> dict[str, Any]:
    """What is saved now, by field name."""
    return {name: getattr(instance, name) for name in names}


def changes_to_write(
    instance,
    values: Mapping[str, Any],
    *,
    opened: Mapping[str, str] | None,
    changed: Iterable[str] | None,
    labels: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The values to write on `instance` (already locked): every value without `opened`,
    else only the changed ones, after checking nobody else changed them (EditConflict,
    carrying `current`, the saved values to show beside the person's own)."""
    if opened is None:
        return dict(values)
    names = set(values) if changed is None else set(changed) & set(values)
    current = current_values(instance, values)
    try:
        check_no_conflicts(
            opened=opened, current=current, submitted=values, changed=names, labels=labels
        )
    except EditConflict as conflict:
        conflict.current = current
        raise
    return {name: value for name, value in values.items() if name in names}


def apply(instance, values: Mapping[str, Any]) -> list[str]:
    """Sets the values on the instance; the names set, for save(update_fields=...)."""
    for name, value in values.items():
        setattr(instance, name, value)
    return list(values)
