"""The role-by-URL matrix (issue 11, "Done when"): every URL pattern, every role and
people signed out, GET and POST.

Each cell asks one URL as one audience with one method and checks what comes back
against the rule in tests/url_matrix/expectations.py: the page or a refusal (403, sign
in, 404 on public pages, 405 for a method the view does not take), never a server
error, never text the audience may not see (an exempt item's papers, minutes and
interests without governance.view_full_papers; figures not yet approved to those who do
not work on them), and nothing a cache may keep (Cache-Control: no-store) when the
visitor is signed in or is sent a file (issue 11, finding 10). A URL pattern with no
rule in the table fails test_every_url_pattern_has_a_rule, so a new view cannot arrive
without one.

The world (tests/url_matrix/world.py) is built once for the module inside a transaction
that is rolled back at the end; each cell runs in its own savepoint, so a POST that
changes something is undone before the next cell.
"""

import io
import zipfile

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client, override_settings
from django.urls import resolve, reverse

from tests.url_matrix.expectations import (
    EVERYONE,
    FULL_PAPERS,
    GET,
    MANAGERS,
    NOBODY,
    POST,
    RULES,
    SEE_UNAPPROVED,
    SIGN_IN,
    Case,
)
from tests.url_matrix.known_failures import KNOWN_FAILURES
from tests.url_matrix.patterns import url_pattern_keys
from tests.url_matrix.world import (
    ADMINISTRATOR,
    ANONYMOUS,
    AUDIENCES,
    EXEMPT_MARKERS,
    SIGNED_OUT,
    SWITCHED_OFF,
    UNAPPROVED_MARKERS,
    VIEWER,
    build_world,
    switch_off,
)

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def cell_id(key: str, label: str, audience: str, method: str) -> str:
    return f"{key}{f'[{label}]' if label else ''}-{audience}-{method}"


def cells():
    for key, cases in RULES.items():
        for index, case in enumerate(cases):
            for audience in AUDIENCES:
                for method in (GET, POST):
                    reason = KNOWN_FAILURES.get((key, case.label, audience, method))
                    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                    yield pytest.param(
                        key,
                        index,
                        audience,
                        method,
                        id=cell_id(key, case.label, audience, method),
                        marks=marks,
                    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The world and a signed-in session per audience, rolled back after the module."""
    media = tmp_path_factory.mktemp("url-matrix-media")
    with (
        override_settings(MEDIA_ROOT=str(media), PASSWORD_HASHERS=FAST_HASHERS),
        django_db_blocker.unblock(),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            built = build_world()
            built.media = media
            built.sessions = {}
            for audience, person in built.people.items():
                client = Client()
                client.force_login(person)
                built.sessions[audience] = client.cookies[settings.SESSION_COOKIE_NAME].value
            switch_off(built)
            yield built
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def media_root(request, settings, tmp_path):
    """Files the world stored stay where it stored them (replaces tests/conftest.py's)."""
    if "world" in request.fixturenames:
        settings.MEDIA_ROOT = str(request.getfixturevalue("world").media)
    else:
        settings.MEDIA_ROOT = tmp_path / "media"


def client_for(world, audience: str) -> Client:
    client = Client()
    if audience != ANONYMOUS:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[audience]
    return client


def body_text(response) -> str:
    """What was sent, as text: a page, a download, or the text inside a Word document."""
    # Reading a streamed file to the end closes it as a server would; closing it again
    # would end the test's transaction on PostgreSQL.
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith(DOCX_TYPE):
        with zipfile.ZipFile(io.BytesIO(data)) as document:
            data = b" ".join(
                document.read(name) for name in document.namelist() if name.endswith(".xml")
            )
    return data.decode("utf-8", errors="replace")


def sends_a_file(response) -> bool:
    """A download or feed: a streamed file, or anything named to be saved or opened."""
    return response.streaming or response.has_header("Content-Disposition")


def leaked(audience: str, text: str) -> list[str]:
    """Markers in `text` the audience may not be sent."""
    markers = []
    if audience not in FULL_PAPERS:
        markers += [marker for marker in EXEMPT_MARKERS if marker in text]
    if audience not in SEE_UNAPPROVED:
        markers += [marker for marker in UNAPPROVED_MARKERS if marker in text]
    return markers


def check_status(response, expected) -> None:
    status = response.status_code
    if expected == SIGN_IN:
        assert status == 302, f"expected a redirect to sign in, got {status}"
        assert response["Location"].startswith(reverse("login")), response["Location"]
    elif expected == "allowed":
        assert status not in (403, 404, 405), f"expected the POST to be taken, got {status}"
        if status == 302:
            assert not response["Location"].startswith(reverse("login")), response["Location"]
    elif isinstance(expected, frozenset):
        assert status in expected, f"expected one of {sorted(expected)}, got {status}"
    else:
        assert status == expected, f"expected {expected}, got {status}"


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "index", "audience", "method"), list(cells()))
def test_cell(world, key, index, audience, method):
    case = RULES[key][index]
    url = case.url(world)
    client = client_for(world, audience)
    if case.prepare is not None:
        case.prepare(client)

    response = client.get(url) if method == GET else client.post(url, {})

    assert response.status_code < 500, f"{method} {url} as {audience}: server error"
    check_status(response, case.expected(audience, method))
    if audience not in SIGNED_OUT or sends_a_file(response):
        assert "no-store" in response.get("Cache-Control", ""), "may be kept by a cache"
    if response.status_code == 200:
        found = leaked(audience, body_text(response))
        assert not found, f"{method} {url} as {audience} was sent {found}"


def test_every_url_pattern_has_a_rule():
    """A new view must come with its rule in tests/url_matrix/expectations.py."""
    assert sorted(url_pattern_keys() - set(RULES)) == []


def test_a_new_view_without_a_rule_is_caught():
    with override_settings(ROOT_URLCONF="tests.url_matrix.extra_urls"):
        missing = url_pattern_keys() - set(RULES)

    assert missing == {"new_page_without_rule", "reports/unnamed/"}


def test_every_rule_names_a_url_pattern():
    assert sorted(set(RULES) - url_pattern_keys()) == []


def test_every_known_failure_names_a_cell():
    cells_held = {
        (key, case.label, audience, method)
        for key, cases in RULES.items()
        for case in cases
        for audience in AUDIENCES
        for method in (GET, POST)
    }
    assert sorted(set(KNOWN_FAILURES) - cells_held) == []


@pytest.mark.django_db
def test_each_case_asks_the_url_pattern_it_is_filed_under(world):
    for key, cases in RULES.items():
        for case in cases:
            assert resolve(case.url(world).split("?")[0]).view_name == key


def nowhere(world):
    return "/"


FORM = Case(nowhere, MANAGERS)
READ_ONLY = Case(nowhere, MANAGERS, methods=(GET,))
BUTTON = Case(nowhere, MANAGERS, methods=(POST,))
PUBLIC = Case(nowhere, EVERYONE, methods=(GET,), method_first=True)
HIDDEN = Case(nowhere, NOBODY, methods=(GET,), method_first=True, refused=404, signed_out=404)


@pytest.mark.parametrize(
    ("case", "audience", "method", "expected"),
    [
        (FORM, ADMINISTRATOR, GET, 200),
        (FORM, ADMINISTRATOR, POST, "allowed"),
        (FORM, VIEWER, GET, 403),
        (FORM, VIEWER, POST, 403),
        (FORM, ANONYMOUS, POST, SIGN_IN),
        (FORM, SWITCHED_OFF, GET, SIGN_IN),
        (READ_ONLY, ADMINISTRATOR, POST, 405),
        (READ_ONLY, VIEWER, POST, 403),
        (READ_ONLY, ANONYMOUS, POST, SIGN_IN),
        (BUTTON, ADMINISTRATOR, GET, 405),
        (BUTTON, VIEWER, GET, 403),
        (PUBLIC, ANONYMOUS, GET, 200),
        (PUBLIC, VIEWER, POST, 405),
        (HIDDEN, ANONYMOUS, GET, 404),
        (HIDDEN, ADMINISTRATOR, GET, 404),
        (HIDDEN, ANONYMOUS, POST, 405),
    ],
)
def test_what_a_cell_expects(case, audience, method, expected):
    """The rule reading the table: staff views check who before the method, public
    views the method first; a switched-off account is signed out."""
    assert case.expected(audience, method) == expected
