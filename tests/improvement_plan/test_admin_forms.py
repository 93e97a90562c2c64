"""Issue 11, finding 4 in the admin: an administrator's change form for an action saves
only what they changed, and a field someone else changed meanwhile is refused."""

import datetime

import pytest
from django.urls import reverse

from common.forms import OPENED_FIELD
from governance import roles
from improvement_plan.models import Action
from tests.governance.factories import UserFactory
from tests.improvement_plan.factories import ActionFactory

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


def opened_form(client, action) -> tuple[str, dict]:
    """The admin change page as opened: its url and the values it would post back."""
    url = reverse("admin:improvement_plan_action_change", args=[action.pk])
    form = client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(value, list):
            data[name] = [str(item) for item in value]
        elif value is not None:
            data[name] = field.widget.format_value(value) if name == "due_date" else value
    data.update({
        "progress_updates-TOTAL_FORMS": "0", "progress_updates-INITIAL_FORMS": "0",
        "progress_updates-MIN_NUM_FORMS": "0", "progress_updates-MAX_NUM_FORMS": "1000",
    })  # fmt: skip
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
