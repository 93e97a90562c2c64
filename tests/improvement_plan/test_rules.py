"""Who may change an action: its leads (today), the Director and administrators."""

import datetime

import pytest
from django.utils import timezone

from governance import roles
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.improvement_plan.factories import ActionFactory

pytestmark = pytest.mark.django_db


def holder(role, post, **dates):
    person = UserFactory(roles=[role])
    PostHolderFactory(post=post, person=person, **dates)
    return person


def test_lead_officer_changes_only_their_posts_actions():
    ad_csc, dcs = PostFactory(name="AD CSC"), PostFactory(name="DCS")
    theirs, other = ActionFactory(lead_posts=[ad_csc, dcs]), ActionFactory(lead_posts=[dcs])
    lead = holder(roles.LEAD_OFFICER, ad_csc)
    assert lead.has_perm("improvement_plan.change_action", theirs)
    assert not lead.has_perm("improvement_plan.change_action", other)
    assert lead.has_perm("improvement_plan.view_action", other)


def test_post_passes_with_its_actions_when_it_changes_hands():
    post = PostFactory(name="AD CSC")
    action = ActionFactory(lead_posts=[post])
    today = timezone.localdate()
    former = holder(
        roles.LEAD_OFFICER,
        post,
        start_date=datetime.date(2020, 1, 1),
        end_date=today.replace(year=today.year - 1),
    )
    successor = holder(roles.LEAD_OFFICER, post, start_date=today)
    assert not former.has_perm("improvement_plan.change_action", action)
    assert successor.has_perm("improvement_plan.change_action", action)


def test_board_member_who_leads_may_update():
    post = PostFactory(name="GMP Area Commander")
    action = ActionFactory(lead_posts=[post])
    member = holder(roles.BOARD_MEMBER, post)
    assert member.has_perm("improvement_plan.change_action", action)


def test_viewer_changes_nothing_even_holding_a_lead_post():
    post = PostFactory(name="Tameside HR")
    action = ActionFactory(lead_posts=[post])
    viewer = holder(roles.VIEWER, post)
    assert viewer.has_perm("improvement_plan.view_action", action)
    assert not viewer.has_perm("improvement_plan.change_action", action)


@pytest.mark.parametrize("role", [roles.DIRECTOR, roles.ADMINISTRATOR])
def test_director_and_administrators_change_every_action(role):
    action = ActionFactory()
    assert UserFactory(roles=[role]).has_perm("improvement_plan.change_action", action)


@pytest.mark.parametrize(
    "role", [roles.PERFORMANCE_OFFICER, roles.DEMOCRATIC_SERVICES, roles.BOARD_MEMBER]
)
def test_roles_without_a_lead_post_cannot_change(role):
    action = ActionFactory()
    assert not UserFactory(roles=[role]).has_perm("improvement_plan.change_action", action)


def test_switched_off_account_changes_nothing():
    post = PostFactory(name="AD EH&P")
    action = ActionFactory(lead_posts=[post])
    lead = holder(roles.LEAD_OFFICER, post)
    lead.is_active = False
    lead.save()
    assert not lead.has_perm("improvement_plan.change_action", action)
