"""Shared fixtures. Service tests skip without their service unless REQUIRE_SERVICES=1."""

import pytest
from django.conf import settings

from governance import roles
from tests.governance.factories import UserFactory


def require_or_skip(available: bool, why: str) -> None:
    """Skip a test whose service is absent, or fail it when CI requires every service."""
    if available:
        return
    if settings.REQUIRE_SERVICES:
        pytest.fail(f"REQUIRE_SERVICES=1 but {why}")
    pytest.skip(why)


@pytest.fixture
def user_with_role(db):
    """Makes a signed-in-able person holding one role: user_with_role(roles.VIEWER)."""

    def make(role: str, **kwargs):
        return UserFactory(roles=[role], **kwargs)

    return make


@pytest.fixture(params=roles.ALL_ROLES)
def any_role(request):
    return request.param
