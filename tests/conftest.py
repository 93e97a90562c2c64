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


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads, papers and packs a test saves go to its own folder, never media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def tasks_in_process():
    """Celery tasks run at once in this process, as with no broker, even where CI
    configures Redis: for tests of what a task does, not of the queue."""
    from governance.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def user_with_role(db):
    """Makes a signed-in-able person holding one role: user_with_role(roles.VIEWER)."""

    def make(role: str, **kwargs):
        return UserFactory(roles=[role], **kwargs)

    return make


@pytest.fixture(params=roles.ALL_ROLES)
def any_role(request):
    return request.param
