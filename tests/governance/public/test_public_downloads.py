"""Papers and the public pack download as PDFs with a name that says what they are."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_an_uploaded_paper_downloads_as_a_named_pdf(client, meeting):
    paper = meeting.items_made["paper"]

    response = client.get(reverse("public_paper_download", args=[paper.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="childrens-services-scrutiny-panel-2023-01-11-item-4-'
        'missing-children-report.pdf"'
    )
    assert body(response).startswith(b"%PDF")


def test_the_public_pack_downloads_as_a_named_pdf(client, meeting):
    response = client.get(reverse("public_pack_download", args=[meeting.packs_made["public"].pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="childrens-services-scrutiny-panel-2023-01-11-agenda-pack.pdf"'
    )
    assert body(response) == meeting.packs_made["public"].file.open("rb").read()
