"""Finding 3: figures not yet approved are seen only by the people who work on them (the
indicator's owner and the service area's head when lead officers, performance officers,
the Director, administrators), on every page that shows them (scorecard.view_unapproved)."""

import datetime
from decimal import Decimal as D

import pytest
from django.urls import reverse

from governance import roles
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, ServiceAreaFactory

pytestmark = pytest.mark.django_db

JUNE = datetime.date(2023, 6, 1)
MAY = datetime.date(2023, 5, 1)
SEE = {roles.ADMINISTRATOR, roles.PERFORMANCE_OFFICER, roles.DIRECTOR}


@pytest.fixture
def owner_post():
    return PostFactory(name="Team Manager MASH")


@pytest.fixture
def head_post():
    return PostFactory(name="HoS Front Door")


@pytest.fixture
def fd1(owner_post, head_post):
    area = ServiceAreaFactory(prefix="FD", title="Front Door", head_of_service=head_post)
    indicator = IndicatorFactory(service_area=area, ref="FD1", owner=owner_post)
    IndicatorValueFactory(indicator=indicator, period=MAY, value=D("61.2"), state="approved")
    IndicatorValueFactory(indicator=indicator, period=JUNE, value=D("93.7"), state="submitted")
    return indicator


def person(role, post=None):
    user = UserFactory(roles=[role])
    if post is not None:
        PostHolderFactory(post=post, person=user)
    return user


def indicator_page(client, user, indicator):
    client.force_login(user)
    return client.get(reverse("indicator_detail", kwargs={"ref": indicator.ref}))


@pytest.mark.parametrize("role", sorted(roles.ALL_ROLES))
def test_each_role_without_a_post_sees_unapproved_figures_only_when_it_approves(client, fd1, role):
    response = indicator_page(client, person(role), fd1)

    sees = role in SEE
    assert ("Values not yet approved" in response.text) is sees
    assert ("93.7%" in response.text) is sees
    assert "61.2%" in response.text  # the approved figure, for everyone
    assert bool(response.context["page"].pending) is sees


@pytest.mark.parametrize("role", sorted(roles.ALL_ROLES))
@pytest.mark.parametrize("post", ["owner_post", "head_post"])
def test_holding_the_owner_or_head_post_shows_them_to_lead_officers(
    client, fd1, role, post, request
):
    response = indicator_page(client, person(role, request.getfixturevalue(post)), fd1)

    sees = role in SEE | {roles.LEAD_OFFICER}
    assert ("93.7%" in response.text) is sees


def test_a_former_holder_of_the_owner_post_no_longer_sees_them(client, fd1, owner_post):
    lead = UserFactory(roles=[roles.LEAD_OFFICER])
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    PostHolderFactory(post=owner_post, person=lead, end_date=yesterday)

    assert "93.7%" not in indicator_page(client, lead, fd1).text


def test_other_scorecard_pages_show_approved_figures_only(client, fd1):
    """The service area page, the overview, the exceptions: board figures only, whoever."""
    client.force_login(person(roles.PERFORMANCE_OFFICER))
    for url in [
        reverse("scorecard_service_area", kwargs={"prefix": "FD"}) + "?period=2023-06",
        reverse("scorecard_overview") + "?period=2023-06",
        reverse("scorecard_exceptions") + "?period=2023-06",
    ]:
        assert "93.7" not in client.get(url).text, url


def test_the_approval_queue_shows_them_to_approvers(client, fd1):
    client.force_login(person(roles.DIRECTOR))

    assert "93.7%" in client.get(reverse("scorecard_approvals")).text


def test_the_improvement_plan_action_page_shows_the_latest_approved_figure(client, fd1):
    """An action linked to FD1 shows its latest board figure to everyone who reads it."""
    from tests.improvement_plan.factories import ActionFactory

    action = ActionFactory()
    action.indicators.add(fd1)
    client.force_login(person(roles.VIEWER))

    page = client.get(reverse("action_detail", args=[action.pk])).text

    assert "61.2%" in page
    assert "93.7%" not in page
