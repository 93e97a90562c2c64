"""Merging posts (governance.services.post_merge) and the admin action that does it."""

import datetime

import pytest
from django.contrib.admin import helpers
from django.urls import reverse

from governance import roles
from governance.models import Post, PostAlias, PostHolder
from governance.services import post_merge
from tests.governance.factories import (
    PostAliasFactory,
    PostFactory,
    PostHolderFactory,
    UserFactory,
)
from tests.improvement_plan.factories import ActionFactory
from tests.scorecard.factories import IndicatorFactory, ServiceAreaFactory

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:governance_post_changelist")


@pytest.fixture
def posts():
    """ "AD CSC", and "ADCSC" and "All Managers in CSC" that an import created for review."""
    keep = PostFactory(name="AD CSC")
    typo = PostFactory(name="ADCSC", needs_review=True, title="Assistant Director CSC")
    managers = PostFactory(name="All Managers in CSC", needs_review=True)
    PostAliasFactory(post=typo, alias="A.D. CSC")
    return keep, typo, managers


def test_everything_moves_to_the_post_kept(posts):
    keep, typo, managers = posts
    dcs = PostFactory(name="DCS")
    both = ActionFactory(lead_posts=[keep, typo])
    one = ActionFactory(lead_posts=[typo, dcs])
    mine = ActionFactory(lead_posts=[managers])
    holder = PostHolderFactory(post=typo)
    indicator = IndicatorFactory(owner=managers)
    area = ServiceAreaFactory(prefix="CP", title="Child protection", head_of_service=typo)
    user = UserFactory()

    result = post_merge(keep=keep, merge=[typo, managers], user=user)

    assert list(Post.objects.values_list("name", flat=True)) == ["AD CSC", "DCS"]
    assert list(both.lead_posts.all()) == [keep]
    assert set(one.lead_posts.all()) == {keep, dcs}
    assert list(mine.lead_posts.all()) == [keep]
    assert PostHolder.objects.get(pk=holder.pk).post == keep
    indicator.refresh_from_db()
    area.refresh_from_db()
    assert (indicator.owner, area.head_of_service) == (keep, keep)
    assert sorted(keep.aliases.values_list("alias", flat=True)) == [
        "A.D. CSC",
        "ADCSC",
        "All Managers in CSC",
    ]
    keep.refresh_from_db()
    assert keep.title == "Assistant Director CSC"
    assert not keep.needs_review
    assert (result.actions, result.holders, result.indicators, result.service_areas) == (3, 1, 1, 1)
    assert "Merged ADCSC, All Managers in CSC into AD CSC" in result.summary


def test_the_merge_is_in_the_actions_history_with_who_made_it(posts):
    keep, typo, _ = posts
    action = ActionFactory(lead_posts=[typo])
    user = UserFactory()

    post_merge(keep=keep, merge=[typo], user=user)

    latest = action.history.first()
    assert latest.history_user == user
    assert list(latest.lead_posts.values_list("post__name", flat=True)) == ["AD CSC"]


def test_a_holding_the_kept_post_already_has_is_not_doubled(posts):
    keep, typo, _ = posts
    person = UserFactory()
    PostHolderFactory(post=keep, person=person, start_date=datetime.date(2022, 1, 1))
    PostHolderFactory(post=typo, person=person, start_date=datetime.date(2022, 1, 1))

    post_merge(keep=keep, merge=[typo], user=None)

    assert PostHolder.objects.filter(person=person).count() == 1


def test_a_name_already_an_alias_is_not_added_twice(posts):
    keep, typo, _ = posts
    PostAliasFactory(post=keep, alias="adcsc")

    post_merge(keep=keep, merge=[typo], user=None)

    assert PostAlias.objects.filter(alias__iexact="adcsc").count() == 1


def test_the_next_import_reads_a_merged_name_as_the_post_kept(posts):
    from improvement_plan.importing import plan_import

    keep, _, managers = posts
    post_merge(keep=keep, merge=[managers], user=None)
    data = b"Item,Action,Lead/ Timeframe\n1. Priority,,\nItem,Do it,All Managers in CSC by May 23\n"

    report = plan_import(source=data, filename="p.csv", plan_title="P", dry_run=False,
                         today=datetime.date(2023, 1, 1))  # fmt: skip

    assert report.posts_created == []
    assert report.priorities[0].actions[0].leads == ["AD CSC"]


def test_merging_nothing_or_only_the_post_kept_is_refused(posts):
    keep, typo, _ = posts

    with pytest.raises(ValueError, match="at least one post"):
        post_merge(keep=keep, merge=[keep], user=None)

    assert Post.objects.count() == 3


def test_a_failure_part_way_changes_nothing(posts, monkeypatch):
    keep, typo, managers = posts
    action = ActionFactory(lead_posts=[typo])
    from governance import services

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_fill_blanks", fail)
    with pytest.raises(RuntimeError):
        post_merge(keep=keep, merge=[typo, managers], user=None)

    assert Post.objects.count() == 3
    assert list(action.lead_posts.all()) == [typo]


# The admin action


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(roles=[roles.ADMINISTRATOR]))
    return client


def action_data(*posts, **extra):
    return {"action": "merge_posts", helpers.ACTION_CHECKBOX_NAME: [p.pk for p in posts], **extra}


def test_the_action_first_asks_which_post_to_keep(admin_client, posts):
    keep, typo, managers = posts
    ActionFactory(lead_posts=[keep])

    response = admin_client.post(CHANGELIST, action_data(keep, typo, managers))

    assert response.status_code == 200
    assert "Merge posts: choose the post to keep" in response.text
    assert f'value="{keep.pk}" id="keep-{keep.pk}" checked' in response.text
    assert "(needs review)" in response.text
    assert "also written A.D. CSC" in response.text
    assert Post.objects.count() == 3


def test_the_action_merges_into_the_post_chosen(admin_client, posts):
    keep, typo, managers = posts
    action = ActionFactory(lead_posts=[managers])

    response = admin_client.post(
        CHANGELIST, action_data(keep, typo, managers, apply="yes", keep=managers.pk), follow=True
    )

    assert response.status_code == 200
    assert "Merged AD CSC, ADCSC into All Managers in CSC" in response.text
    assert list(Post.objects.values_list("name", flat=True)) == ["All Managers in CSC"]
    assert list(action.lead_posts.all()) == [managers]


def test_the_action_needs_a_post_to_keep_and_two_posts(admin_client, posts):
    keep, typo, _ = posts

    no_choice = admin_client.post(CHANGELIST, action_data(keep, typo, apply="yes"))
    one_post = admin_client.post(CHANGELIST, action_data(keep), follow=True)

    assert "Choose the post to keep." in no_choice.text
    assert "Select two or more posts to merge." in one_post.text
    assert Post.objects.count() == 3


@pytest.mark.parametrize("role", [r for r in roles.ALL_ROLES if r != roles.ADMINISTRATOR])
def test_other_roles_cannot_merge(client, posts, role):
    keep, typo, _ = posts
    client.force_login(UserFactory(roles=[role]))

    response = client.post(CHANGELIST, action_data(keep, typo, apply="yes", keep=keep.pk))

    assert response.status_code == 403
    assert Post.objects.count() == 3
