"""The scorecard upload page: file and month, the dry run to check, then confirm or cancel."""

import datetime
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from governance import roles
from scorecard.importing.pending import SESSION_KEY
from scorecard.models import Indicator, IndicatorValue, ServiceArea
from tests.governance.factories import UserFactory

DEMO = Path(__file__).resolve().parents[2] / "governance" / "fixtures" / "demo"
OCTOBER, JUNE = DEMO / "scorecard-2022-10.tsv", DEMO / "scorecard-2023-06.tsv"
FORM, PREVIEW = reverse("scorecard_import"), reverse("scorecard_import_preview")
CONFIRM, CANCEL = reverse("scorecard_import_confirm"), reverse("scorecard_import_cancel")
MAY_IMPORT = (roles.ADMINISTRATOR, roles.PERFORMANCE_OFFICER)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def officer(client):
    user = UserFactory(roles=[roles.PERFORMANCE_OFFICER])
    client.force_login(user)
    client.user = user
    return client


def sample(path=OCTOBER, name=None, data=None):
    return SimpleUploadedFile(name or path.name, path.read_bytes() if data is None else data)


def upload(client, file=None, period="2022-10"):
    return client.post(FORM, {"file": file or sample(), "period": period})


def kept_files(media) -> list[Path]:
    folder = media / "imports" / "scorecard"
    return sorted(folder.iterdir()) if folder.exists() else []


# Who may import


@pytest.mark.parametrize("url", [FORM, PREVIEW, CONFIRM, CANCEL])
def test_anonymous_people_are_sent_to_sign_in(client, url):
    response = client.get(url) if url in (FORM, PREVIEW) else client.post(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_only_performance_officers_and_administrators_may_import(
    client, user_with_role, any_role, media
):
    client.force_login(user_with_role(any_role))
    allowed = any_role in MAY_IMPORT

    form = client.get(FORM)
    uploaded = upload(client)
    preview = client.get(PREVIEW)
    confirmed = client.post(CONFIRM)

    assert form.status_code == (200 if allowed else 403)
    assert uploaded.status_code == (302 if allowed else 403)
    assert preview.status_code == (200 if allowed else 403)
    assert confirmed.status_code == (302 if allowed else 403)
    assert IndicatorValue.objects.exists() == allowed
    if not allowed:
        assert client.post(CANCEL).status_code == 403
        assert kept_files(media) == []


# The form


def test_the_form_asks_for_the_file_and_the_month(officer):
    response = officer.get(FORM)

    assert "Import a scorecard" in response.text
    assert 'enctype="multipart/form-data"' in response.text
    assert 'accept=".tsv,.txt,.csv,.xlsx"' in response.text
    assert "Month of the Current column" in response.text
    assert "Needed when the file has a Current or Current Performance column" in response.text


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("june.tsv", PNG, "The selected file is not TSV or CSV text"),
        ("june.csv", PNG, "The selected file is not TSV or CSV text"),
        ("june.xlsx", JUNE.read_bytes(), "The selected file is not an Excel workbook (XLSX)"),
        ("june.png", PNG, "must be a TSV, CSV or text file, or an Excel workbook"),
        ("june.tsv", b"", "The selected file is empty"),
        ("june.tsv", "Ref\tIndicator\n".encode("utf-16"), "not UTF-8 text"),
        ("june.txt", b"Just a note\n", "The selected file has no scorecard table"),
    ],
)
def test_a_file_refused_by_its_content_shows_the_error(officer, media, name, data, error):
    response = upload(officer, sample(name=name, data=data), period="2023-06")

    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert response.text.count(error) == 2  # in the summary and beside the field
    assert "<title>Error: Import a scorecard" in response.text
    assert 'value="2023-06"' in response.text
    assert kept_files(media) == []


def test_a_file_too_big_is_refused(officer, settings):
    settings.UPLOAD_MAX_BYTES = 1024

    response = upload(officer)

    assert "The selected file must be smaller than 1.0" in response.text


@pytest.mark.parametrize(
    ("period", "error"),
    [
        ("", "Enter the month of the Current column: the file has a Current column"),
        ("June", "Enter the month as 2023-06 or June 2023"),
        ("2023-13", "Enter the month as 2023-06 or June 2023"),
        ("2999-01", "The month must be this month or earlier"),
    ],
)
def test_the_month_is_needed_for_a_current_column(officer, media, period, error):
    response = upload(officer, period=period)

    assert response.status_code == 200
    assert error in response.text
    assert kept_files(media) == []


def test_a_file_with_month_columns_needs_no_month(officer):
    data = b"Ref\tIndicator\tMay-23\tJun-23\nFD1\tContacts\t1290\t1302\n"

    response = upload(officer, sample(name="months.tsv", data=data), period="")

    assert response.status_code == 302
    officer.post(CONFIRM)
    assert IndicatorValue.objects.count() == 2


# The dry run


def test_uploading_shows_the_dry_run_and_writes_nothing(officer, media):
    response = upload(officer, period="October 2022")

    assert response.url == PREVIEW
    assert len(kept_files(media)) == 1
    preview = officer.get(PREVIEW)
    report = preview.context["report"]
    assert (report.dry_run, report.indicators_created, report.period) == (
        True,
        118,
        datetime.date(2022, 10, 1),
    )
    assert not ServiceArea.objects.exists()
    assert "Indicators that will be created (118)" in preview.text
    assert "Confirm import" in preview.text


def test_the_preview_shows_every_problem_with_its_row(officer):
    upload(officer)

    response = officer.get(PREVIEW)

    assert "Problems (10)" in response.text
    for row in range(18, 28):
        assert f"Row {row}</td>" in response.text
    assert "1. Parenting- | 73 | (44%)" in response.text


def test_the_preview_shows_the_values_that_will_change(officer):
    upload(officer, sample(JUNE), period="2023-06")
    officer.post(CONFIRM)
    revised = JUNE.read_bytes().replace(b"78.1%", b"79.4%")

    upload(officer, sample(name="revised.tsv", data=revised), period="2023-06")
    response = officer.get(PREVIEW)

    assert "Values that will change (1)" in response.text
    assert "Value 78.1 to 79.4" in response.text
    assert IndicatorValue.objects.get(indicator__ref="FD8").value == Decimal("78.1")


def test_the_preview_without_an_upload_goes_back_to_the_form(officer):
    response = officer.get(PREVIEW, follow=True)

    assert response.redirect_chain[-1][0] == FORM
    assert "upload it again" in response.text


def test_a_path_in_the_session_is_never_read(officer, tmp_path):
    secret = tmp_path / "secret.tsv"
    secret.write_bytes(OCTOBER.read_bytes())
    session = officer.session
    session[SESSION_KEY] = {"token": "../../secret", "kind": "tsv", "filename": "x.tsv",
                            "period": "2022-10-01"}  # fmt: skip
    session.save()

    response = officer.post(CONFIRM)

    assert response.url == FORM
    assert not Indicator.objects.exists()
    assert secret.exists()


# Confirm and cancel


def test_confirm_imports_the_same_file_and_shows_the_scorecard(officer, media):
    upload(officer)
    officer.get(PREVIEW)

    response = officer.post(CONFIRM, follow=True)

    assert response.redirect_chain[-1][0] == reverse("scorecard_overview")
    assert "scorecard-2022-10.tsv imported" in response.text
    assert "govuk-notification-banner--success" in response.text
    assert IndicatorValue.objects.filter(entered_by=officer.user, state="approved").count() == 118
    assert kept_files(media) == []
    assert SESSION_KEY not in officer.session
    again = officer.post(CONFIRM, follow=True)
    assert "upload it again" in again.text


def test_an_xlsx_workbook_imports_every_sheet(officer):
    workbook = Workbook()
    workbook.active.append(["Ref", "Indicator", "Current"])
    workbook.active.append(["FD1", "Contacts", 1302])
    workbook.create_sheet("Early Help").append(["Ref.", "Indicator", "Jun-23"])
    workbook["Early Help"].append(["EH2", "Early Help Episodes", 544])
    buffer = io.BytesIO()
    workbook.save(buffer)

    upload(officer, sample(name="june.xlsx", data=buffer.getvalue()), period="2023-06")
    officer.post(CONFIRM)

    assert sorted(IndicatorValue.objects.values_list("indicator__ref", flat=True)) == [
        "EH2",
        "FD1",
    ]


def test_cancel_discards_the_file_and_imports_nothing(officer, media):
    upload(officer)

    response = officer.post(CANCEL, follow=True)

    assert response.redirect_chain[-1][0] == FORM
    assert "Import cancelled: nothing was changed." in response.text
    assert kept_files(media) == []
    officer.post(CONFIRM)
    assert not IndicatorValue.objects.exists()


def test_a_second_upload_replaces_the_first(officer, media):
    upload(officer)
    upload(officer, sample(JUNE), period="2023-06")

    assert len(kept_files(media)) == 1
    officer.post(CONFIRM)
    assert set(IndicatorValue.objects.values_list("period", flat=True)) == {
        datetime.date(2023, 6, 1)
    }
