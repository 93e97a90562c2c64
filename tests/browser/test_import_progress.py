"""A big file's import progress page passes axe-core, shows its progress as the task
runs (the pack build's script asks the status URL) and moves on to the check when the
task has finished."""

from pathlib import Path

import pytest
from django.urls import reverse

from governance import roles
from improvement_plan import tasks
from improvement_plan.importing import pending as kept
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import UserFactory

SAMPLE = Path(__file__).resolve().parents[2] / "governance/fixtures/demo"
SAMPLE = SAMPLE / "improvement-plan-2022-sample.csv"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_progress_page_then_the_check(page, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr(kept, "BACKGROUND_OVER_BYTES", 1024)
    queued = []
    monkeypatch.setattr(tasks.import_plan_file, "delay", lambda *args: queued.append(args))
    director = UserFactory(roles=[roles.DIRECTOR])
    sign_in(page, director.email)
    page.goto(reverse("plan_import"))
    page.get_by_label("A new plan").check()
    page.get_by_label("Name of the new plan").fill("Big plan")
    page.get_by_label("Upload the plan").set_input_files(str(SAMPLE))
    with page.expect_navigation():
        page.get_by_role("button", name="Check the import").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Checking the file"
    assert "Waiting to start" in page.locator("#import-step").inner_text()
    assert_accessible(page)
    page.screenshot(path=str(tmp_path / "progress.png"), full_page=True)

    tasks.import_plan_file(*queued[0])
    page.wait_for_url("**/import/check/")
    page.get_by_role("heading", name="Check the import").wait_for()
    assert "1.1.1" in page.content()
