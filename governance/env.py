"""Reading settings from the environment.

An empty variable behaves like an unset one, so `FOO=` in a service file never
turns a feature on by accident.
"""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def env_str(name: str, default: str = "") -> str:
    """The variable's value with surrounding space removed, or `default` when unset or empty."""
    value = os.environ.get(name, "").strip()
    return value or default


def env_bool(name: str, default: bool) -> bool:
    """A yes/no variable; anything that is not a recognised word is a configuration error."""
    value = env_str(name).lower()
    if not value:
        return default
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be one of {sorted(TRUE_WORDS | FALSE_WORDS)}")


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated list; blanks between commas are ignored."""
    value = env_str(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]
