"""Finding 8: uploads are stored under generated names with the extension of the kind
their content showed; the uploader's name, made safe, is only what a download is called."""

import re
from pathlib import PurePosixPath

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from governance import roles
from governance.meetings import paper_services
from improvement_plan import services
from tests.governance.factories import AgendaItemFactory, UserFactory
from tests.governance.meetings.factories import pdf_bytes
from tests.governance.test_uploads import image_bytes
from tests.improvement_plan.factories import ActionFactory

pytestmark = pytest.mark.django_db
GENERATED = r"[0-9a-f]{32}"


def attach(name: str, data: bytes):
    director = UserFactory(roles=[roles.DIRECTOR])
    return services.evidence_attach(
        action=ActionFactory(), uploaded_file=SimpleUploadedFile(name, data), user=director
    )


def test_evidence_is_stored_under_a_generated_name_not_the_uploaders():
    evidence = attach("board-report.pdf", pdf_bytes(1))
    stored = PurePosixPath(evidence.file.name)
    assert re.fullmatch(GENERATED + r"\.pdf", stored.name)
    assert "board-report" not in evidence.file.name
    assert evidence.original_name == "board-report.pdf"


def test_evidence_with_the_wrong_extension_is_stored_with_the_right_one():
    evidence = attach("chart.pdf", image_bytes("png"))
    assert evidence.kind == "png"
    assert re.fullmatch(GENERATED + r"\.png", PurePosixPath(evidence.file.name).name)
    assert evidence.original_name == "chart.png"


def test_a_hostile_name_is_made_safe_for_the_download(client, settings):
    evidence = attach('../..\\x"; filename=evil.html\r\n.pdf', pdf_bytes(1))
    assert ".." not in evidence.file.name
    client.force_login(UserFactory(roles=[roles.VIEWER]))

    response = client.get(reverse("evidence_download", args=[evidence.pk]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="x- filename=evil.html.pdf"'
    assert response["Content-Type"] == "application/pdf"


def test_a_meeting_paper_is_stored_under_a_generated_name():
    officer = UserFactory(roles=[roles.DEMOCRATIC_SERVICES])
    upload = SimpleUploadedFile("../Missing_children.pdf", pdf_bytes(2))

    paper = paper_services.paper_upload(
        item=AgendaItemFactory(), uploaded_file=upload, user=officer
    )

    assert re.fullmatch(r"papers/\d{4}/\d{2}/" + GENERATED + r"\.pdf", paper.file.name)
    assert "Missing" not in paper.file.name
    assert paper.title == "Missing children"
    assert paper.page_count == 2
