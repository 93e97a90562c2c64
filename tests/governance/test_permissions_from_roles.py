"""Permissions come from roles only (governance.permissions.SignInBackend): a permission
row cannot widen a role, signing in still works, and a page asks nothing about rows."""

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance import roles
from tests.governance.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_permission_row_on_the_role_grants_nothing():
    viewer = UserFactory(roles=[roles.VIEWER])
    change = Permission.objects.get(codename="change_action")
    Group.objects.get(name=roles.VIEWER).permissions.add(change)
    viewer.user_permissions.add(Permission.objects.get(codename="delete_action"))

    assert not viewer.has_perm("improvement_plan.change_action")
    assert not viewer.has_perm("improvement_plan.delete_action")
    assert viewer.has_perm("improvement_plan.view_action")  # the role's rule


def test_sign_in_by_email_and_password_still_works():
    person = UserFactory(email="ann@example.gov.uk", roles=[roles.VIEWER])
    person.set_password("a long enough password")
    person.save()
    request = RequestFactory().post("/accounts/sign-in/")

    signed_in = authenticate(
        request, username="ann@example.gov.uk", password="a long enough password"
    )

    assert signed_in == person
    assert authenticate(request, username="ann@example.gov.uk", password="wrong") is None


def test_a_refused_permission_asks_the_database_nothing_more(client):
    viewer = UserFactory(roles=[roles.VIEWER])
    viewer.has_perm("improvement_plan.view_action")  # reads the roles once
    with CaptureQueriesContext(connection) as asked:
        assert not viewer.has_perm("governance.manage_meetings")
    assert len(asked) == 0


def test_the_roles_admin_offers_only_a_name(client):
    client.force_login(UserFactory(roles=[roles.ADMINISTRATOR], is_staff=True))
    page = client.get(reverse("admin:auth_group_add"))

    assert page.status_code == 200
    assert 'name="name"' in page.text
    assert 'name="permissions"' not in page.text
