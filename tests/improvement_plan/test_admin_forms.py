"""Issue 11, finding 4 in the admin: an administrator's change form for an action saves
only what they changed, and a field someone else changed meanwhile is refused."""

import datetime

import pytest
from django.urls import reverse

from common.forms import OPENED_FIELD
from governance import roles
from improvement_plan.models import Action, ProgressUpdate
from tests.governance.factories import UserFactory
from tests.improvement_plan.factories import ActionFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action():
    return ActionFactory(
        reference="3.2.1", description="Audit", status=Action.Status.IN_PROGRESS,
        due_date=datetime.date(2030, 3, 31), reported_rag="green",
    )  # fmt: skip


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(roles=[roles.ADMINISTRATOR], is_staff=True, is_superuser=True))
    return client


def form_data(form) -> dict:
    """What a browser would post back for a form as it was shown."""
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        key = form.add_prefix(name)
        if isinstance(value, list):
            data[key] = [str(item) for item in value]
        elif hasattr(field.widget, "widgets"):  # the admin's split date and time
            for index, part in enumerate(field.widget.decompress(value)):
                data[f"{key}_{index}"] = "" if part is None else str(part)
        elif isinstance(value, bool):
            if value:
                data[key] = "on"
        elif value is not None:
            data[key] = field.widget.format_value(value) or ""
    return data


def management_form(formset) -> dict:
    form = formset.management_form
    return {form.add_prefix(name): form[name].value() for name in form.fields}


def opened_form(client, action) -> tuple[str, dict]:
    """The admin change page as opened: its url and the values it would post back."""
    url = reverse("admin:improvement_plan_action_change", args=[action.pk])
    context = client.get(url).context
    data = form_data(context["adminform"].form)
    data.update(management_form(context["inline_admin_formsets"][0].formset))
    return url, data


def test_an_admin_edit_keeps_a_status_a_lead_set_meanwhile(admin_client, action):
    url, data = opened_form(admin_client, action)
    Action.objects.filter(pk=action.pk).update(status=Action.Status.COMPLETE)

    response = admin_client.post(url, {**data, "description": "Audit every case"})

    assert response.status_code == 302, response.context["adminform"].form.errors
    action.refresh_from_db()
    assert (action.description, action.status) == ("Audit every case", "complete")


def test_an_admin_edit_of_a_field_changed_meanwhile_is_refused(admin_client, action):
    url, data = opened_form(admin_client, action)
    Action.objects.filter(pk=action.pk).update(status=Action.Status.COMPLETE)

    response = admin_client.post(url, {**data, "status": "not_started"})

    assert response.status_code == 200
    assert "Status was changed by someone else" in response.text
    assert "saved now “complete”, you sent “not_started”" in response.text
    action.refresh_from_db()
    assert action.status == "complete"

    again = admin_client.post(url, response.context["adminform"].form.data)

    assert again.status_code == 302
    action.refresh_from_db()
    assert action.status == "not_started"


def test_an_admin_form_without_its_opened_version_is_refused(admin_client, action):
    url, data = opened_form(admin_client, action)
    data.pop(OPENED_FIELD)

    response = admin_client.post(url, {**data, "status": "complete"})

    assert response.status_code == 200
    action.refresh_from_db()
    assert action.status == "in_progress"


def test_a_progress_update_edited_in_the_action_page_keeps_a_newer_text(admin_client, action):
    update = ProgressUpdateFactory(action=action, text="First words")
    url = reverse("admin:improvement_plan_action_change", args=[action.pk])
    page = admin_client.get(url).context
    data = form_data(page["adminform"].form)
    inline = page["inline_admin_formsets"][0].formset
    data.update(management_form(inline))
    data.update(form_data(inline.forms[0]))
    ProgressUpdate.objects.filter(pk=update.pk).update(text="Their words")

    response = admin_client.post(url, {**data, "progress_updates-0-text": "My words"})

    assert response.status_code == 200
    assert "Text was changed by someone else" in response.text
    update.refresh_from_db()
    assert update.text == "Their words"
