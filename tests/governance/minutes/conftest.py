import pytest

from governance import roles
from tests.governance.minutes.factories import meeting_on, panel, uk


@pytest.fixture
def board(db):
    return panel()


@pytest.fixture
def november(board):
    """The meeting of 2 November 2022 whose minutes the seed document holds."""
    return meeting_on(board, uk(2022, 11, 2))


@pytest.fixture
def january(board):
    """The next meeting, 11 January 2023, which approves November's minutes."""
    return meeting_on(board, uk(2023, 1, 11))


@pytest.fixture
def clerk(user_with_role):
    return user_with_role(roles.DEMOCRATIC_SERVICES, full_name="Dora Clerk")


@pytest.fixture
def viewer(user_with_role):
    return user_with_role(roles.VIEWER, full_name="Vic Viewer")


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """These tests make many people; a fast hasher keeps them quick (never in production)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
