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


# Finding 9: lockout by user and address together, the address read through the proxy.

PROXY = "10.0.0.5"


def sign_in_from(client, address, email, password=PASSWORD):
    """A sign-in that reached us through the HTTPS proxy from `address`."""
    return client.post(
        reverse("login"),
        {"username": email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


@pytest.fixture
def director():
    return UserFactory(email="director@example.gov.uk", roles=[roles.DIRECTOR])


def test_failures_from_one_address_do_not_lock_the_director_out_elsewhere(
    client, settings, behind_one_proxy, director
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in_from(client, "203.0.113.66", director.email, "guess")
    assert sign_in_from(client, "203.0.113.66", director.email).status_code == 429

    response = sign_in_from(client, "198.51.100.10", director.email)

    assert response.status_code == 302
    assert response.url == reverse("home")


def test_failures_against_one_user_count_per_address(client, settings, behind_one_proxy, director):
    addresses = ["203.0.113.1", "203.0.113.2", "203.0.113.3"]
    for address in addresses:
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            sign_in_from(client, address, director.email, "guess")
    # 12 failures against the Director so far, none locked: the limit is per address.
    assert sign_in_from(client, addresses[0], director.email, "guess").status_code == 429
    assert sign_in_from(client, addresses[0], director.email).status_code == 429
    for address in addresses[1:]:
        assert sign_in_from(client, address, director.email).status_code == 302
        client.logout()


def test_a_locked_address_is_locked_only_for_that_user(client, settings, behind_one_proxy):
    first, second = UserFactory(roles=[roles.VIEWER]), UserFactory(roles=[roles.VIEWER])
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in_from(client, "203.0.113.66", first.email, "guess")
    assert sign_in_from(client, "203.0.113.66", second.email).status_code == 302


def test_a_forged_left_entry_does_not_choose_the_address(client, settings, behind_one_proxy):
    user = UserFactory(roles=[roles.VIEWER])
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in_from(client, f"198.51.100.{attempt}, 203.0.113.66", user.email, "guess")
    assert sign_in_from(client, "203.0.113.66", user.email).status_code == 429


def test_without_a_trusted_proxy_the_header_is_ignored(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    user = UserFactory(roles=[roles.VIEWER])
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in_from(client, f"198.51.100.{attempt}", user.email, "guess")
    assert sign_in_from(client, "203.0.113.200", user.email).status_code == 429
