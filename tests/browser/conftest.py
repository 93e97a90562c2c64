"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Tests here take the `page` fixture (a fresh browser context at the live server's
URL) and mark themselves `@pytest.mark.browser` and
`@pytest.mark.django_db(transaction=True, serialized_rollback=True)`: the live
server runs in another thread, so test data must be committed, and the rollback
brings back the roles the migrations create.

`assert_accessible(page)` runs axe-core on the page as it stands and fails with
axe's report. `sign_in(page, email)` signs in through the real form.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.conftest import require_or_skip
from tests.governance.factories import PASSWORD

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BUILT_ASSETS = Path(settings.BASE_DIR) / "static" / "build" / "app.css"

# axe-core's default rules (WCAG 2.0-2.2 A and AA, and best practice) plus the
# WCAG 2.2 AA target size rule, which axe leaves off by default.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


@pytest.fixture(scope="module")
def browser():
    """One Chromium for a module of tests.

    Playwright's sync API keeps an asyncio event loop running in this thread, and
    Django refuses database calls from a thread with a running loop unless
    DJANGO_ALLOW_ASYNC_UNSAFE is set. It is set only while the browser is open.
    """
    require_or_skip(os.path.exists(CHROMIUM), "Debian's chromium is not installed")
    require_or_skip(BUILT_ASSETS.exists(), "static/build is not built: run `make assets`")
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    serialized = _serialized_test_databases()
    try:
        with sync_playwright() as playwright:
            _keep_serialized_test_databases(serialized)
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _serialized_test_databases() -> dict[str, str]:
    """The test databases' contents as created, which serialized_rollback restores."""
    from django.db import connections

    return {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all(initialized_only=True)
        if hasattr(connection, "_test_serialized_contents")
    }


def _keep_serialized_test_databases(serialized: dict[str, str]) -> None:
    """Hand the serialized contents on to the connections Django uses while Playwright runs.

    Django keeps connections in an asgiref Local, which is thread-local until an
    event loop runs in the thread and context-local after: with Playwright
    started, this thread gets new connection objects. If the test database was
    created earlier (by tests that ran before this module), those new objects
    lack the serialized contents, and serialized_rollback would silently restore
    nothing, losing the roles the migrations made.
    """
    from django.db import connections

    for alias, contents in serialized.items():
        connections[alias]._test_serialized_contents = contents


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def assert_accessible(page) -> None:
    """No axe-core violations on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def sign_in(page, email: str, password: str = PASSWORD) -> None:
    """Sign in through the sign-in form, as a person would, and wait for the next page."""
    page.goto(reverse("login"))
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
