"""A meeting's record "as presented" and the plan overview's "Since the last board"
section with its RAG-at-each-board chart pass axe in a real browser, also at 320px, as
the Director sees them. Set SCREENSHOT_DIR to keep screenshots to look at by eye.
"""

import datetime
import os

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import roles
from improvement_plan.models import Action, DirectorReview
from improvement_plan.records.services import board_record_take
from scorecard.models import IndicatorValue
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.factories import BoardFactory, MeetingFactory, UserFactory
from tests.improvement_plan.factories import ActionFactory, PlanFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, TargetFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")
APPROVED = IndicatorValue.State.APPROVED


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def screenshot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def take(plan, *, day, occasion, period):
    return board_record_take(
        plan=plan,
        occasion=occasion,
        presented_on=day,
        scorecard_period=period,
        user=None,
        today=day,
    )


def month(n: int) -> datetime.date:
    return days(30 * n).replace(day=1)


@pytest.fixture
def director():
    """Two boards' records of a plan of four actions and two indicators, then changes:
    an action slips, one completes, one's due date moves, a figure turns Red, one
    recovers, and the Director challenges an action."""
    person = UserFactory(roles=[roles.DIRECTOR], full_name="Dana Director")
    plan = PlanFactory(title="Improvement Plan 2023", starts_on=days(-400))
    refs = ["1.1.1", "1.1.2", "2.1.1", "2.1.2"]
    actions = [
        ActionFactory(
            objective__priority__plan=plan,
            reference=ref,
            due_date=days(20),
            description=f"Action {ref}: a description long enough to wrap on a small screen",
        )  # fmt: skip
        for ref in refs
    ]
    good, bad = IndicatorFactory(ref="CIN8", title="Assessments within 45 days"), None
    bad = IndicatorFactory(ref="CIN9", title="Re-referrals within 12 months")
    for indicator, value in ((good, 70), (bad, 95)):
        TargetFactory(indicator=indicator, written=">85%", kind="min", low=85, high=None)
        IndicatorValueFactory(indicator=indicator, period=month(-3), value=value, state=APPROVED)
    take(plan, day=days(-90), occasion="Improvement Board, earlier", period=month(-3))
    record = take(plan, day=days(-30), occasion="Improvement Board, last time", period=month(-3))
    meeting = MeetingFactory(
        board=BoardFactory(name="Improvement Board"),
        starts_at=timezone.make_aware(datetime.datetime.combine(days(-30), datetime.time(14))),
    )
    meeting.board_record = record
    meeting.save()
    Action.objects.filter(pk=actions[0].pk).update(due_date=days(-3))
    Action.objects.filter(pk=actions[1].pk).update(status=Action.Status.COMPLETE)
    Action.objects.filter(pk=actions[2].pk).update(due_date=days(90))
    IndicatorValueFactory(indicator=good, period=month(-2), value=90, state=APPROVED)
    IndicatorValueFactory(indicator=bad, period=month(-2), value=60, state=APPROVED)
    DirectorReview.objects.create(
        action=actions[3], reviewer=person, decision="challenged", rag="green",
        reviewed_at=timezone.now(),
    )  # fmt: skip
    return person, meeting


@pytest.mark.parametrize("width", [1280, 320])
def test_plan_overview_since_the_last_board(page, director, width):
    person, _ = director
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, person.email)
    page.goto(reverse("plan_overview"))
    heading = page.get_by_role(
        "heading", name="Since the last board (Improvement Board, last time)"
    )
    assert heading.is_visible()
    assert page.get_by_role("table", name="Actions whose RAG changed").is_visible()
    chart = page.get_by_role("img", name="The plan's actions by RAG at each board")
    assert chart.is_visible()
    assert page.get_by_role("table", name="The chart's data").is_visible()
    screenshot(page, f"plan_overview_since_last_board_{width}")
    assert_accessible(page)


@pytest.mark.parametrize("width", [1280, 320])
def test_every_change_since_the_last_board(page, director, width):
    person, _ = director
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, person.email)
    page.goto(reverse("plan_since_last_board"))
    assert page.get_by_role("heading", level=1).inner_text() == "Every change since the last board"
    assert page.get_by_role("table", name="Actions whose RAG changed").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"plan_since_last_board_{width}")
    assert_accessible(page)


@pytest.mark.parametrize("width", [1280, 320])
def test_meeting_record_page(page, director, width):
    person, meeting = director
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, person.email)
    page.goto(reverse("meeting_detail", args=[meeting.pk]))
    page.get_by_role("link", name="See the judgements as presented at this meeting").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("As presented on")
    assert page.get_by_role("table", name="Each action as presented").is_visible()
    assert page.get_by_role("table", name="Each indicator's latest approved figure").is_visible()
    screenshot(page, f"meeting_record_{width}")
    assert_accessible(page)


def test_meeting_record_page_without_a_record(page, director):
    person, _ = director
    meeting = MeetingFactory(board=BoardFactory(name="Scrutiny Panel", slug="scrutiny"))
    sign_in(page, person.email)
    page.goto(reverse("meeting_record", args=[meeting.pk]))
    assert page.get_by_text("No record has been kept for this meeting").is_visible()
    assert_accessible(page)
