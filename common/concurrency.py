"""Two people saving the same thing never silently overwrite each other.

Rule: a form carries the values it was opened on (signed, so a page cannot forge
them). On save, a field counts as changed by this person only when what they sent
differs from what they opened; only changed fields are written, so a stale form
never sends an unchanged value back over someone else's newer one. A field that this
person changed and someone else also changed since it was opened is a conflict: the
save is refused and both values are shown, nothing overwritten.
"""

import dataclasses
import datetime
import decimal
from collections.abc import Iterable, Mapping
from typing import Any

from django.core import signing

SALT = "common.concurrency.opened"


def canonical(value: Any) -> str:
    """One string per value, so a date, a model row, a number or a list compares the
    same whether it came from the database or from a submitted form."""
    if value is None:
        return ""
    if hasattr(value, "_meta") and hasattr(value, "pk"):
        return str(value.pk)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return format(value.normalize(), "f") if value == value else "NaN"
    if isinstance(value, float):
        return canonical(decimal.Decimal(repr(value)))
    if isinstance(value, list | tuple | set | frozenset) or hasattr(value, "model"):
        return ",".join(sorted(canonical(item) for item in value))
    return str(value).replace("\r\n", "\n").strip()


def canonical_values(values: Mapping[str, Any]) -> dict[str, str]:
    return {name: canonical(value) for name, value in values.items()}


def opened_token(values: Mapping[str, Any]) -> str:
    """The signed token a form carries: the canonical values it was opened on."""
    return signing.dumps(canonical_values(values), salt=SALT, compress=True)


def read_opened_token(token: str) -> dict[str, str] | None:
    """The values a form was opened on, or None when the token is missing or forged."""
    if not token:
        return None
    try:
        values = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return values if isinstance(values, dict) else None


def changed_since_opened(opened: Mapping[str, str], submitted: Mapping[str, Any]) -> set[str]:
    """The fields this person changed: what they sent differs from what they opened.
    A field not in the opened values counts as changed (it was not offered before)."""
    return {
        name
        for name, value in submitted.items()
        if name not in opened or canonical(value) != opened[name]
    }


@dataclasses.dataclass(frozen=True)
class Conflict:
    """One field two people changed: what it was, what is saved now, what you sent."""

    field: str
    label: str
    opened: Any
    theirs: Any
    yours: Any


class EditConflict(Exception):
    """Raised by a service when a save would overwrite someone else's newer change."""

    def __init__(self, conflicts: list[Conflict], *, changed_by: str = "", changed_at=None):
        self.conflicts = conflicts
        self.changed_by = changed_by
        self.changed_at = changed_at
        super().__init__(", ".join(conflict.label for conflict in conflicts))


def find_conflicts(
    *,
    opened: Mapping[str, str],
    current: Mapping[str, Any],
    submitted: Mapping[str, Any],
    changed: Iterable[str],
    labels: Mapping[str, str] | None = None,
) -> list[Conflict]:
    """Fields this person changed that someone else changed too since it was opened,
    to a different value from this person's (two people making the same change agree)."""
    labels = labels or {}
    found = []
    for name in sorted(changed):
        if name not in current or name not in opened:
            continue
        theirs, yours = canonical(current[name]), canonical(submitted.get(name))
        if theirs != opened[name] and theirs != yours:
            found.append(
                Conflict(
                    field=name,
                    label=labels.get(name, name.replace("_", " ").capitalize()),
                    opened=opened[name],
                    theirs=current[name],
                    yours=submitted.get(name),
                )
            )
    return found


def check_no_conflicts(**kwargs) -> None:
    """find_conflicts, raising EditConflict when there are any."""
    conflicts = find_conflicts(**kwargs)
    if conflicts:
        raise EditConflict(conflicts)
