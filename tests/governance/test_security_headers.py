"""Finding 10 and the 400/413 pages: Content-Security-Policy with no inline script or
style, no-store on signed-in pages and downloads, and GOV.UK pages for bad requests."""

import base64
import hashlib
import re
from pathlib import Path

import pytest
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.urls import reverse

from governance import errors, roles
from governance.middleware import NoStoreMiddleware
from improvement_plan.models import ProgressUpdate
from tests.governance.factories import BoardFactory, PostHolderFactory, UserFactory
from tests.improvement_plan.factories import ActionFactory

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Not pages a browser shows under the policy: mails, and PDFs drawn by WeasyPrint.
NOT_PAGES = ("email/", "/pdf/", "registration/password_reset_email.html")
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.I | re.S)
EVENT_ATTRIBUTE = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I | re.S)


def page_templates():
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        if not any(part in f"/{name}" for part in NOT_PAGES):
            yield name, path.read_text()


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in header.split(";") if d.strip()}


# Content-Security-Policy


def test_no_page_template_has_inline_script_style_or_event_handlers():
    found = []
    for name, text in page_templates():
        if name == "errors/500.html":  # self-contained; its stylesheet is allowed by hash
            text = re.sub(r"<style>.*?</style>", "", text, flags=re.S)
        for label, pattern in [
            ("inline <script>", INLINE_SCRIPT),
            ("style attribute", STYLE_ATTRIBUTE),
            ("on...= attribute", EVENT_ATTRIBUTE),
            ("<style> element", re.compile(r"<style\b", re.I)),
        ]:
            found += [f"{name}: {label}" for _ in pattern.findall(text)]
    assert found == []


@pytest.mark.parametrize("signed_in", [False, True])
def test_pages_carry_a_policy_of_this_site_only(client, signed_in):
    if signed_in:
        client.force_login(UserFactory(roles=[roles.VIEWER]))
    response = client.get(reverse("home" if signed_in else "login"))
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_the_js_enabled_class_comes_from_a_file(client):
    content = client.get(reverse("login")).content.decode()
    assert '<script src="/static/build/js-enabled.js"></script>' in content
    assert content.index("js-enabled.js") < content.index('class="govuk-skip-link"')
    source = (Path(settings.BASE_DIR) / "static/src/js-enabled.js").read_text()
    assert "govuk-frontend-supported" in source


def test_the_500_page_stylesheet_is_allowed_by_its_hash_alone(rf):
    request = rf.get("/")
    response = CSPMiddleware(lambda request: errors.server_error(request))(request)
    css = re.search(r"<style>(.*?)</style>", response.content.decode(), re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    assert policy(response)["style-src"] == [f"'sha256-{digest}'"]
    assert policy(response)["script-src"] == ["'self'"]


# Cache-Control: no-store


def test_signed_in_pages_are_not_stored(client):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    cache_control = client.get(reverse("home"))["Cache-Control"]
    assert "no-store" in cache_control
    assert "private" in cache_control


def test_public_pages_seen_signed_out_stay_cacheable(client):
    BoardFactory()
    response = client.get(reverse("public_board_list"))
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_download_is_not_stored_even_signed_out(client):
    board = BoardFactory()
    response = client.get(reverse("board_ical", args=[board.slug]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("response", "stored"),
    [
        (HttpResponse("page"), True),
        (FileResponse(iter([b"%PDF-"]), as_attachment=True, filename="pack.pdf"), False),
        (HttpResponse("a,b", headers={"Content-Disposition": "attachment"}), False),
    ],
)
def test_downloads_are_never_stored(rf, response, stored):
    request = rf.get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    result = NoStoreMiddleware(lambda request: response)(request)
    assert ("no-store" not in result.get("Cache-Control", "")) is stored


def test_an_evidence_download_is_not_stored(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from improvement_plan import services
    from tests.governance.meetings.factories import pdf_bytes

    director = UserFactory(roles=[roles.DIRECTOR])
    evidence = services.evidence_attach(
        action=ActionFactory(), uploaded_file=SimpleUploadedFile("a.pdf", pdf_bytes()),
        user=director,
    )  # fmt: skip
    client.force_login(director)
    response = client.get(reverse("evidence_download", args=[evidence.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


# 413 and 400


@pytest.fixture
def lead_and_action(client):
    lead = UserFactory(roles=[roles.LEAD_OFFICER])
    action = ActionFactory()
    PostHolderFactory(post=action.lead_posts.get(), person=lead)
    client.force_login(lead)
    return lead, action


def test_a_10_mb_comment_gets_the_too_big_page_with_a_way_back(client, lead_and_action):
    _, action = lead_and_action
    form_url = reverse("action_update", args=[action.pk])

    response = client.post(
        form_url,
        {"text": "x" * (10 * 1024 * 1024), "reported_rag": "green", "status": "in_progress"},
        HTTP_REFERER=f"http://testserver{form_url}",
    )

    assert response.status_code == 413
    content = response.content.decode()
    assert "<title>Your text or file is too big – " in content
    assert '<h1 class="govuk-heading-l" data-app-keep-drafts>Your text or file is too big</h1>' in (
        content
    )
    assert settings.SERVICE_NAME.replace("'", "&#x27;") in content
    assert 'class="govuk-service-navigation"' in content
    assert f'<a class="govuk-link" href="http://testserver{form_url}">Go back to the form</a>' in (
        content
    )
    assert "Content-Security-Policy" in response
    assert not ProgressUpdate.objects.exists()


def test_the_too_big_page_never_links_back_to_another_site(client, lead_and_action):
    _, action = lead_and_action
    response = client.post(
        reverse("action_update", args=[action.pk]),
        {"text": "x" * (6 * 1024 * 1024)},
        HTTP_REFERER="https://evil.example/phish",
    )
    assert response.status_code == 413
    assert "evil.example" not in response.content.decode()
    assert f'href="{reverse("home")}">Go to the home page' in response.content.decode()


def test_a_long_but_ordinary_form_is_read_as_usual(client, lead_and_action):
    _, action = lead_and_action
    response = client.post(reverse("action_update", args=[action.pk]), {"text": "é" * 100_000})
    assert response.status_code in (200, 302)


def test_a_bad_request_gets_the_govuk_400_page(client):
    response = client.get(reverse("login"), HTTP_HOST="not-our-host.example")
    assert response.status_code == 400
    content = response.content.decode()
    assert "Sorry, there is a problem with what was sent" in content
    assert 'class="govuk-skip-link"' in content
    assert "Content-Security-Policy" in response


def test_the_400_page_renders_on_its_own(rf):
    request = rf.get("/")
    response = errors.bad_request(request)
    assert response.status_code == 400
    assert "Go back, check what you entered and try again." in response.content.decode()


def test_a_form_sent_without_its_token_gets_a_govuk_page():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        reverse("login"), {"username": "a@example.gov.uk", "password": "x"}
    )
    assert response.status_code == 403
    content = response.content.decode()
    assert "Sorry, this form could not be sent" in content
    assert 'class="govuk-skip-link"' in content
