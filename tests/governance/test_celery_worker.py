"""A real Celery worker on Redis runs a task of ours end to end, against PostgreSQL.

Needs CELERY_BROKER_URL and a server database (a worker cannot share pytest's
in-memory SQLite). Skipped without them; under REQUIRE_SERVICES=1 it fails instead.
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from governance.models import WorkerHeartbeat
from governance.tasks import record_worker_heartbeat
from tests.conftest import require_or_skip

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def database_url_of_test_database() -> str:
    db = connection.settings_dict
    user = db.get("USER") or ""
    auth = f"{user}:{db.get('PASSWORD')}@" if db.get("PASSWORD") else f"{user}@" if user else ""
    return f"postgres://{auth}{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


@pytest.fixture
def worker():
    require_or_skip(bool(settings.CELERY_BROKER_URL), "CELERY_BROKER_URL is not set")
    require_or_skip(connection.vendor == "postgresql", "the database is not PostgreSQL")
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = dict(os.environ, DATABASE_URL=database_url_of_test_database())
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "governance", "worker", "--pool=solo",
         "--concurrency=1", "--without-heartbeat", "--without-mingle", "--without-gossip",
         "-Q", queue, "--loglevel=INFO"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    yield queue, process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def test_real_worker_runs_the_heartbeat_task(worker):
    queue, process = worker
    name = f"ci-{uuid.uuid4().hex[:8]}"
    result = record_worker_heartbeat.apply_async(kwargs={"name": name}, queue=queue)
    assert result.id
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if WorkerHeartbeat.objects.filter(name=name).exists():
            break
        assert process.poll() is None, process.stdout.read()
        time.sleep(0.25)
    else:
        process.terminate()
        pytest.fail("the worker did not run the task in 60 s:\n" + process.stdout.read())
    beat = WorkerHeartbeat.objects.get(name=name)
    assert beat.hostname
