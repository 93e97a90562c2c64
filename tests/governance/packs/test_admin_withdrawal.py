"""Finding 1 of issue 11, through the Django admin: an administrator who marks an item
exempt there withdraws the public packs that hold it, as the agenda's own form does."""

import pytest
from django.urls import reverse

from governance.models import Pack

PUBLIC = Pack.Audience.PUBLIC


@pytest.fixture(autouse=True)
def builds_in_process(tasks_in_process):
    """The corrected build runs in this process when its task is started."""


def test_an_item_made_exempt_in_the_admin_withdraws_the_public_pack(
    admin_client, agenda, published
):
    item = agenda[3]
    url = reverse("admin:governance_agendaitem_change", args=[item.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {name: ("" if value is None else value) for name, value in data.items()}
    data["exempt_paragraph"] = "3"

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    published.refresh_from_db()
    assert published.withdrawn_at is not None
    assert admin_client.get(reverse("public_pack_download", args=[published.pk])).status_code == 410
    assert Pack.objects.filter(meeting=published.meeting, audience=PUBLIC, version=2).exists()


def test_an_unchanged_exemption_in_the_admin_withdraws_nothing(admin_client, agenda, published):
    item = agenda[2]
    url = reverse("admin:governance_agendaitem_change", args=[item.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {
        name: ("" if form[name].value() is None else form[name].value()) for name in form.fields
    }
    data["title"] = "A new title"

    assert admin_client.post(url, data).status_code == 302
    published.refresh_from_db()
    assert published.withdrawn_at is None
