"""The Django admin is for administrators only; everyone else is refused with 403."""

import pytest
from django.urls import reverse

from governance import roles
from tests.governance.factories import UserFactory
from tests.improvement_plan.factories import ActionFactory

pytestmark = pytest.mark.django_db

NOT_ADMINISTRATORS = [role for role in roles.ALL_ROLES if role != roles.ADMINISTRATOR]


@pytest.mark.parametrize("role", NOT_ADMINISTRATORS)
def test_other_roles_are_refused_the_admin(client, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(reverse("admin:index")).status_code == 403


@pytest.mark.parametrize("role", NOT_ADMINISTRATORS)
def test_other_roles_are_refused_admin_change_forms(client, role):
    action = ActionFactory()
    client.force_login(UserFactory(roles=[role]))
    change_url = reverse("admin:improvement_plan_action_change", args=[action.pk])
    assert client.get(change_url).status_code == 403
    response = client.post(change_url, {"description": "changed"})
    assert response.status_code == 403
    action.refresh_from_db()
    assert action.description != "changed"


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_administrator_uses_every_admin_page(client):
    client.force_login(UserFactory(roles=[roles.ADMINISTRATOR]))
    index = client.get(reverse("admin:index"))
    assert index.status_code == 200
    for model_admin in index.context["app_list"]:
        for model in model_admin["models"]:
            assert client.get(model["admin_url"]).status_code == 200, model["admin_url"]
            if model.get("add_url"):
                assert client.get(model["add_url"]).status_code == 200, model["add_url"]


def test_every_model_is_in_the_admin():
    from django.apps import apps
    from django.contrib import admin

    ours = ["governance", "improvement_plan", "scorecard"]
    missing = [
        model.__name__
        for name in ours
        for model in apps.get_app_config(name).get_models()
        if not admin.site.is_registered(model) and not model.__name__.startswith("Historical")
    ]
    assert missing == []
