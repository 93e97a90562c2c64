"""Staff sign in through web forms: sign in, sign out, change and reset password, lockout."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from governance import roles
from tests.governance.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def sign_in(client, email, password=PASSWORD):
    return client.post(reverse("login"), {"username": email, "password": password})


@pytest.mark.parametrize("role", roles.ALL_ROLES)
def test_each_role_signs_in_and_reaches_home(client, role):
    user = UserFactory(roles=[role])
    response = sign_in(client, user.email)
    assert response.status_code == 302
    assert response.url == reverse("home")
    home = client.get(reverse("home"))
    assert home.status_code == 200
    assert home.context["user"] == user


def test_email_is_matched_whatever_its_case(client):
    user = UserFactory(email="ana.lead@example.gov.uk", roles=[roles.LEAD_OFFICER])
    response = sign_in(client, "Ana.Lead@Example.gov.uk")
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"] == user


def test_wrong_password_is_refused_with_a_message(client):
    user = UserFactory(roles=[roles.VIEWER])
    response = sign_in(client, user.email, "not the password")
    assert response.status_code == 200
    assert "Enter a correct email address and password" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_pages_need_sign_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_sign_out_is_a_post(client):
    user = UserFactory(roles=[roles.VIEWER])
    client.force_login(user)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_repeated_failures_lock_the_account_for_a_while(client, settings):
    user = UserFactory(roles=[roles.VIEWER])
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, user.email, "wrong")
    locked = sign_in(client, user.email)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "locked" in locked.content.decode().lower()


def test_change_password(client):
    user = UserFactory(roles=[roles.LEAD_OFFICER])
    client.force_login(user)
    new = "a much longer new passphrase 42"
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)


def test_reset_password_by_email(client):
    user = UserFactory(roles=[roles.BOARD_MEMBER])
    response = client.post(reverse("password_reset"), {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    link = re.search(r"https?://[^/]+(/accounts/password/reset/[^\s\"<]+/)", message.body)
    assert link, message.body
    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    new = "reset passphrase for the board 7"
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)


def test_reset_for_an_unknown_address_says_nothing_different(client):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.gov.uk"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_changing_the_case_of_the_address_does_not_reset_the_count(client, settings):
    user = UserFactory(email="casey@example.gov.uk", roles=[roles.VIEWER])
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        address = user.email.upper() if attempt % 2 else user.email
        sign_in(client, address, "wrong")
    assert sign_in(client, user.email).status_code == 429
