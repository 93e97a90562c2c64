"""Issue 11, finding 5: text fields have limits that fit their use, and long text wraps.

A limit is said in the hint (GOV.UK character count), refused in the form with the
typed text kept, and refused again in the services, so nothing else can store more.
A long unbroken word on any plan page sits inside an element that wraps it
(.app-break-word, overflow-wrap: anywhere), so it cannot widen the page.
"""

import datetime
import re

import lxml.html
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from common.forms import OPENED_FIELD
from governance import roles
from improvement_plan import services
from improvement_plan.models import DirectorReview, ProgressUpdate
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.improvement_plan.factories import (
    ActionFactory,
    ObjectiveFactory,
    PlanFactory,
    PriorityFactory,
)
from tests.improvement_plan.helpers import opened_version

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
WORD = "Unbroken" + "x" * 392  # far wider than any screen at 19px


@pytest.fixture
def post():
    return PostFactory(name="AD CSC")


@pytest.fixture
def lead(post):
    person = UserFactory(roles=[roles.BOARD_MEMBER], full_name="Ana Lead")
    PostHolderFactory(post=post, person=person)
    return person


@pytest.fixture
def action(post):
    plan = PlanFactory(title="Improvement Plan 2023", starts_on=datetime.date(2023, 1, 1))
    objective = ObjectiveFactory(
        priority=PriorityFactory(plan=plan, number=1, title=f"Priority {WORD}"),
        title=f"Item {WORD}",
    )
    return ActionFactory(
        objective=objective, lead_posts=[post], reference="1.1.1", description=f"Do {WORD}",
        due_date=TODAY + datetime.timedelta(days=30), reported_rag="green",
    )  # fmt: skip


# Limits in the form ----------------------------------------------------------------------


def test_the_hint_says_each_limit_and_the_browser_does_not_cut_text(client, action, lead):
    client.force_login(lead)

    page = client.get(reverse("action_update", args=[action.pk])).text

    assert "You can enter up to 5000 characters" in page
    assert "You can enter up to 500 characters" in page
    assert 'data-module="govuk-character-count"' in page
    assert not re.search(r"\smaxlength=", page)


def test_a_one_megabyte_update_is_refused_in_words_and_the_text_is_kept(client, action, lead):
    client.force_login(lead)
    url = reverse("action_update", args=[action.pk])
    pasted = "word " * 200_000  # 1 MB

    response = client.post(
        url,
        {
            "text": pasted, "reported_rag": "green", "status": "in_progress",
            "due_date_reason": "r" * 501, OPENED_FIELD: opened_version(client, url),
        },
    )  # fmt: skip

    assert response.status_code == 200
    assert "Progress update must be 5,000 characters or fewer" in response.text
    assert "Reason for moving the due date must be 500 characters or fewer" in response.text
    assert response.context["form"]["text"].value() == pasted
    assert not ProgressUpdate.objects.exists()


def test_an_over_long_review_comment_is_refused_in_words(client, action):
    client.force_login(UserFactory(roles=[roles.DIRECTOR]))
    url = reverse("action_review", args=[action.pk])

    response = client.post(
        url,
        {
            "decision": "challenged",
            "comment": "c" * 5001,
            OPENED_FIELD: opened_version(client, url),
        },
    )

    assert "Comment must be 5,000 characters or fewer" in response.text
    assert not DirectorReview.objects.exists()


# Limits in the services (command line, imports, anything else) --------------------------


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"text": "x" * 5001}, "text"),
        ({"reported_rag": "red", "rag_reason": "x" * 5001}, "rag_reason"),
        (
            {"new_due_date": TODAY + datetime.timedelta(days=90), "due_date_reason": "x" * 501},
            "due_date_reason",
        ),
    ],
)
def test_the_progress_service_refuses_over_long_text(action, lead, overrides, field):
    values = {"text": "Done", "reported_rag": "green", "today": TODAY, **overrides}

    with pytest.raises(ValidationError) as excinfo:
        services.progress_update_record(action=action, author=lead, **values)

    assert "characters or fewer" in excinfo.value.message_dict[field][0]
    assert not ProgressUpdate.objects.exists()


def test_the_due_date_and_review_services_refuse_over_long_text(action, lead):
    with pytest.raises(ValidationError):
        services.due_date_change(action=action, to_date=TODAY, reason="x" * 501, user=lead)
    with pytest.raises(ValidationError):
        services.director_review_record(
            action=action, reviewer=lead, decision="confirmed", comment="x" * 5001, today=TODAY
        )
    action.refresh_from_db()
    assert action.due_date == TODAY + datetime.timedelta(days=30)
    assert not DirectorReview.objects.exists()


# Long words wrap on every plan page ------------------------------------------------------


def unwrapped(html: str) -> tuple[int, list[str]]:
    """How many elements hold WORD, and those not inside an .app-break-word element.
    (A textarea wraps its own text; a select's options are bounded by govuk-select's
    max-width: 100%, checked in the browser test.)"""
    tree = lxml.html.fromstring(html)
    holders = [
        element
        for element in tree.iter()
        if isinstance(element.tag, str)
        and element.tag not in {"textarea", "title", "script", "option"}
        and (WORD in (element.text or "") or WORD in (element.tail or ""))
    ]
    wrapped = "ancestor-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' %s ')]"
    wrapped %= "app-break-word"
    bare = []
    for element in holders:
        # A word in an element's tail belongs to its parent.
        owner = element if WORD in (element.text or "") else element.getparent()
        if not owner.xpath(wrapped):
            bare.append(lxml.html.tostring(owner, encoding="unicode")[:120])
    return len(holders), bare


@pytest.fixture
def long_history(action, lead):
    services.progress_update_record(
        action=action, author=lead, text=f"Update {WORD}", reported_rag="red",
        rag_reason=f"Reason {WORD}", today=TODAY,
    )  # fmt: skip
    services.due_date_change(
        action=action, to_date=TODAY + datetime.timedelta(days=60), reason=f"Moved {WORD}",
        user=lead,
    )  # fmt: skip
    services.director_review_record(
        action=action, reviewer=UserFactory(roles=[roles.DIRECTOR]), decision="challenged",
        comment=f"Why {WORD}", today=TODAY,
    )  # fmt: skip
    return action


PAGES = [
    "action_detail", "action_update", "action_review", "action_indicators", "plan_overview",
    "action_list", "my_actions", "slippage", "review_list",
]  # fmt: skip


@pytest.mark.parametrize("name", PAGES)
def test_a_long_unbroken_word_wraps_on_every_plan_page(client, long_history, lead, name):
    lead.groups.add(*UserFactory(roles=[roles.DIRECTOR]).groups.all())  # sees every page
    client.force_login(lead)
    args = [long_history.pk] if name.startswith("action_") and name != "action_list" else []

    response = client.get(reverse(name, args=args))

    assert response.status_code == 200
    count, bare = unwrapped(response.text)
    assert count, "the long word is on the page"
    assert bare == []
