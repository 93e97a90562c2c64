"""The page frame every page shares, the sign-in pages, error pages and GOV.UK tables."""

import datetime
import html
import re

import django_tables2 as tables
import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.core.exceptions import PermissionDenied
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from governance import errors, roles
from tests.governance.factories import PASSWORD, PostFactory, PostHolderFactory, UserFactory
from tests.improvement_plan.factories import ActionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def viewer(client):
    user = UserFactory(roles=[roles.VIEWER], full_name="Vera Viewer")
    client.force_login(user)
    return user


def page_title(content: str) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", content, re.S).group(1)).strip()


def nav_links(content: str) -> dict[str, str]:
    """Navigation item text -> its aria-current value ("" when not current)."""
    items = re.findall(
        r'<a class="govuk-service-navigation__link" href="([^"]+)"( aria-current="(\w+)")?>\s*'
        r"(?:<strong[^>]*>)?([^<]+?)\s*(?:</strong>)?\s*</a>",
        content,
    )
    return {text: current for _, _, current, text in items}


# The frame, signed in


def test_signed_in_page_has_skip_link_header_navigation_and_footer(client, viewer, settings):
    content = client.get(reverse("home")).content.decode()
    assert '<html lang="en-GB" class="govuk-template">' in content
    assert content.index('class="govuk-skip-link"') < content.index("<header")
    assert '<a href="#main-content" class="govuk-skip-link"' in content
    assert '<main class="govuk-main-wrapper" id="main-content">' in content
    assert html.escape(settings.COUNCIL_NAME) in content
    assert html.escape(settings.SERVICE_NAME) in content
    assert "<footer" in content
    assert "GOV.UK" not in content
    assert "govuk-header__logotype" not in content  # no crown
    assert nav_links(content) == {
        "Home": "page",
        "Improvement plan": "",
        "Scorecard": "",
        "Meetings": "",
    }


def test_navigation_links_go_to_each_section(client, viewer):
    content = client.get(reverse("home")).content.decode()
    for url_name in ("home", "plan_overview", "scorecard_overview", "meeting_list"):
        assert f'class="govuk-service-navigation__link" href="{reverse(url_name)}"' in content


def test_section_is_marked_on_pages_under_it(client, viewer):
    content = client.get(reverse("plan_overview") + "no-such-page/").content.decode()
    assert nav_links(content)["Improvement plan"] == "true"
    assert nav_links(content)["Home"] == ""


def test_title_names_the_page_then_the_service(client, viewer, settings):
    content = client.get(reverse("home")).content.decode()
    assert (
        page_title(content) == f"Where the plan and the scorecard stand – {settings.SERVICE_NAME}"
    )


def test_signed_in_person_is_named_with_change_password_and_sign_out(client, viewer):
    content = client.get(reverse("home")).content.decode()
    assert "Vera Viewer" in content
    assert f'href="{reverse("password_change")}">Change password</a>' in content
    form = re.search(r"<form[^>]*>.*?Sign out.*?</form>", content, re.S).group(0)
    assert 'method="post"' in form
    assert f'action="{reverse("logout")}"' in form
    assert 'name="csrfmiddlewaretoken"' in form
    assert '<button type="submit" class="app-link-button app-link-button--inverse">Sign out' in form


def test_stylesheet_and_scripts_are_loaded(client, viewer):
    content = client.get(reverse("home")).content.decode()
    assert '<link rel="stylesheet" href="/static/build/app.css">' in content
    assert (
        '<script type="module" src="/static/build/app.mjs" '
        'data-govuk-frontend="/static/build/govuk-frontend.min.js"></script>'
    ) in content
    assert "js-enabled" in content


def test_messages_show_as_notification_banners():
    content = render_to_string(
        "includes/messages.html",
        {
            "messages": [
                Message(constants.SUCCESS, "Progress update saved"),
                Message(constants.INFO, "The plan was imported"),
            ]
        },
    )
    assert 'class="govuk-notification-banner govuk-notification-banner--success" role="alert"' in (
        content
    )
    assert 'class="govuk-notification-banner" role="region"' in content
    assert ">Success</h2>" in content
    assert ">Important</h2>" in content
    assert "Progress update saved" in content
    ids = re.findall(r'id="(govuk-notification-banner-title-\d+)"', content)
    assert len(ids) == len(set(ids)) == 2


# Home


def test_home_says_which_posts_are_held_and_how_many_actions_are_overdue(client, viewer):
    post = PostFactory(name="AD CSC")
    PostHolderFactory(post=post, person=viewer)
    PostHolderFactory(post=PostFactory(name="DCS"), person=viewer)
    ActionFactory(lead_posts=[post], due_date=datetime.date(2023, 3, 31), reference="1.1.1")
    ActionFactory(lead_posts=[post], due_date=datetime.date(2023, 4, 30), reference="1.1.2")
    content = client.get(reverse("home")).content.decode()
    assert '<h1 class="govuk-heading-l">Your actions</h1>' in content
    assert "You hold: AD CSC, DCS." in content
    assert "Your posts lead 2 actions." in content
    assert "2 of your actions are overdue." in content
    assert 'class="govuk-table"' in content
    assert "1.1.1" in content


def test_home_says_so_when_no_posts_are_held(client):
    lead = UserFactory(roles=[roles.LEAD_OFFICER])
    client.force_login(lead)
    content = client.get(reverse("home")).content.decode()
    assert '<h1 class="govuk-heading-l">Your actions</h1>' in content
    assert "You do not hold any posts today" in content
    assert "overdue" not in content


def test_a_viewer_without_posts_is_not_told_about_posts(client, viewer):
    content = client.get(reverse("home")).content.decode()
    assert '<h1 class="govuk-heading-l">Where the plan and the scorecard stand</h1>' in content
    assert "You do not hold any posts today" not in content


# Signed out: sign in and the password pages


def test_sign_in_page_shows_only_the_service_name(client, settings):
    content = client.get(reverse("login")).content.decode()
    assert page_title(content) == f"Sign in – {settings.SERVICE_NAME}"
    assert nav_links(content) == {}
    assert "Sign out" not in content
    assert "Change password" not in content
    assert html.escape(settings.SERVICE_NAME) in content
    assert '<h1 class="govuk-heading-l">Sign in</h1>' in content
    assert '<label class="govuk-label" for="id_username">Email address</label>' in content
    assert 'autocomplete="email"' in content
    assert 'autocomplete="current-password"' in content
    assert f'href="{reverse("password_reset")}">Forgotten your password?</a>' in content
    assert "govuk-error-summary" not in content


def test_wrong_password_shows_the_error_summary(client):
    user = UserFactory(roles=[roles.VIEWER])
    response = client.post(reverse("login"), {"username": user.email, "password": "wrong"})
    content = response.content.decode()
    assert page_title(content).startswith("Error: Sign in – ")
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', content, re.S).group(0)
    assert '<a href="#id_username">Enter a correct email address and password.' in summary
    assert content.index("govuk-error-summary") < content.index("<h1")
    assert f'value="{user.email}"' in content


def test_empty_sign_in_says_what_to_enter(client):
    content = client.post(reverse("login"), {"username": "", "password": ""}).content.decode()
    assert '<a href="#id_username">Enter your email address</a>' in content
    assert '<a href="#id_password">Enter your password</a>' in content
    assert 'aria-describedby="id_username-error"' in content


def test_sign_in_keeps_where_the_person_was_going(client):
    content = client.get(reverse("login") + "?next=/plan/").content.decode()
    assert '<input type="hidden" name="next" value="/plan/">' in content


def test_signing_in_through_the_form_reaches_home(client):
    user = UserFactory(roles=[roles.VIEWER])
    response = client.post(
        reverse("login"), {"username": user.email, "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Where the plan and the scorecard stand" in response.content.decode()


@pytest.mark.parametrize(
    ("url_name", "heading"),
    [
        ("password_reset", "Reset your password"),
        ("password_reset_done", "Check your email"),
        ("password_reset_complete", "Password reset"),
    ],
)
def test_password_reset_pages_render(client, url_name, heading):
    content = client.get(reverse(url_name)).content.decode()
    assert heading in content
    assert content.count("<h1") == 1


def test_password_change_pages_render(client, viewer):
    content = client.get(reverse("password_change")).content.decode()
    assert "<h1" in content
    assert "Change your password" in content
    assert 'autocomplete="new-password"' in content
    content = client.post(reverse("password_change"), {"old_password": "nope"}).content.decode()
    assert page_title(content).startswith("Error: Change your password")
    assert 'href="#id_old_password"' in content
    assert "Password changed" in client.get(reverse("password_change_done")).content.decode()


def test_expired_reset_link_says_so(client):
    content = client.get(
        reverse("password_reset_confirm", kwargs={"uidb64": "MQ", "token": "bad-token"})
    ).content.decode()
    assert "Reset link has expired" in content
    assert f'href="{reverse("password_reset")}"' in content


def test_reset_email_has_plain_text_and_html_with_the_link(client, mailoutbox):
    user = UserFactory(roles=[roles.VIEWER], full_name="Rita Reset")
    client.post(reverse("password_reset"), {"email": user.email})
    (message,) = mailoutbox
    assert message.subject == "Reset your password"
    assert "Dear Rita Reset" in message.body
    assert "<" not in message.body
    link = re.search(r"https?://\S+/accounts/password/reset/\S+/", message.body).group(0)
    (html_body, mimetype) = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="{link}"' in html_body


def test_locked_out_page_explains_in_words():
    request = RequestFactory().post(reverse("login"))
    request.user = AnonymousUser()
    content = render_to_string(
        "registration/locked_out.html",
        {
            "failure_limit": 5,
            "username": "ana@example.gov.uk",
            "cooloff_timedelta": datetime.timedelta(minutes=15),
        },
        request=request,
    )
    assert "Your account is locked for now" in content
    assert "too many attempts to sign in as ana@example.gov.uk" in content
    assert "Wait 15 minutes, then try again." in content
    assert "administrator" in content


def test_too_many_wrong_passwords_show_the_locked_out_page(client, settings):
    user = UserFactory(roles=[roles.VIEWER])
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": user.email, "password": "wrong"})
    response = client.post(reverse("login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 429
    content = response.content.decode()
    assert page_title(content).startswith("Your account is locked for now – ")
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert f"Wait {minutes} minutes, then try again." in content
    assert 'class="govuk-skip-link"' in content


# Error pages


def test_404_page_is_in_the_frame(client, viewer):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    content = response.content.decode()
    assert page_title(content).startswith("Page not found – ")
    assert '<h1 class="govuk-heading-l">Page not found</h1>' in content
    assert "If you typed the web address, check it is correct." in content
    assert 'class="govuk-skip-link"' in content
    assert "Sign out" in content


def test_403_page_is_in_the_frame(rf, viewer):
    request = rf.get("/plan/")
    request.user = viewer
    response = errors.permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    content = response.content.decode()
    assert "You do not have permission to see this page" in content
    assert 'class="govuk-skip-link"' in content


def test_500_page_needs_no_database(rf, django_assert_num_queries):
    request = rf.get("/")
    with django_assert_num_queries(0):
        response = errors.server_error(request)
    assert response.status_code == 500
    content = response.content.decode()
    assert "Sorry, there is a problem with the service" in content
    assert "/static/" not in content


# Tables


class PeopleTable(tables.Table):
    caption = "People on the board"
    name = tables.Column("Name")
    role = tables.Column("Role", orderable=False)
    count = tables.Column(
        "Meetings",
        attrs={
            "th": {"class": "govuk-table__header--numeric"},
            "td": {"class": "govuk-table__cell--numeric"},
        },
    )

    class Meta:
        empty_text = "Nobody sits on this board."


def render_table(table, query="") -> str:
    request = RequestFactory().get("/people/" + query)
    tables.RequestConfig(request, paginate={"per_page": 2}).configure(table)
    return Template("{% load django_tables2 %}{% render_table table %}").render(
        Context({"table": table, "request": request})
    )


PEOPLE = [{"name": f"Person {n}", "role": "Member", "count": n} for n in range(1, 6)]


def test_table_is_a_govuk_table_in_a_scrolling_region():
    content = render_table(PeopleTable(PEOPLE))
    assert '<table class="govuk-table">' in content
    assert (
        '<div class="app-table-region" role="region" tabindex="0" data-app-scroll-region '
        'aria-labelledby="table-caption">'
    ) in content
    assert (
        '<caption id="table-caption" class="govuk-table__caption govuk-table__caption--m">'
        "People on the board</caption>"
    ) in content
    assert '<th scope="col" class="govuk-table__header govuk-table__header--numeric' in content
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">1</td>' in content
    assert 'class="govuk-table__row' in content


def test_sortable_headers_are_links_with_aria_sort():
    content = render_table(PeopleTable(PEOPLE), "?sort=-name&area=north&page=2")
    name = re.search(r"<th[^>]*>\s*<a[^>]*>Name", content).group(0)
    assert 'aria-sort="descending"' in name
    assert 'href="?sort=name&amp;area=north"' in name, "sorting keeps filters, goes to page 1"
    meetings = re.search(r"<th[^>]*>\s*<a[^>]*>Meetings", content).group(0)
    assert 'aria-sort="none"' in meetings
    role = re.search(r"<th[^>]*>\s*Role", content).group(0)
    assert "aria-sort" not in role
    assert "Person 3" in content
    assert "Person 5" not in content


def test_pagination_is_govuk_and_keeps_other_parameters():
    content = render_table(PeopleTable(PEOPLE), "?area=north&page=2")
    nav = re.search(r'<nav class="govuk-pagination".*?</nav>', content, re.S).group(0)
    assert 'aria-label="Pages of People on the board"' in nav
    assert 'rel="prev"' in nav
    assert 'rel="next"' in nav
    assert re.search(r'href="\?area=north&amp;page=2" aria-label="Page 2" aria-current="page"', nav)
    assert 'href="?area=north&amp;page=3" aria-label="Page 3">' in nav
    assert 'Previous<span class="govuk-visually-hidden"> page</span>' in nav


def test_empty_table_says_so_and_has_no_pagination():
    content = render_table(PeopleTable([]))
    assert '<td class="govuk-table__cell" colspan="3">Nobody sits on this board.</td>' in content
    assert "govuk-pagination" not in content
