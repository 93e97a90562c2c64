"""The upload page: plan and file, the dry run to check, then confirm or cancel."""

import csv
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from governance import roles
from improvement_plan.importing.pending import SESSION_KEY
from improvement_plan.models import Action, Milestone, Plan, ProgressUpdate
from tests.governance.factories import PostFactory, UserFactory
from tests.improvement_plan.factories import PlanFactory

SAMPLE = (
    Path(__file__).resolve().parents[2]
    / "governance"
    / "fixtures"
    / "demo"
    / "improvement-plan-2022-sample.csv"
)
FORM, PREVIEW = reverse("plan_import"), reverse("plan_import_preview")
CONFIRM, CANCEL = reverse("plan_import_confirm"), reverse("plan_import_cancel")
MAY_IMPORT = (roles.ADMINISTRATOR, roles.DIRECTOR)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def director_client(client):
    client.force_login(UserFactory(roles=[roles.DIRECTOR]))
    return client


def sample(name="plan.csv", data=None):
    return SimpleUploadedFile(name, SAMPLE.read_bytes() if data is None else data)


def upload(client, file=None, plan="new", new_title="Plan 2022 to 2023"):
    return client.post(FORM, {"plan": plan, "new_title": new_title, "file": file or sample()})


def kept_files(media) -> list[Path]:
    folder = media / "imports"
    return sorted(folder.iterdir()) if folder.exists() else []


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Plan, Action, ProgressUpdate, Milestone))


# Who may import


@pytest.mark.parametrize("url", [FORM, PREVIEW, CONFIRM, CANCEL])
def test_anonymous_people_are_sent_to_sign_in(client, url):
    response = client.get(url) if url in (FORM, PREVIEW) else client.post(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_only_administrators_and_the_director_may_import(client, user_with_role, any_role, media):
    client.force_login(user_with_role(any_role))
    allowed = any_role in MAY_IMPORT

    form = client.get(FORM)
    uploaded = upload(client)
    confirmed = client.post(CONFIRM)

    assert form.status_code == (200 if allowed else 403)
    assert uploaded.status_code == (302 if allowed else 403)
    assert confirmed.status_code == (302 if allowed else 403)
    assert Plan.objects.exists() == allowed
    if not allowed:
        assert client.post(CANCEL).status_code == 403
        assert client.get(PREVIEW).status_code == 403
        assert kept_files(media) == []


# The form


def test_the_form_offers_each_plan_and_a_new_one(director_client):
    PlanFactory(title="Plan 2021")

    response = director_client.get(FORM)

    assert response.status_code == 200
    assert "Import a plan" in response.text
    assert "Plan 2021" in response.text
    assert "A new plan" in response.text
    assert 'enctype="multipart/form-data"' in response.text
    assert 'accept=".csv,.xlsx"' in response.text


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("plan.csv", PNG, "The selected file is not CSV text"),
        ("plan.xlsx", SAMPLE.read_bytes(), "The selected file is not an Excel workbook (XLSX)"),
        ("plan.png", PNG, "The selected file must be a CSV file or an Excel workbook"),
        ("plan.csv", b"", "The selected file is empty"),
        ("plan.csv", "Item,Action\n".encode("utf-16"), "not UTF-8 text"),
        ("plan.csv", b"Item,Lead\n1. A,\n", "The header row has no Action column"),
    ],
)
def test_a_file_that_fails_shows_the_error_summary_and_keeps_the_rest(
    director_client, media, name, data, error
):
    response = upload(director_client, sample(name, data), new_title="My new plan")

    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert error in response.text
    assert response.text.count(error) == 2  # in the summary and beside the field
    assert "<title>Error: Import a plan" in response.text
    assert 'value="My new plan"' in response.text
    assert kept_files(media) == []
    assert not Plan.objects.exists()


def test_a_file_too_big_is_refused(director_client, settings):
    settings.UPLOAD_MAX_BYTES = 1024

    response = upload(director_client)

    assert "The selected file must be smaller than 1.0" in response.text


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"plan": "new", "new_title": ""}, "Enter the name of the new plan"),
        ({"plan": "new", "new_title": "plan 2021"}, "A plan called plan 2021 already exists"),
        ({"new_title": "x"}, "Select the plan, or a new plan"),
        ({"plan": "new", "new_title": "x", "file": None}, "Select the plan&#x27;s CSV or XLSX"),
    ],
)
def test_the_plan_must_be_chosen_or_named(director_client, data, error):
    PlanFactory(title="Plan 2021")
    data = {"file": sample(), **data}
    if data["file"] is None:
        del data["file"]

    response = director_client.post(FORM, data)

    assert response.status_code == 200
    assert error in response.text


# The dry run


def test_uploading_shows_the_dry_run_and_writes_nothing(director_client, media):
    PostFactory(name="AD CSC")

    response = upload(director_client)

    assert response.status_code == 302
    assert response.url == PREVIEW
    assert counts() == (0, 0, 0, 0)
    assert len(kept_files(media)) == 1
    preview = director_client.get(PREVIEW)
    assert preview.status_code == 200
    assert counts() == (0, 0, 0, 0)
    report = preview.context["report"]
    assert (report.dry_run, report.actions_created, report.plan_created) == (True, 41, True)
    text = preview.text
    assert "Plan 2022 to 2023 (a new plan)" in text
    assert "Confirm import" in text
    assert "Cancel" in text


def test_the_preview_shows_every_warning_with_its_row_and_the_posts_to_create(director_client):
    upload(director_client)

    response = director_client.get(PREVIEW)

    report = response.context["report"]
    assert report.warnings
    assert report.posts_created
    text = response.text
    assert f"Warnings ({len(report.warnings)})" in text
    for warning in report.warnings:
        assert f"Row {warning.row}</td>" in text
    assert "Named Lead by Agency" in text
    assert "Posts that will be created" in text
    assert "All Managers in CSC" in text
    assert "Priority 3: A grip and transparent challenge" in text
    assert "2.4.4" in text


def test_the_preview_without_an_upload_goes_back_to_the_form(director_client):
    response = director_client.get(PREVIEW, follow=True)

    assert response.redirect_chain[-1][0] == FORM
    assert "upload it again" in response.text


def test_a_path_in_the_session_is_never_read(director_client, media, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_bytes(SAMPLE.read_bytes())
    session = director_client.session
    session[SESSION_KEY] = {"token": "../../secret", "kind": "csv", "filename": "x.csv",
                            "plan_id": None, "plan_title": "Stolen"}  # fmt: skip
    session.save()

    response = director_client.post(CONFIRM)

    assert response.status_code == 302
    assert response.url == FORM
    assert not Plan.objects.exists()
    assert secret.exists()


# Confirm and cancel


def test_confirm_imports_the_same_file_and_shows_the_plan(director_client, media):
    upload(director_client)
    director_client.get(PREVIEW)

    response = director_client.post(CONFIRM, follow=True)

    assert response.redirect_chain[-1][0] == reverse("plan_overview")
    assert "Plan 2022 to 2023 imported" in response.text
    assert "govuk-notification-banner--success" in response.text
    plan = Plan.objects.get(title="Plan 2022 to 2023")
    assert Action.objects.filter(objective__priority__plan=plan).count() == 41
    assert ProgressUpdate.objects.filter(author__isnull=False).count() == 71
    assert kept_files(media) == []
    assert SESSION_KEY not in director_client.session
    again = director_client.post(CONFIRM, follow=True)
    assert "upload it again" in again.text
    assert Action.objects.count() == 41


def test_confirm_into_an_existing_plan_creates_nothing_new(director_client):
    plan = PlanFactory(title="Plan 2021")
    upload(director_client, plan=str(plan.pk))
    director_client.post(CONFIRM)
    before = counts()

    upload(director_client, plan=str(plan.pk))
    preview = director_client.get(PREVIEW)
    director_client.post(CONFIRM)

    assert preview.context["report"].actions_unchanged == 41
    assert "The existing plan is updated" in preview.text
    assert counts() == before
    assert Plan.objects.get().title == "Plan 2021"


def test_an_xlsx_file_imports_like_the_csv(director_client):
    workbook = Workbook()
    with SAMPLE.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.reader(handle):
            workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)

    upload(director_client, sample("plan.xlsx", buffer.getvalue()))
    director_client.post(CONFIRM)

    assert Action.objects.count() == 41


def test_cancel_discards_the_file_and_imports_nothing(director_client, media):
    upload(director_client)

    response = director_client.post(CANCEL, follow=True)

    assert response.redirect_chain[-1][0] == FORM
    assert "Import cancelled: nothing was changed." in response.text
    assert kept_files(media) == []
    assert SESSION_KEY not in director_client.session
    director_client.post(CONFIRM)
    assert counts() == (0, 0, 0, 0)


def test_a_second_upload_replaces_the_first(director_client, media):
    upload(director_client, new_title="First")
    upload(director_client, new_title="Second")

    assert len(kept_files(media)) == 1
    director_client.post(CONFIRM)
    assert list(Plan.objects.values_list("title", flat=True)) == ["Second"]
