"""Boards and memberships: unique names and short names, plain text, one chair at a
time, a deputy who is someone else, dates that run forwards, and the admin log."""

import datetime

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.exceptions import ValidationError

from governance import roles
from governance.meetings import services
from governance.models import Board, Membership
from tests.governance.factories import (
    BoardFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

MAY = datetime.date(2023, 5, 1)


@pytest.fixture
def officer():
    return UserFactory(roles=[roles.DEMOCRATIC_SERVICES])


@pytest.fixture
def board():
    return BoardFactory(name="Improvement Board", slug="improvement-board")


def test_a_board_is_added_with_a_short_name_made_from_its_name(officer):
    board = services.board_create(
        user=officer, name="Children's Services <b>Scrutiny</b> Panel", kind="scrutiny_panel",
        terms_of_reference="To scrutinise <script>alert(1)</script>the plan.",
        contact_email="democratic.services@tameside.gov.uk", is_public=False,
    )  # fmt: skip

    board.refresh_from_db()
    assert board.name == "Children's Services Scrutiny Panel"
    assert board.slug == "childrens-services-scrutiny-panel"
    assert board.terms_of_reference == "To scrutinise the plan."
    assert (board.is_public, board.items_start_on_odd_pages) == (False, True)
    entry = LogEntry.objects.get(object_id=str(board.pk))
    assert (entry.user, entry.action_flag) == (officer, ADDITION)


def test_a_board_needs_a_unique_name_and_short_name_and_a_real_email(board, officer):
    with pytest.raises(ValidationError) as error:
        services.board_create(
            user=officer, name="improvement board", kind="club", slug="improvement-board",
            contact_email="not an email",
        )  # fmt: skip

    assert error.value.message_dict == {
        "name": ["A board with this name already exists"],
        "slug": ["Another board already uses this short name"],
        "kind": ["Select the kind of board"],
        "contact_email": ["Enter an email address in the correct format, like name@example.gov.uk"],
    }
    assert Board.objects.count() == 1


@pytest.mark.parametrize("slug", ["new", "!!!"])
def test_a_short_name_the_pages_use_is_refused(officer, slug):
    with pytest.raises(ValidationError) as error:
        services.board_create(user=officer, name="!!!", kind="other", slug=slug)

    assert "slug" in error.value.message_dict


def test_updating_a_board_keeps_its_short_name_unless_changed(board, officer):
    services.board_update(board=board, user=officer, name="Improvement Board (new)")

    board.refresh_from_db()
    assert (board.name, board.slug) == ("Improvement Board (new)", "improvement-board")
    services.board_update(board=board, user=officer, default_place="Tameside One")
    assert LogEntry.objects.filter(object_id=str(board.pk), action_flag=CHANGE).count() == 2
    with pytest.raises(TypeError):
        services.board_update(board=board, user=officer, colour="red")


def member(board, user, **kwargs):
    values = {"person": UserFactory(), "role": "member", "start_date": MAY, **kwargs}
    return services.membership_add(board=board, user=user, **values)


def test_a_member_is_added_with_organisation_deputy_and_dates(board, officer):
    council = OrganisationFactory(name="Tameside Council")
    deputy = UserFactory()

    membership = member(
        board, officer, organisation=council, deputy=deputy, end_date=datetime.date(2024, 4, 30)
    )

    assert (membership.organisation, membership.deputy) == (council, deputy)
    assert LogEntry.objects.filter(object_id=str(membership.pk), user=officer).exists()


def test_a_membership_ends_on_or_after_it_starts_and_the_deputy_is_someone_else(board, officer):
    person = UserFactory()

    with pytest.raises(ValidationError) as error:
        member(board, officer, person=person, deputy=person, end_date=MAY.replace(day=1, month=4))

    assert error.value.message_dict == {
        "end_date": ["The end date must be the same as or after the start date"],
        "deputy": ["The deputy must be someone other than the member"],
    }


def test_a_board_has_one_chair_at_a_time(board, officer):
    chair = UserFactory(full_name="Cllr Sharif")
    MembershipFactory(
        board=board, person=chair, role="chair", start_date=datetime.date(2022, 5, 1),
        end_date=datetime.date(2023, 4, 30),
    )  # fmt: skip

    with pytest.raises(ValidationError) as error:
        member(board, officer, role="chair", start_date=datetime.date(2023, 1, 1))

    assert error.value.message_dict["role"] == [
        "Cllr Sharif is chair of the Improvement Board from 1 May 2022 to 30 April 2023: "
        "a board has one chair at a time. End that membership first, or choose another role"
    ]
    next_chair = member(board, officer, role="chair", start_date=MAY)
    assert next_chair.role == Membership.Role.CHAIR


def test_a_chair_on_another_board_does_not_count(board, officer):
    MembershipFactory(role="chair", start_date=MAY)

    assert member(board, officer, role="chair").role == "chair"


def test_a_person_holds_one_membership_of_a_board_at_a_time(board, officer):
    person = UserFactory(full_name="Cllr Owen")
    member(board, officer, person=person)

    with pytest.raises(ValidationError) as error:
        member(board, officer, person=person, role="vice_chair", start_date=MAY.replace(day=9))

    assert error.value.message_dict["person"][0].startswith(
        "Cllr Owen is already on the Improvement Board from 1 May 2023"
    )


def test_updating_a_membership_checks_the_same_rules(board, officer):
    MembershipFactory(board=board, role="chair", start_date=MAY)
    membership = member(board, officer)

    updated = services.membership_update(
        membership=membership, user=officer, end_date=datetime.date(2024, 4, 30)
    )
    assert updated.end_date == datetime.date(2024, 4, 30)
    with pytest.raises(ValidationError) as error:
        services.membership_update(membership=membership, user=officer, role="chair")
    assert "one chair at a time" in error.value.message_dict["role"][0]
    membership.refresh_from_db()
    assert membership.role == "member"
