"""Actions joined to the indicators they should move (issue 12, section 3): who links,
the links form with the effect expected, its errors and the opened-version rule, the
links' history, and the impact view with its fixed number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from common.forms import OPENED_FIELD
from governance import roles
from improvement_plan import link_services
from improvement_plan.domain.link_effects import Effect, link_changes, link_rows, month_from_words
from improvement_plan.models import ActionIndicatorLink
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.improvement_plan.factories import (
    ActionFactory,
    ObjectiveFactory,
    PlanFactory,
    PriorityFactory,
)
from tests.improvement_plan.helpers import opened_version, post_form
from tests.improvement_plan.link_factories import ActionIndicatorLinkFactory, approved_figures
from tests.scorecard.factories import IndicatorFactory, ServiceAreaFactory

pytestmark = pytest.mark.django_db

FLAT = [50, 52, 49, 51, 50, 48, 52, 50, 49, 51, 50, 50]
RISING = [60, 61, 62, 60, 61, 62, 63]


@pytest.fixture
def post():
    return PostFactory(name="AD CSC")


@pytest.fixture
def lead(post):
    person = UserFactory(roles=[roles.LEAD_OFFICER], full_name="Ana Lead")
    PostHolderFactory(post=post, person=person)
    return person


@pytest.fixture
def action(post):
    return ActionFactory(lead_posts=[post], reference="2.1.1", description="Audit assessments")


@pytest.fixture
def indicator():
    area = ServiceAreaFactory(prefix="CIN", title="Children in Need", order=1)
    return IndicatorFactory(service_area=area, ref="CIN8", title="Assessments within 45 days")


# The domain's rules ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opened", "current", "submitted", "writes", "conflicts"),
    [
        # Nobody else changed anything: this person's change is written.
        ({1: ""}, {}, {1: "up"}, {1: "up"}, []),
        # Unchanged by this person: left as someone else saved it meanwhile.
        ({1: "up"}, {1: "down"}, {1: "up"}, {}, []),
        # Both changed it, differently: a conflict.
        ({1: "up"}, {1: "down"}, {1: ""}, {}, [1]),
        # Both made the same change: they agree, nothing to write.
        ({1: ""}, {1: "up"}, {1: "up"}, {}, []),
        # Another indicator someone else linked is not on this form: untouched.
        ({1: ""}, {2: "up"}, {1: "down"}, {1: "down"}, []),
    ],
)
def test_link_changes(opened, current, submitted, writes, conflicts):
    assert link_changes(opened=opened, current=current, submitted=submitted) == (
        writes,
        conflicts,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03", datetime.date(2024, 3, 1)),
        ("March 2024", datetime.date(2024, 3, 1)),
        ("Sep 2023", datetime.date(2023, 9, 1)),
        ("2024-13", None),
        ("soon", None),
    ],
)
def test_month_from_words(text, expected):
    assert month_from_words(text) == expected


def test_a_links_file_lists_every_problem_by_line():
    rows = [
        {
            "action": "1.1.1",
            "indicator": "CIN8",
            "direction": "up",
            "value": "85%",
            "by": "2024-03",
        },
        {"action": "1.1.1", "indicator": "CIN8", "direction": "up"},
        {"action": "", "indicator": "CIN8", "direction": "up"},
        {"action": "1.1.2", "indicator": "CIN8", "direction": "sideways"},
        {"action": "1.1.3", "indicator": "CIN8", "direction": "down", "value": "lots"},
        {"action": "1.1.4", "indicator": "CIN8", "direction": "down", "by": "one day"},
        {"action": "1.1.5", "indicator": "CIN8", "direction": "down", "reason": "x" * 301},
    ]
    read, problems = link_rows(rows)
    assert [row.effect for row in read] == [
        Effect("up", Decimal("85"), datetime.date(2024, 3, 1), "")
    ]
    assert [problem.split(":")[0] for problem in problems] == [
        "Line 3", "Line 4", "Line 5", "Line 6", "Line 7", "Line 8",
    ]  # fmt: skip


# Who links -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "holds_the_post", "status"),
    [
        (roles.LEAD_OFFICER, True, 200),
        (roles.BOARD_MEMBER, True, 200),
        (roles.LEAD_OFFICER, False, 403),
        (roles.DIRECTOR, False, 200),
        (roles.ADMINISTRATOR, False, 200),
        (roles.PERFORMANCE_OFFICER, True, 403),
        (roles.VIEWER, True, 403),
    ],
)
def test_the_actions_leads_and_the_director_link(
    client, action, post, role, holds_the_post, status
):
    person = UserFactory(roles=[role])
    if holds_the_post:
        PostHolderFactory(post=post, person=person)
    client.force_login(person)

    assert client.get(reverse("action_indicators", args=[action.pk])).status_code == status


# The form --------------------------------------------------------------------------------


def post_link(client, action, indicator, **fields):
    """Ticks the indicator on the action's links form with the effect's `fields`."""
    url = reverse("action_indicators", args=[action.pk])
    data = {f"{name}_{indicator.pk}": value for name, value in fields.items()}
    return post_form(client, url, {f"link_{indicator.pk}": "on", **data}, follow=True)


def test_a_lead_links_an_indicator_with_its_expected_effect(client, action, lead, indicator):
    client.force_login(lead)

    response = post_link(
        client, action, indicator, direction="up", value="85%", by_month="3", by_year="2024",
        reason="Audits of timeliness",
    )  # fmt: skip

    link = ActionIndicatorLink.objects.get()
    assert (link.expected_direction, link.expected_value) == ("up", Decimal("85"))
    assert (link.expected_by, link.reason, link.created_by) == (
        datetime.date(2024, 3, 1), "Audits of timeliness", lead,
    )  # fmt: skip
    assert "Action 2.1.1 is linked to 1 indicator" in response.text
    assert "Linked indicators changed: added CIN8 (up, to 85.0% by March 2024)" in response.text
    history = ActionIndicatorLink.history.get()
    assert (history.history_type, history.history_user) == ("+", lead)


def test_every_problem_is_in_the_error_summary_and_nothing_is_lost(client, action, lead, indicator):
    client.force_login(lead)
    pk = indicator.pk

    response = post_link(
        client, action, indicator, value="lots", by_month="13", by_year="2024", reason="Kept"
    )

    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Enter the value CIN8 should reach as a number, like 85" in response.text
    assert "The month for CIN8 must be a real month, like 3 2024" in response.text
    assert f'href="#id_by_month_{pk}"' in response.text
    assert 'value="Kept"' in response.text
    assert 'value="lots"' in response.text
    assert not ActionIndicatorLink.objects.exists()


def test_an_unticked_indicators_boxes_are_not_checked(client, action, lead, indicator):
    client.force_login(lead)
    url = reverse("action_indicators", args=[action.pk])

    response = post_form(client, url, {f"value_{indicator.pk}": "lots"}, follow=True)

    assert "is linked to 0 indicators" in response.text


def test_a_search_narrows_the_indicators_but_keeps_the_linked_ones(client, action, lead, indicator):
    other = IndicatorFactory(ref="CLA1", title="Placements")
    linked = IndicatorFactory(ref="FD3", title="Contacts")
    ActionIndicatorLinkFactory(action=action, indicator=linked)
    client.force_login(lead)

    page = client.get(reverse("action_indicators", args=[action.pk]), {"q": "assessments"}).text

    assert "CIN8 Assessments within 45 days" in page
    assert "FD3 Contacts" in page
    assert other.title not in page


def test_saving_a_searched_form_leaves_the_indicators_not_shown(client, action, lead, indicator):
    hidden = IndicatorFactory(ref="CLA1", title="Placements")
    url = reverse("action_indicators", args=[action.pk]) + "?q=CIN8"
    client.force_login(lead)
    ActionIndicatorLinkFactory(action=action, indicator=hidden)  # linked, so shown

    post_form(client, url, {f"link_{indicator.pk}": "on", f"link_{hidden.pk}": "on"})

    assert set(action.indicators.all()) == {indicator, hidden}


def test_two_people_changing_the_same_link_differently_is_a_conflict(
    client, action, lead, indicator
):
    ActionIndicatorLinkFactory(action=action, indicator=indicator, expected_direction="up")
    url = reverse("action_indicators", args=[action.pk])
    client.force_login(lead)
    token = opened_version(client, url)
    director = UserFactory(roles=[roles.DIRECTOR])
    link_services.action_indicator_links_save(
        action=action, wanted={indicator.pk: Effect("down")}, user=director
    )
    pk = indicator.pk

    response = client.post(
        url, {f"link_{pk}": "on", f"direction_{pk}": "band", OPENED_FIELD: token}
    )

    assert "Indicator CIN8 was changed by someone else" in response.text
    assert ActionIndicatorLink.objects.get().expected_direction == "down"
    again = client.post(url, {**response.context["form"].data.dict()}, follow=True)
    assert ActionIndicatorLink.objects.get().expected_direction == "band"
    assert "is linked to 1 indicator" in again.text


# The indicator page ----------------------------------------------------------------------


def test_the_indicator_page_lists_its_actions_with_status_rag_and_effect(
    client, action, lead, indicator
):
    ActionIndicatorLinkFactory(
        action=action, indicator=indicator, expected_direction="up", expected_value=85,
        expected_by=datetime.date(2024, 3, 1),
    )  # fmt: skip
    client.force_login(lead)

    page = client.get(reverse("indicator_detail", args=["CIN8"])).text

    assert "2.1.1" in page
    assert "In progress" in page
    assert "Up, to 85.0% by March 2024" in page  # unit and decimal places, as the impact page


# The impact view -------------------------------------------------------------------------


def linked_with_figures(action, ref: str, since: list, *, polarity="higher"):
    """An indicator linked to `action` with FLAT figures before the plan's start (June
    2022) and `since` from then."""
    indicator = IndicatorFactory(ref=ref, polarity=polarity)
    approved_figures(indicator, datetime.date(2021, 6, 1), FLAT + since)
    ActionIndicatorLinkFactory(action=action, indicator=indicator)
    return indicator


def test_the_impact_view_says_in_words_how_each_indicator_moved(client, action, lead):
    linked_with_figures(action, "CIN8", RISING)
    linked_with_figures(action, "CIN9", [40, 39, 41, 40, 38, 39, 40])
    linked_with_figures(action, "CIN10", [51, 49, 50])
    linked_with_figures(action, "CIN11", RISING, polarity="not_set")
    client.force_login(UserFactory(roles=[roles.VIEWER]))

    page = client.get(reverse("plan_impact")).text

    assert "Moved as expected: 1 link" in page
    assert "Moved the wrong way: 1 link" in page
    assert "No signal yet: 1 link" in page
    assert "Not judged: whether higher or lower is better is not set" in page
    assert "Mean 50.2% of 12 figures before June 2022" in page
    assert "63.0% in December 2022" in page
    assert "against limits from the 12 figures before June 2022" in page


def test_the_impact_view_says_so_when_nothing_is_linked(client, action, lead):
    client.force_login(lead)
    page = client.get(reverse("plan_impact")).text
    assert "No action in this plan is linked to a scorecard indicator yet" in page


def add_links(plan, first: int, count: int) -> None:
    """`count` actions of the plan, each in its own priority, each linked to an indicator."""
    for n in range(first, first + count):
        action = ActionFactory(
            objective=ObjectiveFactory(priority=PriorityFactory(plan=plan, number=n + 1))
        )
        linked_with_figures(action, f"X{n}", RISING)


def test_the_impact_view_takes_the_same_queries_for_one_link_and_many(
    client, django_assert_num_queries
):
    plan = PlanFactory(starts_on=datetime.date(2022, 6, 1))
    add_links(plan, 0, 1)
    client.force_login(UserFactory(roles=[roles.DIRECTOR]))
    client.get(reverse("plan_impact"))  # warm the session
    with CaptureQueriesContext(connection) as for_one:
        client.get(reverse("plan_impact"))
    add_links(plan, 1, 7)

    with django_assert_num_queries(len(for_one)):
        response = client.get(reverse("plan_impact"))
    assert sum(len(group.links) for group in response.context["priorities"]) == 8
    assert len(response.context["priorities"]) == 8


def test_the_plan_overview_and_the_action_page_link_to_the_impact_view(client, action, lead):
    client.force_login(lead)
    impact = reverse("plan_impact")
    assert f'href="{impact}"' in client.get(reverse("plan_overview")).text
    own_plan = f"{impact}?plan={action.objective.priority.plan_id}"
    assert f'href="{own_plan}"' in client.get(reverse("action_detail", args=[action.pk])).text


def test_an_earlier_plans_impact_opens_by_its_id_and_an_unknown_one_is_not_found(
    client, action, lead
):
    linked_with_figures(action, "CIN8", RISING)
    PlanFactory(title="A later plan", starts_on=datetime.date(2024, 4, 1))  # now current
    client.force_login(lead)
    impact = reverse("plan_impact")

    current = client.get(impact).text
    earlier = client.get(impact, {"plan": action.objective.priority.plan_id}).text

    assert "No action in this plan is linked" in current
    assert "Moved as expected: 1 link" in earlier
    assert client.get(impact, {"plan": "999999"}).status_code == 404
    assert client.get(impact, {"plan": "x'"}).status_code == 404


def test_a_scorecard_too_large_for_one_form_is_searched_first(
    client, action, lead, indicator, monkeypatch
):
    """Every indicator shown sends five boxes, and Django refuses over 1,000 fields."""
    monkeypatch.setattr("improvement_plan.link_selectors.MOST_SHOWN", 1)
    IndicatorFactory(ref="CLA1", title="Placements")
    client.force_login(lead)
    url = reverse("action_indicators", args=[action.pk])

    page = client.get(url).text
    searched = client.get(url, {"q": "placements"}).text

    assert "too many indicators to show at once" in page
    assert "CIN8 Assessments" not in page
    assert "CLA1 Placements" in searched
    assert "only the first are shown" not in searched
