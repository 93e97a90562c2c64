"""Finding 11: a figure (or commentary) is approved by someone other than the person who
entered or last changed it, unless settings.SCORECARD_ALLOW_SELF_APPROVAL."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance import roles
from scorecard import approval_services
from scorecard.domain.approval import figure_version, self_approval_problem
from scorecard.models import Commentary, IndicatorValue
from tests.governance.factories import UserFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, ServiceAreaFactory

JUNE = datetime.date(2023, 6, 1)
APPROVALS = reverse("scorecard_approvals")
OWN = "FD1, June 2023 was entered by you: another person must approve it"
State = IndicatorValue.State


@pytest.mark.parametrize(
    ("entered_by_id", "approver_id", "allow_self", "problem"),
    [
        (1, 2, False, ""),  # another person
        (1, 1, False, "FD1 was entered by you: another person must approve it"),
        (1, 1, True, ""),  # the council allows it (a small team)
        (None, 1, False, ""),  # imported: no one entered it here
    ],
)
def test_self_approval_rule(entered_by_id, approver_id, allow_self, problem):
    assert (
        self_approval_problem(
            entered_by_id=entered_by_id, approver_id=approver_id, allow_self=allow_self,
            what="FD1",
        )
        == problem
    )  # fmt: skip


def decide(client, data):
    seen = client.get(APPROVALS).context["form"].seen_token
    return client.post(APPROVALS, {"seen": seen, **data})


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ((D("80.0000"), "", "Checked"), (D("80"), "", "Checked"), True),  # as stored or typed
        ((D("80"), "", "Checked"), (D("81"), "", "Checked"), False),
        ((D("80"), "", "Checked"), (D("80"), "", "Checked twice"), False),
        ((None, "Late", ""), (None, "Not yet available", ""), False),
    ],
)
def test_what_an_approver_saw_of_a_figure(first, second, same):
    def version(figure):
        return figure_version(value=figure[0], missing_reason=figure[1], note=figure[2])

    assert (version(first) == version(second)) is same


@pytest.fixture
def officer(db):
    return UserFactory(roles=[roles.PERFORMANCE_OFFICER], full_name="Pat Officer")


@pytest.fixture
def area(db):
    return ServiceAreaFactory(prefix="FD", title="Front Door")


@pytest.fixture
def own_value(officer, area):
    indicator = IndicatorFactory(service_area=area, ref="FD1")
    return IndicatorValueFactory(
        indicator=indicator, period=JUNE, value=80, state="submitted", entered_by=officer
    )


@pytest.fixture
def own_commentary(officer, area):
    return Commentary.objects.create(
        service_area=area, period=JUNE, text="Up", state="submitted", author=officer
    )


def test_the_person_who_entered_a_figure_may_not_approve_it(officer, own_value):
    with pytest.raises(ValidationError) as raised:
        approval_services.values_approve(value_ids=[own_value.pk], user=officer)

    assert raised.value.message_dict == {"values": [OWN]}
    own_value.refresh_from_db()
    assert (own_value.state, own_value.approved_by) == (State.SUBMITTED, None)


def test_another_person_approves_it(officer, own_value):
    director = UserFactory(roles=[roles.DIRECTOR])

    assert approval_services.values_approve(value_ids=[own_value.pk], user=director) == 1
    own_value.refresh_from_db()
    assert (own_value.state, own_value.approved_by) == (State.APPROVED, director)


def test_the_setting_lets_a_small_team_approve_its_own(settings, officer, own_value):
    settings.SCORECARD_ALLOW_SELF_APPROVAL = True

    assert approval_services.values_approve(value_ids=[own_value.pk], user=officer) == 1
    own_value.refresh_from_db()
    assert own_value.state == State.APPROVED


def test_the_person_who_last_changed_a_figure_may_not_approve_it(officer, own_value):
    """Someone else entered it; the officer changed it after: the officer is now its enterer."""
    changer = UserFactory(roles=[roles.PERFORMANCE_OFFICER])
    IndicatorValue.objects.filter(pk=own_value.pk).update(entered_by=changer)

    with pytest.raises(ValidationError, match="entered by you"):
        approval_services.values_approve(value_ids=[own_value.pk], user=changer)
    assert approval_services.values_approve(value_ids=[own_value.pk], user=officer) == 1


def test_the_author_of_a_commentary_may_not_approve_it(officer, own_value, own_commentary):
    """Nor does a refusal approve the figures chosen with it: all or none."""
    director = UserFactory(roles=[roles.DIRECTOR])
    IndicatorValue.objects.filter(pk=own_value.pk).update(entered_by=director)

    with pytest.raises(ValidationError, match="The commentary for Front Door, June 2023 was"):
        approval_services.approvals_decide(
            value_ids=[own_value.pk], commentary_ids=[own_commentary.pk], approve=True,
            user=officer,
        )  # fmt: skip

    own_value.refresh_from_db()
    own_commentary.refresh_from_db()
    assert (own_value.state, own_commentary.state) == (State.SUBMITTED, "submitted")


def test_returning_your_own_figure_is_allowed(officer, own_value):
    assert approval_services.values_return(
        value_ids=[own_value.pk], user=officer, reason="Wrong month"
    )


def test_the_approval_page_shows_your_own_without_a_control(client, officer, own_value):
    other = IndicatorValueFactory(
        indicator=IndicatorFactory(service_area=own_value.indicator.service_area, ref="FD2"),
        period=JUNE, value=5, state="submitted",
    )  # fmt: skip
    client.force_login(officer)

    page = client.get(APPROVALS).text

    assert "Entered by you: another person must approve it" in page
    assert f'name="values" value="{own_value.pk}"' not in page
    assert f'name="values" value="{other.pk}"' in page


def test_a_crafted_approval_of_your_own_is_refused_with_a_message(client, officer, own_value):
    client.force_login(officer)

    response = decide(client, {"values": [own_value.pk], "decision": "approve"})

    assert response.status_code == 200
    assert OWN in response.text
    own_value.refresh_from_db()
    assert own_value.state == State.SUBMITTED


def test_with_the_setting_the_page_offers_your_own(client, settings, officer, own_value):
    settings.SCORECARD_ALLOW_SELF_APPROVAL = True
    client.force_login(officer)

    page = client.get(APPROVALS).text

    assert "Entered by you" not in page
    assert f'name="values" value="{own_value.pk}"' in page
    decide(client, {"values": [own_value.pk], "decision": "approve"})
    own_value.refresh_from_db()
    assert own_value.state == State.APPROVED
