"""Property: any file uploaded on either import page gives a page, never a server error:
the form with a GOV.UK error, or the check page, then the import or a message; and a
refused import saves nothing. The test client raises any exception a view lets out."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from governance import roles
from improvement_plan.importing import plan_import
from improvement_plan.models import Action, Plan, ProgressUpdate
from scorecard.models import Indicator, IndicatorValue
from tests.fuzz import files
from tests.fuzz.conftest import examples
from tests.governance.factories import UserFactory

SAMPLE = Path(__file__).resolve().parents[2] / "governance/fixtures/demo"
SAMPLE = SAMPLE / "improvement-plan-2022-sample.csv"

pytestmark = pytest.mark.django_db


def walk(client, form_url: str, fields: dict, models) -> None:
    """Upload, check, confirm: each step a page or a redirect; the database as before
    unless the import was confirmed and went through."""
    before = [model.objects.count() for model in models]
    uploaded = client.post(form_url, fields)
    assert uploaded.status_code in (200, 302)
    if uploaded.status_code == 200:
        assert b"govuk-error-summary" in uploaded.content
        assert [model.objects.count() for model in models] == before
        return
    checked = client.get(uploaded.url)
    assert checked.status_code in (200, 302)
    assert [model.objects.count() for model in models] == before
    confirm = form_url + "confirm/"
    confirmed = client.post(confirm)
    assert confirmed.status_code == 302
    if confirmed.url.startswith(form_url):  # refused: back to the form with a message
        assert [model.objects.count() for model in models] == before


@pytest.fixture
def director(client):
    client.force_login(UserFactory(roles=[roles.DIRECTOR]))
    return client


@pytest.fixture
def officer(client):
    client.force_login(UserFactory(roles=[roles.PERFORMANCE_OFFICER]))
    return client


@pytest.fixture
def plan_held():
    """The sample plan: files update, reorder and clash with the actions it holds."""
    plan_import(
        source=SAMPLE, filename="plan.csv", plan_title="Plan", dry_run=False,
        today=datetime.date(2023, 5, 1),
    )  # fmt: skip
    return Plan.objects.get()


@settings(max_examples=examples(0.1))
@given(
    file=files.hostile_file(files.PLAN_HEADERS) | files.hostile_file(files.EXPORT_HEADERS),
    into_held=st.booleans(),
)
def test_any_file_on_the_plan_upload_page_gives_a_page(director, plan_held, file, into_held):
    name, data = file
    plan = str(plan_held.pk) if into_held else "new"
    fields = {"plan": plan, "new_title": "Fuzz plan", "file": SimpleUploadedFile(name, data)}

    with transaction.atomic():  # each example starts from the sample plan
        walk(director, reverse("plan_import"), fields, (Plan, Action, ProgressUpdate))
        transaction.set_rollback(True)


@settings(max_examples=examples(0.1))
@given(file=files.hostile_file(files.SCORECARD_HEADERS, ("csv", "tsv", "txt")))
def test_any_file_on_the_scorecard_upload_page_gives_a_page(officer, file):
    name, data = file
    IndicatorValue.objects.all().delete()
    Indicator.objects.all().delete()
    fields = {"file": SimpleUploadedFile(name, data), "period": "2023-06"}

    walk(officer, reverse("scorecard_import"), fields, (Indicator, IndicatorValue))


def test_the_walk_reaches_the_import(director):
    """The property is not empty: a good file goes all the way through."""
    data = files.csv_bytes([["Item", "Action"], ["1. Priority", ""], ["Item", "Do it"]])
    fields = {"plan": "new", "new_title": "Good", "file": SimpleUploadedFile("p.csv", data)}

    walk(director, reverse("plan_import"), fields, (Plan,))

    assert Plan.objects.filter(title="Good").exists()
