"""The demo's links between actions and the indicators their text is about
(governance/fixtures/demo/action-indicator-links.csv, issue 12, section 3), applied by
improvement_plan.link_services.action_indicator_links_apply against the loaded demo."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from governance import demo_meetings
from governance.models import User
from improvement_plan.link_services import action_indicator_links_apply, read_links_file
from improvement_plan.models import ActionIndicatorLink

pytestmark = pytest.mark.django_db
LINKS = "governance/fixtures/demo/action-indicator-links.csv"


@pytest.fixture(autouse=True)
def fast_demo(settings, monkeypatch):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    monkeypatch.setattr(demo_meetings, "_packs", lambda meeting, *, user: None)


@pytest.fixture
def demo(db):
    call_command("load_demo", "--allow-without-debug", "--as-written", stdout=io.StringIO())


def test_load_demo_applies_the_links_and_again_changes_nothing(demo):
    rows = read_links_file(LINKS)

    again = action_indicator_links_apply(path=LINKS)

    assert (again.added, again.changed, again.unchanged) == (0, 0, len(rows))
    linked = set(ActionIndicatorLink.objects.values_list("action__reference", "indicator__ref"))
    assert linked == {(row["action"], row["indicator"]) for row in rows}
    assert all(row["reason"] for row in rows)


def test_a_file_with_one_unknown_reference_applies_nothing(demo):
    rows = [*read_links_file(LINKS), {"action": "9.9.9", "indicator": "CIN8", "direction": "up"}]

    with pytest.raises(ValidationError) as refused:
        action_indicator_links_apply(rows=rows)

    assert refused.value.messages == [f"Line {len(rows) + 1}: no action 9.9.9 in the current plan"]
    assert ActionIndicatorLink.objects.count() == len(rows) - 1  # as load_demo left them


def test_the_director_sees_the_demo_links_judged_in_words(client, demo):
    client.force_login(User.objects.get(email="dcs@demo.tameside.example"))

    page = client.get(reverse("plan_impact")).text

    assert "Action 2.3.1" in page
    assert "WF4 Agency Social Workers" in page
    assert "Down, to 15% by March 2023" in page
    assert "Not judged: this indicator is tracked, not judged" in page  # FD7: neither
    indicator_page = client.get(reverse("indicator_detail", args=["WF4"])).text
    assert "Permanent staffing of 85% by the end of March" in indicator_page


def test_the_demo_impact_says_how_each_judged_link_moved(demo):
    """With no monthly figure before the plan, each link is judged from the council's
    quoted previous-year figure by the tolerance: never "Not enough data" on the demo."""
    from improvement_plan.impact_selectors import plan_impact
    from improvement_plan.models import Plan

    plan = Plan.objects.get()
    verdicts = {
        (item.link.action.reference, item.link.indicator.ref): item.impact.words
        for group in plan_impact(plan, today=datetime.date(2023, 7, 20))
        for item in group.links
    }

    assert verdicts[("3.1.1", "SG8")] == "Moved as expected"  # 51% to 80%
    assert verdicts[("3.5.3", "CIN5")] == "Moved as expected"  # 27% to 15%, lower is better
    assert verdicts[("2.3.1", "WF4")] == "No signal yet"  # 30% to 33%, within 5 points
    assert "Not enough data" not in verdicts.values()
