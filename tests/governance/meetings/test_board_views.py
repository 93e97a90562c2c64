"""The boards pages: the list, a board's page with its members and meetings, and the
forms that add and change boards and memberships, with GOV.UK error summaries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import roles
from governance.models import Board, Membership
from tests.governance.factories import (
    BoardFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.governance.meetings.editing import edit

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def officer_client(client):
    client.force_login(UserFactory(roles=[roles.DEMOCRATIC_SERVICES]))
    return client


@pytest.fixture
def viewer_client(client):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    return client


@pytest.fixture
def board():
    return BoardFactory(
        name="Improvement Board", slug="improvement-board", kind="improvement_board",
        terms_of_reference="To oversee the improvement plan.\n\nTo receive the scorecard.",
        contact_name="Paul Radcliffe", contact_email="paul.radcliffe@example.gov.uk",
    )  # fmt: skip


def test_the_list_shows_each_boards_kind_members_today_and_next_meeting(viewer_client, board):
    MembershipFactory(board=board, start_date=TODAY - datetime.timedelta(days=10))
    MembershipFactory(board=board, start_date=TODAY - datetime.timedelta(days=300),
                      end_date=TODAY - datetime.timedelta(days=1))  # fmt: skip
    soon = timezone.now() + datetime.timedelta(days=3)
    MeetingFactory(board=board, starts_at=soon)
    MeetingFactory(board=board, starts_at=soon - datetime.timedelta(days=1), status="cancelled")
    BoardFactory(name="Scrutiny Panel", slug="scrutiny-panel")

    response = viewer_client.get(reverse("board_list"))

    text = response.text
    rows = response.context["rows"]
    assert [(b.name, b.member_count) for b, _ in rows] == [
        ("Improvement Board", 1),
        ("Scrutiny Panel", 0),
    ]
    assert rows[0][1].startswith(timezone.localtime(soon).strftime("%A %-d %B %Y"))
    assert "None arranged" in text
    assert 'href="/boards/improvement-board/"' in text
    assert "Add a board" not in text


def test_the_board_page_shows_terms_members_and_meetings(viewer_client, board):
    chair = MembershipFactory(
        board=board, role="chair", person=UserFactory(full_name="Cllr Sharif"),
        organisation=OrganisationFactory(name="Tameside Council"),
        deputy=UserFactory(full_name="Cllr Martin"), start_date=datetime.date(2022, 5, 1),
    )  # fmt: skip
    MembershipFactory(board=board, person=UserFactory(full_name="Aaron Adviser"), role="adviser")
    MembershipFactory(
        board=board, person=UserFactory(full_name="Cllr Welsh"),
        start_date=datetime.date(2021, 5, 1), end_date=datetime.date(2022, 4, 30),
    )  # fmt: skip
    past = MeetingFactory(
        board=board, starts_at=datetime.datetime(2023, 1, 11, 18, tzinfo=datetime.UTC)
    )
    future = MeetingFactory(board=board, starts_at=timezone.now() + datetime.timedelta(days=5))

    response = viewer_client.get(reverse("board_detail", args=[board.slug]))

    page = response.context["page"]
    assert page.current_members[0] == chair  # the chair first, then by role
    assert [m.person.full_name for m in page.current_members] == ["Cllr Sharif", "Aaron Adviser"]
    assert [m.person.full_name for m in page.past_members] == ["Cllr Welsh"]
    assert (page.upcoming, page.past) == ([future], [past])
    text = response.text
    for words in ["To oversee the improvement plan.", "Tameside Council", "Cllr Martin",
                  "1 May 2022", "Continuing", "30 April 2022", "Wednesday 11 January 2023, 6pm",
                  "mailto:paul.radcliffe@example.gov.uk"]:  # fmt: skip
        assert words in text
    assert "Add a member" not in text
    assert "Arrange a meeting" not in text


def test_managers_see_the_links_to_change_the_board(officer_client, board):
    membership = MembershipFactory(board=board)

    text = officer_client.get(reverse("board_detail", args=[board.slug])).text

    assert reverse("membership_add", args=[board.slug]) in text
    assert reverse("membership_update", args=[board.slug, membership.pk]) in text
    assert reverse("board_update", args=[board.slug]) in text
    assert f"{reverse('meeting_create')}?board=improvement-board" in text


def test_adding_a_board(officer_client):
    response = officer_client.post(
        reverse("board_create"),
        {"name": "Corporate Parenting Board", "kind": "corporate_parenting",
         "items_start_on_odd_pages": "on", "default_place": "Tameside One"},
    )  # fmt: skip

    board = Board.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("board_detail", args=["corporate-parenting-board"])
    assert (board.default_place, board.items_start_on_odd_pages, board.is_public) == (
        "Tameside One",
        True,
        False,
    )


def test_the_board_form_shows_its_errors_in_a_summary(officer_client, board):
    response = officer_client.post(
        reverse("board_create"),
        {"name": "Improvement Board", "slug": "bad slug!", "contact_email": "nope"},
    )

    text = response.text
    assert response.status_code == 200
    assert "<title>Error: Add a board" in text
    assert "govuk-error-summary" in text
    for message in [
        "Select the kind of board",
        "The short name may only have letters, numbers and hyphens",
        "Enter an email address in the correct format, like name@example.gov.uk",
    ]:
        assert message in text
    response = officer_client.post(
        reverse("board_create"), {"name": "improvement board", "kind": "other"}
    )
    assert "A board with this name already exists" in response.text
    assert Board.objects.count() == 1


def test_changing_a_board(officer_client, board):
    url = reverse("board_update", args=[board.slug])
    form = officer_client.get(url).context["form"]
    assert form.initial["name"] == "Improvement Board"

    response = edit(
        officer_client,
        url,
        {"name": "Improvement Board", "slug": "ib", "kind": "improvement_board"},
    )

    assert response.url == reverse("board_detail", args=["ib"])
    board.refresh_from_db()
    assert (board.slug, board.terms_of_reference) == ("ib", "")


def membership_data(person, **overrides):
    data = {"person": person.pk, "role": "member", "start_date_day": "1",
            "start_date_month": "5", "start_date_year": "2023"}  # fmt: skip
    return {**data, **overrides}


def test_adding_and_changing_a_member(officer_client, board):
    person = UserFactory(full_name="Cllr Reid")

    response = officer_client.post(
        reverse("membership_add", args=[board.slug]), membership_data(person, role="vice_chair")
    )

    membership = Membership.objects.get()
    assert response.url == reverse("board_detail", args=[board.slug])
    assert (membership.person, membership.role, membership.start_date) == (
        person,
        "vice_chair",
        datetime.date(2023, 5, 1),
    )
    url = reverse("membership_update", args=[board.slug, membership.pk])
    edit(
        officer_client, url,
        membership_data(person, end_date_day="30", end_date_month="4", end_date_year="2024"),
    )  # fmt: skip
    membership.refresh_from_db()
    assert membership.end_date == datetime.date(2024, 4, 30)


def test_the_membership_form_shows_the_rules_broken(officer_client, board):
    person = UserFactory()
    MembershipFactory(board=board, role="chair", person=UserFactory(full_name="Cllr Sharif"))

    response = officer_client.post(
        reverse("membership_add", args=[board.slug]),
        membership_data(person, role="chair", deputy=person.pk),
    )

    text = response.text
    assert "There is a problem" in text
    assert "The deputy must be someone other than the member" in text
    assert "Cllr Sharif is chair of the Improvement Board" in text
    response = officer_client.post(reverse("membership_add", args=[board.slug]), {})
    assert "Select the person" in response.text
    assert "Enter the date the membership starts" in response.text
    assert Membership.objects.count() == 1


def test_a_membership_of_another_board_is_not_found_under_this_one(officer_client, board):
    other = MembershipFactory()

    url = reverse("membership_update", args=[board.slug, other.pk])

    assert officer_client.get(url).status_code == 404
