"""The home page's pure rules (governance.domain.home): sections by role, a meeting's
pack state, the papers deadline in words, and what is new to the Director."""

import datetime

import pytest

from governance import roles
from governance.domain import home
from governance.domain.home import PackFacts

ADMIN, DCS = roles.ADMINISTRATOR, roles.DIRECTOR
BOARD, LEAD = roles.BOARD_MEMBER, roles.LEAD_OFFICER
PERF, DEM, VIEW = roles.PERFORMANCE_OFFICER, roles.DEMOCRATIC_SERVICES, roles.VIEWER


@pytest.mark.parametrize(
    ("held", "holds_posts", "expected"),
    [
        ({DCS}, True, ("director", "actions")),
        ({DCS}, False, ("director",)),
        ({LEAD}, True, ("actions",)),
        ({BOARD}, True, ("actions",)),
        ({LEAD}, False, ("actions", "summaries")),  # no posts: never only "no posts"
        ({PERF}, False, ("performance",)),
        ({DEM}, False, ("democratic",)),
        ({ADMIN}, False, ("administrator",)),
        ({VIEW}, False, ("summaries",)),
        (set(), False, ("summaries",)),
        (set(), True, ("actions",)),
        ({VIEW, PERF}, False, ("performance", "summaries")),
        ({DEM, DCS, ADMIN}, True, ("director", "democratic", "administrator", "actions")),
        ({PERF}, True, ("performance", "actions")),
        ({"Some old group"}, False, ("summaries",)),
    ],
)
def test_each_role_held_adds_its_section_in_page_order(held, holds_posts, expected):
    assert home.home_sections(held_roles=held, holds_posts=holds_posts) == expected


@pytest.mark.parametrize(
    ("sections", "heading"),
    [
        (("director", "actions"), "The Director’s view"),
        (("actions",), "Your actions"),
        (("actions", "summaries"), "Your actions"),
        (("summaries",), "Where the plan and the scorecard stand"),
        (("performance",), "Your work"),
        (("democratic", "administrator", "actions"), "Your work"),
    ],
)
def test_the_heading_says_what_the_home_holds(sections, heading):
    assert home.home_heading(sections) == heading


BUILT, QUEUED, FAILED = "built", "queued", "failed"


@pytest.mark.parametrize(
    ("packs", "expected"),
    [
        ([], home.NOT_BUILT),
        ([PackFacts(QUEUED)], home.BUILDING),
        ([PackFacts("building")], home.BUILDING),
        ([PackFacts(FAILED)], home.FAILED),
        ([PackFacts(FAILED), PackFacts(QUEUED)], home.BUILDING),
        ([PackFacts(BUILT)], home.BUILT),
        ([PackFacts(BUILT), PackFacts(FAILED)], home.BUILT),
        ([PackFacts(BUILT, published=True)], home.PUBLISHED),
        ([PackFacts(BUILT, published=True, withdrawn=True)], home.NOT_BUILT),
        ([PackFacts(BUILT, published=True, withdrawn=True), PackFacts(QUEUED)], home.BUILDING),
        ([PackFacts(BUILT, published=True, withdrawn=True), PackFacts(BUILT)], home.BUILT),
    ],
)
def test_a_meetings_pack_state_is_the_furthest_its_packs_reached(packs, expected):
    assert home.pack_state(packs) == expected


TODAY = datetime.date(2023, 1, 4)


@pytest.mark.parametrize(
    ("deadline", "state", "words", "needs"),
    [
        (None, home.NOT_BUILT, "No papers deadline set", False),
        (datetime.date(2023, 1, 4), home.NOT_BUILT, "Papers due by 4 January 2023", True),
        (datetime.date(2023, 1, 9), home.PUBLISHED, "Papers due by 9 January 2023", False),
        (
            datetime.date(2023, 1, 3), home.NOT_BUILT,
            "Papers were due by 3 January 2023; no pack built", True,
        ),
        (datetime.date(2023, 1, 3), home.BUILT, "Papers were due by 3 January 2023", False),
    ],
)  # fmt: skip
def test_the_papers_deadline_in_words(deadline, state, words, needs):
    assert home.papers_in_words(deadline=deadline, today=TODAY, state=state) == (words, needs)


MORNING = datetime.datetime(2023, 1, 4, 9, tzinfo=datetime.UTC)
NOON = datetime.datetime(2023, 1, 4, 12, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("updated_at", "last_review_at", "expected"),
    [
        (NOON, MORNING, True),
        (MORNING, NOON, False),
        (NOON, NOON, False),
        (NOON, None, True),  # she has never reviewed: everything is new
        (None, NOON, False),
    ],
)
def test_an_update_is_new_when_it_came_after_her_last_review(updated_at, last_review_at, expected):
    assert home.is_new(updated_at=updated_at, last_review_at=last_review_at) is expected


@pytest.mark.parametrize(
    ("counts", "words"),
    [
        ((0, 0, 0, 0), "No change"),
        ((1, 2, 0, 0), "1 better, 2 worse"),
        ((0, 1, 1, 0), "1 worse, 1 newly overdue"),
        ((0, 0, 0, 3), "3 completed"),
    ],
)
def test_a_prioritys_change_since_the_last_board_in_words(counts, words):
    better, worse, overdue, completed = counts
    assert (
        home.change_in_words(better=better, worse=worse, newly_overdue=overdue, completed=completed)
        == words
    )
