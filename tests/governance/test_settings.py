"""Settings come from the environment; with none at all the service still runs."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from governance.env import env_bool, env_int, env_list, env_str

ROOT = Path(__file__).resolve().parents[2]
PRINT_SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'debug': s.DEBUG, 'db': s.DATABASES['default']['ENGINE'], "
    "'db_name': str(s.DATABASES['default']['NAME']), 'eager': s.CELERY_TASK_ALWAYS_EAGER, "
    "'email': s.EMAIL_BACKEND, 'tz': s.TIME_ZONE, 'lang': s.LANGUAGE_CODE, "
    "'hosts': s.ALLOWED_HOSTS, 'secret_set': bool(s.SECRET_KEY)}))"
)


def settings_under(env: dict) -> subprocess.CompletedProcess:
    """Loads the settings in a fresh interpreter with exactly `env` (plus PATH)."""
    full_env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "governance.settings"}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_no_environment_at_all_gives_the_embedded_defaults():
    result = settings_under({})
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["debug"] is True
    assert loaded["db"] == "django.db.backends.sqlite3"
    assert loaded["db_name"].endswith("db.sqlite3")
    assert loaded["eager"] is True
    assert loaded["email"] == "django.core.mail.backends.console.EmailBackend"
    assert loaded["tz"] == "Europe/London"
    assert loaded["lang"] == "en-gb"


def test_empty_variables_behave_like_unset_ones():
    result = settings_under(
        {"DATABASE_URL": "", "CELERY_BROKER_URL": "", "EMAIL_HOST": "", "DEBUG": ""}
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["db"] == "django.db.backends.sqlite3"
    assert loaded["eager"] is True
    assert loaded["debug"] is True


def test_production_environment_is_read():
    result = settings_under(
        {
            "DEBUG": "0",
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "improvement.example.gov.uk, www.example.gov.uk",
            "DATABASE_URL": "postgres://app@db.internal:5432/governance",
            "CELERY_BROKER_URL": "redis://cache.internal:6379/0",
            "EMAIL_HOST": "smtp.example.gov.uk",
        }
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["debug"] is False
    assert loaded["db"] == "django.db.backends.postgresql"
    assert loaded["eager"] is False
    assert loaded["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert loaded["hosts"] == ["improvement.example.gov.uk", "www.example.gov.uk"]


def test_secret_key_is_required_once_debug_is_off():
    result = settings_under({"DEBUG": "false"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("true", True), ("YES", True), ("on", True), ("0", False), ("off", False)],
)
def test_env_bool_words(monkeypatch, raw, expected):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert env_bool("SOME_FLAG", default=not expected) is expected


def test_env_bool_rejects_other_words(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        env_bool("SOME_FLAG", default=False)


def test_env_helpers_treat_blank_as_unset(monkeypatch):
    monkeypatch.setenv("BLANK", "   ")
    assert env_str("BLANK", "fallback") == "fallback"
    assert env_int("BLANK", 7) == 7
    assert env_list("BLANK", ["a"]) == ["a"]


def test_env_int_says_what_is_wrong(monkeypatch):
    monkeypatch.setenv("A_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="A_NUMBER must be a whole number"):
        env_int("A_NUMBER", 1)


def test_dates_are_written_the_english_way(settings):
    import datetime

    from django.utils import translation
    from django.utils.formats import date_format

    with translation.override("en-gb"):
        assert date_format(datetime.date(2023, 3, 12)) == "12 March 2023"
