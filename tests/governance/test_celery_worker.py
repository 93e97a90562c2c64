"""A real Celery worker on Redis runs a task of ours end to end, against PostgreSQL.

Needs CELERY_BROKER_URL and a server database (a worker cannot share pytest's
in-memory SQLite). Skipped without them; under REQUIRE_SERVICES=1 it fails instead.
"""

import datetime
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection

from governance.models import Pack, Reminder, WorkerHeartbeat
from governance.packs import services
from governance.tasks import build_pack, record_worker_heartbeat, send_reminders
from tests.conftest import require_or_skip
from tests.governance.factories import (
    AgendaItemFactory,
    PaperFactory,
    PostFactory,
    PostHolderFactory,
    UserFactory,
)
from tests.governance.packs.conftest import make_pdf
from tests.improvement_plan.factories import ActionFactory

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def database_url_of_test_database() -> str:
    db = connection.settings_dict
    user = db.get("USER") or ""
    auth = f"{user}:{db.get('PASSWORD')}@" if db.get("PASSWORD") else f"{user}@" if user else ""
    return f"postgres://{auth}{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


@pytest.fixture
def worker(tmp_path):
    require_or_skip(bool(settings.CELERY_BROKER_URL), "CELERY_BROKER_URL is not set")
    require_or_skip(connection.vendor == "postgresql", "the database is not PostgreSQL")
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = dict(
        os.environ,
        DATABASE_URL=database_url_of_test_database(),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        CELERY_TASK_DEFAULT_QUEUE=queue,  # what the worker's tasks start stays on this queue
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path / "mail"),
    )
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


def wait_for(process, done, *, what: str, seconds: int = 90) -> None:
    """Polls `done()` until it is true, failing with the worker's output if it is not."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if done():
            return
        assert process.poll() is None, process.stdout.read()
        time.sleep(0.25)
    process.terminate()
    pytest.fail(f"the worker did not {what} in {seconds} s:\n" + process.stdout.read())


def heartbeat_through(queue: str, process) -> WorkerHeartbeat:
    """Sends a heartbeat task and waits for it: the worker (one at a time, in order) has
    then finished every task sent to the queue before it."""
    name = f"ci-{uuid.uuid4().hex[:8]}"
    result = record_worker_heartbeat.apply_async(kwargs={"name": name}, queue=queue)
    assert result.id
    wait_for(process, WorkerHeartbeat.objects.filter(name=name).exists, what="run the task")
    return WorkerHeartbeat.objects.get(name=name)


def test_real_worker_runs_the_heartbeat_task(worker):
    queue, process = worker
    assert heartbeat_through(queue, process).hostname


def test_real_worker_builds_a_pack_once_when_the_task_arrives_twice(worker):
    queue, process = worker
    item = AgendaItemFactory(order=4, title="Children missing from home")
    PaperFactory(agenda_item=item, file=ContentFile(make_pdf(3), name="paper.pdf"), page_count=3)
    pack = services.pack_create(meeting=item.meeting, audience=Pack.Audience.FULL, user=None)

    build_pack.apply_async(args=[pack.pk], queue=queue)
    build_pack.apply_async(args=[pack.pk], queue=queue)
    heartbeat_through(queue, process)

    pack.refresh_from_db()
    assert (pack.state, pack.page_count, pack.progress) == (Pack.State.BUILT, 4, 100)
    assert pack.item_pages[0]["first"] == 1
    assert Pack.objects.count() == 1
    assert len(list((Path(settings.MEDIA_ROOT) / "packs").rglob("*.pdf"))) == 1


def test_the_beat_task_sends_each_reminder_once_when_delivered_twice(worker, tmp_path):
    queue, process = worker
    lead = UserFactory(email="ana.lead@example.gov.uk")
    post = PostFactory()
    PostHolderFactory(post=post, person=lead)
    ActionFactory(lead_posts=[post], due_date=datetime.date(2023, 3, 9), reference="2.1.3")

    send_reminders.apply_async(kwargs={"today": "2023-03-07"}, queue=queue)
    send_reminders.apply_async(kwargs={"today": "2023-03-07"}, queue=queue)
    sent = Reminder.objects.filter(state=Reminder.State.SENT)
    wait_for(process, lambda: sent.count() == 2, what="send the two reminders")
    heartbeat_through(queue, process)  # every delivery started before it has run

    subjects = [
        line
        for path in (tmp_path / "mail").iterdir()
        for line in path.read_text().splitlines()
        if line.startswith("Subject: ")
    ]
    assert sorted(subjects) == [
        "Subject: Action 2.1.3 is due in 2 days",
        "Subject: Your weekly digest: week of 6 March 2023",
    ]
    assert Reminder.objects.count() == 2
    assert all(reminder.attempts == 1 for reminder in Reminder.objects.all())
