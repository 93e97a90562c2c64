"""/healthz: JSON with the state of the database and the broker; 503 with a dead database."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
from django.urls import reverse

from governance import health

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthy_service_reports_ok_without_sign_in(client, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["status"] == "ok"
    assert body["broker"]["status"] == "not configured"


@pytest.mark.django_db
def test_dead_database_is_503(client, monkeypatch):
    def refuse():
        raise OperationalError("connection refused")

    monkeypatch.setattr(health.connection, "cursor", refuse)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"]["status"] == "unreachable"
    assert response.json()["status"] == "unavailable"


@pytest.mark.django_db
def test_unreachable_broker_is_reported_not_raised(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["broker"]["status"] == "unreachable"
    assert response.json()["status"] == "degraded"


def test_a_database_that_cannot_be_opened_gives_503_end_to_end(tmp_path):
    """A real dead database: a SQLite file in a folder that does not exist."""
    script = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz'); print(r.status_code); print(r.content.decode())"
    )
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "governance.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path}/missing/folder/db.sqlite3",
        "ALLOWED_HOSTS": "testserver",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.split("\n", 1)
    assert status == "503"
    assert json.loads(body)["database"]["status"] == "unreachable"


@pytest.mark.services
@pytest.mark.django_db
def test_reachable_broker_is_ok(client):
    from django.conf import settings

    from tests.conftest import require_or_skip

    require_or_skip(bool(settings.CELERY_BROKER_URL), "CELERY_BROKER_URL is not set")
    body = client.get(reverse("healthz")).json()
    assert body["broker"]["status"] == "ok"
    assert body["status"] == "ok"
