"""Issue 11, finding 4: two people open the same plan form and both save.

Each test opens two forms on the same version (two browsers), saves the first, then the
second. A pre-filled value the second person did not touch is never written back; a
value both changed is refused with theirs beside yours and nothing is overwritten.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from common.forms import OPENED_FIELD
from governance import roles
from improvement_plan.models import Action, DirectorReview, DueDateChange, ProgressUpdate
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.improvement_plan.factories import ActionFactory
from tests.improvement_plan.helpers import opened_version
from tests.scorecard.factories import IndicatorFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
CONFLICT = "Someone else changed this while you were editing"


@pytest.fixture
def post():
    return PostFactory(name="AD CSC")


@pytest.fixture
def action(post):
    return ActionFactory(
        lead_posts=[post], reference="3.2.1", status=Action.Status.IN_PROGRESS,
        reported_rag="green", due_date=TODAY + datetime.timedelta(days=60),
    )  # fmt: skip


def person(role, post=None, **kwargs):
    someone = UserFactory(roles=[role], **kwargs)
    if post is not None:
        PostHolderFactory(post=post, person=someone)
    return someone


@pytest.fixture
def first(client, post):
    client.force_login(person(roles.LEAD_OFFICER, post, full_name="Ana Lead"))
    return client


@pytest.fixture
def second(client_factory, post):
    other = client_factory()
    other.force_login(person(roles.LEAD_OFFICER, post, full_name="Ben Lead"))
    return other


@pytest.fixture
def client_factory():
    from django.test import Client

    return Client


def progress(action, token, **data):
    values = {
        "text": "Audit restarted", "reported_rag": "green", "rag_reason": "",
        "status": "in_progress", "new_due_date_day": "", "new_due_date_month": "",
        "new_due_date_year": "", "due_date_reason": "", OPENED_FIELD: token,
    }  # fmt: skip
    return {**values, **data}


# The progress update ---------------------------------------------------------------------


def test_a_progress_update_keeps_the_status_set_a_moment_before(action, first, second):
    """The reported bug: the form is pre-filled with the action's status and used to send
    it back unchanged, resetting the status someone else had just set."""
    url = reverse("action_update", args=[action.pk])
    token_a, token_b = opened_version(first, url), opened_version(second, url)

    first.post(url, progress(action, token_a, status="complete", text="Audit finished"))
    response = second.post(url, progress(action, token_b, text="Staff briefed"))

    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == Action.Status.COMPLETE
    latest = ProgressUpdate.objects.latest("id")
    assert (latest.text, latest.status) == ("Staff briefed", "complete")


def test_a_rag_reported_a_moment_before_is_kept(action, first, second):
    url = reverse("action_update", args=[action.pk])
    token_a, token_b = opened_version(first, url), opened_version(second, url)

    first.post(url, progress(action, token_a, reported_rag="red", rag_reason="No staff"))
    response = second.post(url, progress(action, token_b, status="complete"))

    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.reported_rag, action.reported_rag_reason) == (
        "complete", "red", "No staff",
    )  # fmt: skip


def test_two_different_statuses_are_refused_showing_theirs_beside_yours(action, first, second):
    url = reverse("action_update", args=[action.pk])
    token_a, token_b = opened_version(first, url), opened_version(second, url)
    first.post(url, progress(action, token_a, status="complete"))

    response = second.post(url, progress(action, token_b, status="not_started", text="Mine"))

    assert response.status_code == 200
    page = response.text
    assert CONFLICT in page
    assert "Status was changed by someone else after you opened this page" in page
    table = page[page.index(CONFLICT) : page.index("</table>", page.index(CONFLICT))]
    assert table.index("Complete") < table.index("Not started")  # theirs, then yours
    assert "Mine</textarea>" in page
    action.refresh_from_db()
    assert action.status == "complete"
    assert ProgressUpdate.objects.count() == 1

    again = second.post(url, {**response.context["form"].data.dict(), "text": "Mine"})

    assert again.status_code == 302
    action.refresh_from_db()
    assert action.status == "not_started"


def test_after_a_refusal_saving_again_does_not_write_back_what_was_not_touched(
    action, first, second
):
    """The refused form now shows the saved values of the fields this person left alone,
    so saving again does not put their stale pre-filled values back."""
    url = reverse("action_update", args=[action.pk])
    token_a, token_b = opened_version(first, url), opened_version(second, url)
    first.post(url, progress(action, token_a, status="complete", reported_rag="blue"))

    refused = second.post(url, progress(action, token_b, status="not_started"))
    data = refused.context["form"].data
    assert data["reported_rag"] == "blue"

    second.post(url, data)

    action.refresh_from_db()
    assert (action.status, action.reported_rag) == ("not_started", "blue")


def test_two_new_due_dates_are_refused_and_no_move_is_recorded(action, first, second):
    url = reverse("action_update", args=[action.pk])
    token_a, token_b = opened_version(first, url), opened_version(second, url)
    mine, theirs = (TODAY + datetime.timedelta(days=n) for n in (90, 120))

    def moved_to(day, token):
        return progress(
            action, token, new_due_date_day=str(day.day), new_due_date_month=str(day.month),
            new_due_date_year=str(day.year), due_date_reason="Waiting for the audit",
        )  # fmt: skip

    first.post(url, moved_to(theirs, token_a))
    response = second.post(url, moved_to(mine, token_b))

    assert CONFLICT in response.text
    assert "Due date was changed by someone else" in response.text
    action.refresh_from_db()
    assert action.due_date == theirs
    assert DueDateChange.objects.count() == 1


def test_a_due_date_left_empty_keeps_the_one_moved_a_moment_before(action, first, second):
    url = reverse("action_update", args=[action.pk])
    token_a, token_b = opened_version(first, url), opened_version(second, url)
    moved = TODAY + datetime.timedelta(days=90)
    first.post(
        url,
        progress(
            action,
            token_a,
            new_due_date_day=str(moved.day),
            new_due_date_month=str(moved.month),
            new_due_date_year=str(moved.year),
            due_date_reason="Waiting for the audit",
        ),  # fmt: skip
    )

    assert second.post(url, progress(action, token_b)).status_code == 302

    action.refresh_from_db()
    assert action.due_date == moved


# The Director's review -------------------------------------------------------------------


@pytest.fixture
def director(client):
    client.force_login(person(roles.DIRECTOR, full_name="Dee Director"))
    return client


@pytest.fixture
def administrator(client_factory):
    other = client_factory()
    other.force_login(person(roles.ADMINISTRATOR, full_name="Ada Admin"))
    return other


def test_a_review_over_a_newer_review_is_refused_showing_it(action, director, administrator):
    url = reverse("action_review", args=[action.pk])
    token_a, token_b = opened_version(director, url), opened_version(administrator, url)
    director.post(url, {"decision": "confirmed", OPENED_FIELD: token_a})

    response = administrator.post(
        url, {"decision": "challenged", "comment": "Why Green?", OPENED_FIELD: token_b}
    )

    assert response.status_code == 200
    assert CONFLICT in response.text
    assert "Confirmed by Dee Director" in response.text
    assert "Your review: Challenged" in response.text
    assert list(DirectorReview.objects.values_list("decision", flat=True)) == ["confirmed"]

    again = administrator.post(url, response.context["form"].data)

    assert again.status_code == 302
    assert DirectorReview.objects.count() == 2


def test_a_review_opened_before_a_new_progress_update_is_refused(action, director, post):
    url = reverse("action_review", args=[action.pk])
    token = opened_version(director, url)
    lead = person(roles.LEAD_OFFICER, post, full_name="Ana Lead")
    from improvement_plan import services

    services.progress_update_record(
        action=action, author=lead, text="Now late", reported_rag="red",
        rag_reason="Staff left", today=TODAY,
    )  # fmt: skip

    response = director.post(url, {"decision": "confirmed", OPENED_FIELD: token})

    assert "Latest progress update was changed by someone else" in response.text
    assert "Now late" in response.text
    assert not DirectorReview.objects.exists()


# Linked indicators -----------------------------------------------------------------------


def test_two_people_linking_indicators_both_keep_their_changes(action, director, administrator):
    kept, dropped, added_a, added_b = (IndicatorFactory() for _ in range(4))
    action.indicators.set([kept, dropped])
    url = reverse("action_indicators", args=[action.pk])
    token_a, token_b = opened_version(director, url), opened_version(administrator, url)

    director.post(url, {**ticked(kept, added_a), OPENED_FIELD: token_a})
    response = administrator.post(
        url, {**ticked(kept, dropped, added_b), OPENED_FIELD: token_b}, follow=True
    )

    assert set(action.indicators.all()) == {kept, added_a, added_b}
    assert "is linked to 3 indicators" in response.text


def ticked(*indicators) -> dict:
    """The links form's data ticking these indicators (each as the polarity says)."""
    return {f"link_{indicator.pk}": "on" for indicator in indicators}


# Forged or missing versions --------------------------------------------------------------


def test_a_form_without_its_opened_version_is_refused_and_keeps_the_text(action, first):
    url = reverse("action_update", args=[action.pk])

    response = first.post(url, progress(action, "", status="complete", text="Kept text"))

    assert response.status_code == 200
    assert "This page was open too long" in response.text
    assert "Kept text</textarea>" in response.text
    assert not ProgressUpdate.objects.exists()


def test_two_different_reasons_for_the_rag_are_refused_in_words(action, first, second):
    url = reverse("action_update", args=[action.pk])
    token_a, token_b = opened_version(first, url), opened_version(second, url)
    first.post(url, progress(action, token_a, reported_rag="red", rag_reason="No staff"))

    response = second.post(url, progress(action, token_b, reported_rag="amber", rag_reason="Late"))

    conflict = response.context["form"].edit_conflict
    words = {item.field: (item.theirs, item.yours) for item in conflict.conflicts}
    assert words == {"reported_rag": ("Red", "Amber"), "rag_reason": ("No staff", "Late")}
    action.refresh_from_db()
    assert (action.reported_rag, action.reported_rag_reason) == ("red", "No staff")
