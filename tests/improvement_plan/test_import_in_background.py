"""A big plan file is checked and imported by a Celery task, never in the request: the
pages show its progress, the task takes ids and imports once however often it runs."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from governance import roles
from improvement_plan import tasks
from improvement_plan.importing import pending as kept
from improvement_plan.models import Action, Plan
from tests.governance.factories import UserFactory

SAMPLE = Path(__file__).resolve().parents[2] / "governance/fixtures/demo"
SAMPLE = SAMPLE / "improvement-plan-2022-sample.csv"
FORM, PREVIEW = reverse("plan_import"), reverse("plan_import_preview")
CONFIRM, PROGRESS = reverse("plan_import_confirm"), reverse("plan_import_progress")
STATUS = reverse("plan_import_status")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def big_from_one_kb(monkeypatch):
    """The sample (26 KB) counts as a big file."""
    monkeypatch.setattr(kept, "BACKGROUND_OVER_BYTES", 1024)


@pytest.fixture
def director(client):
    client.user = UserFactory(roles=[roles.DIRECTOR])
    client.force_login(client.user)
    return client


def upload(client):
    file = SimpleUploadedFile("plan.csv", SAMPLE.read_bytes())
    response = client.post(FORM, {"plan": "new", "new_title": "Big plan", "file": file})
    assert response.status_code == 302
    return client.session[kept.SESSION_KEY]["token"]


@pytest.fixture
def tasks_wait(monkeypatch):
    """Tasks are queued and wait, as with a busy worker; run them with run_task()."""
    queued = []
    monkeypatch.setattr(tasks.import_plan_file, "delay", lambda *args: queued.append(args))
    return queued


def run_task(queued):
    return [tasks.import_plan_file(*args) for args in queued]


def test_a_big_file_shows_progress_then_the_check_then_imports_with_progress(director, tasks_wait):
    token = upload(director)

    waiting = director.get(PREVIEW)
    assert waiting.status_code == 200
    assert b"Checking the file" in waiting.content
    assert b"Waiting to start" in waiting.content
    assert director.get(STATUS, {"mode": "check"}).json()["finished"] is False
    assert tasks_wait == [(token, "check", director.user.pk)]

    assert run_task(tasks_wait) == ["done"]
    assert director.get(STATUS, {"mode": "check"}).json() | {"progress": 100} == {
        "progress": 100, "step": "Finished", "state_words": "Finished", "finished": True,
    }  # fmt: skip
    checked = director.get(PREVIEW)
    assert b"Check the import" in checked.content
    assert b"1.1.1" in checked.content
    assert not Plan.objects.exists()

    tasks_wait.clear()
    assert director.post(CONFIRM).url == PROGRESS
    assert b"Importing the plan" in director.get(PROGRESS).content
    run_task(tasks_wait)
    done = director.get(PROGRESS)
    assert done.url == reverse("plan_overview")
    assert Action.objects.filter(objective__priority__plan__title="Big plan").count() == 41
    assert not list((kept.imports_dir()).iterdir())


def test_the_task_imports_once_however_often_it_is_delivered(director, tasks_wait):
    upload(director)
    director.get(PREVIEW)
    run_task(tasks_wait)
    tasks_wait.clear()
    director.post(CONFIRM)

    assert run_task(tasks_wait * 2) == ["done", "done"]
    assert Action.objects.count() == 41


def test_with_tasks_in_process_the_pages_go_straight_through(director, tasks_in_process):
    upload(director)

    assert b"Check the import" in director.get(PREVIEW).content
    assert director.post(CONFIRM).url == PROGRESS
    assert director.get(PROGRESS).url == reverse("plan_overview")
    assert Action.objects.count() == 41


def test_a_big_file_that_cannot_be_imported_says_why_and_saves_nothing(director, tasks_in_process):
    data = b"Item,Nothing\n" + b"x,y\n" * 600
    file = SimpleUploadedFile("plan.csv", data)
    director.post(FORM, {"plan": "new", "new_title": "Bad", "file": file})

    response = director.get(PREVIEW, follow=True)

    assert b"The header row has no Action column" in response.content
    assert not Plan.objects.exists()


def test_when_the_task_cannot_start_the_page_says_so_and_keeps_the_file(director, monkeypatch):
    def broker_down(*args):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.import_plan_file, "delay", broker_down)
    upload(director)

    response = director.get(PREVIEW, follow=True)

    assert b"could not be started just now" in response.content
    assert kept.pending_get(director.session) is not None


def test_a_small_file_with_nul_characters_is_checked_with_a_row_message(director, monkeypatch):
    monkeypatch.setattr(kept, "BACKGROUND_OVER_BYTES", 200 * 1024)
    data = b"Item,Action\n1. Priority,\nItem,Do\x00 it\n"
    file = SimpleUploadedFile("plan.csv", data)
    assert director.post(FORM, {"plan": "new", "new_title": "P", "file": file}).status_code == 302

    checked = director.get(PREVIEW)

    assert b"Column B: NUL characters were removed." in checked.content
