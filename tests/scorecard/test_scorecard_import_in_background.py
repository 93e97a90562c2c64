"""A big scorecard file is checked and imported by a Celery task, never in the request:
the pages show its progress; the task takes ids and imports once however often it runs."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from governance import roles
from scorecard import tasks
from scorecard.importing import pending as kept
from scorecard.models import IndicatorValue
from tests.governance.factories import UserFactory

JUNE = Path(__file__).resolve().parents[2] / "governance/fixtures/demo/scorecard-2023-06.tsv"
FORM, PREVIEW = reverse("scorecard_import"), reverse("scorecard_import_preview")
CONFIRM, PROGRESS = reverse("scorecard_import_confirm"), reverse("scorecard_import_progress")
STATUS = reverse("scorecard_import_status")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def big_from_one_kb(monkeypatch):
    """The June 2023 sample (10 KB) counts as a big file."""
    monkeypatch.setattr(kept, "BACKGROUND_OVER_BYTES", 1024)


@pytest.fixture
def officer(client):
    client.user = UserFactory(roles=[roles.PERFORMANCE_OFFICER])
    client.force_login(client.user)
    return client


@pytest.fixture
def tasks_wait(monkeypatch):
    queued = []
    monkeypatch.setattr(tasks.import_scorecard_file, "delay", lambda *args: queued.append(args))
    return queued


def upload(client, period="2023-06"):
    file = SimpleUploadedFile("june.tsv", JUNE.read_bytes())
    response = client.post(FORM, {"file": file, "period": period})
    assert response.status_code == 302
    return client.session[kept.SESSION_KEY]["token"]


def run_task(queued):
    return [tasks.import_scorecard_file(*args) for args in queued]


def test_a_big_file_shows_progress_then_the_check_then_imports_once(officer, tasks_wait):
    token = upload(officer)

    assert b"Checking the file" in officer.get(PREVIEW).content
    assert officer.get(STATUS, {"mode": "check"}).json()["finished"] is False
    assert tasks_wait == [(token, "check", officer.user.pk)]
    assert run_task(tasks_wait) == ["done"]
    checked = officer.get(PREVIEW)
    assert b"Check the import" in checked.content
    assert b"FD8" in checked.content
    assert not IndicatorValue.objects.exists()

    tasks_wait.clear()
    assert officer.post(CONFIRM).url == PROGRESS
    assert b"Importing the scorecard" in officer.get(PROGRESS).content
    assert run_task(tasks_wait * 2) == ["done", "done"]
    assert officer.get(PROGRESS).url == reverse("scorecard_overview")
    held = IndicatorValue.objects.filter(period=datetime.date(2023, 6, 1)).count()
    assert held > 20
    assert not list(kept.imports_dir().iterdir())


def test_a_big_file_needing_a_period_says_so_after_its_check(officer, tasks_in_process):
    upload(officer, period="")

    response = officer.get(PREVIEW, follow=True)

    assert b"name the month it describes" in response.content
    assert not IndicatorValue.objects.exists()


def test_when_the_task_cannot_start_the_page_says_so(officer, monkeypatch):
    def broker_down(*args):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.import_scorecard_file, "delay", broker_down)
    upload(officer)

    assert b"could not be started just now" in officer.get(PREVIEW, follow=True).content
