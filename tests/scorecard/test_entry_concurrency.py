"""Two people with the same scorecard page open (finding 4) and entry saving each figure on
its own (finding 6): nothing one of them saved is lost, and nothing typed is lost."""

import datetime
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from common.forms import OPENED_FIELD
from governance import roles
from scorecard import services
from scorecard.domain.entry import Entry
from scorecard.models import Commentary, IndicatorValue
from tests.governance.factories import UserFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, ServiceAreaFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
MONTH = (TODAY.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
ENTRY = reverse("scorecard_value_entry", kwargs={"prefix": "FD", "month": MONTH})
COMMENTARY = reverse("scorecard_commentary", kwargs={"prefix": "FD", "month": MONTH})
State = IndicatorValue.State


@pytest.fixture
def area():
    return ServiceAreaFactory(prefix="FD", title="Front Door")


@pytest.fixture
def fd1(area):
    return IndicatorFactory(service_area=area, ref="FD1", unit="percentage", decimal_places=1)


@pytest.fixture
def fd2(area):
    return IndicatorFactory(service_area=area, ref="FD2", unit="count", decimal_places=0)


def officer(name: str) -> Client:
    client = Client()
    client.user = UserFactory(roles=[roles.PERFORMANCE_OFFICER], full_name=name)
    client.force_login(client.user)
    return client


@pytest.fixture
def ann():
    return officer("Ann Officer")


@pytest.fixture
def bob():
    return officer("Bob Officer")


def field(indicator, part):
    return f"i{indicator.pk}-{part}"


def opened_form(client, url) -> dict:
    """What the page's form sends as it was opened: every field and the opened version."""
    form = client.get(url).context["form"]
    return {name: form[name].value() or "" for name in form.fields}


def send(client, url, opened: dict, data: dict):
    return client.post(url, {**opened, **data})


def held(indicator) -> IndicatorValue:
    return IndicatorValue.objects.get(indicator=indicator, period=MONTH)


# Finding 4: a stale form never sends an unchanged figure back -----------------------------


def test_a_figure_left_alone_is_not_sent_back_over_a_newer_one(ann, bob, fd1, fd2):
    IndicatorValueFactory(indicator=fd1, period=MONTH, value=D("80"), state="draft")
    ann_opened, bob_opened = opened_form(ann, ENTRY), opened_form(bob, ENTRY)

    assert send(bob, ENTRY, bob_opened, {field(fd1, "value"): "81"}).status_code == 302
    response = send(ann, ENTRY, ann_opened, {field(fd2, "value"): "7362"})

    assert response.status_code == 302
    assert (held(fd1).value, held(fd1).entered_by) == (D(81), bob.user)  # Bob's kept
    assert held(fd2).value == D(7362)  # Ann's saved
    assert held(fd1).history.count() == 2  # entered, Bob's change: nothing from Ann


def test_different_parts_of_one_figure_changed_by_two_people_are_both_kept(ann, bob, fd1):
    IndicatorValueFactory(indicator=fd1, period=MONTH, value=D("80"), note="Checked")
    ann_opened, bob_opened = opened_form(ann, ENTRY), opened_form(bob, ENTRY)

    send(bob, ENTRY, bob_opened, {field(fd1, "note"): "Checked twice"})
    response = send(ann, ENTRY, ann_opened, {field(fd1, "value"): "82"})

    assert response.status_code == 302
    assert (held(fd1).value, held(fd1).note) == (D(82), "Checked twice")


def test_a_figure_both_changed_is_refused_theirs_beside_yours_then_saved_by_choice(
    ann, bob, fd1, fd2
):
    IndicatorValueFactory(indicator=fd1, period=MONTH, value=D("80"))
    ann_opened, bob_opened = opened_form(ann, ENTRY), opened_form(bob, ENTRY)
    send(bob, ENTRY, bob_opened, {field(fd1, "value"): "81"})

    response = send(ann, ENTRY, ann_opened, {field(fd1, "value"): "82", field(fd2, "value"): "9"})

    assert response.status_code == 200
    page = response.text
    assert "Someone else changed this while you were editing" in page
    assert "FD1 percentage was changed by someone else after you opened this page" in page
    conflict = response.context["form"].edit_conflict.conflicts[0]
    assert (conflict.label, conflict.theirs, conflict.yours) == ("FD1 percentage", "81", "82")
    assert 'value="82"' in page  # what Ann typed is kept
    assert held(fd1).value == D(81)  # Bob's is not overwritten
    assert held(fd2).value == D(9)  # Ann's other figure is saved all the same
    assert "Saved: FD2" in page

    again = {name: response.context["form"][name].value() or "" for name in ann_opened}
    response = send(ann, ENTRY, again, {})  # Ann has seen Bob's figure and saves hers

    assert response.status_code == 302
    assert held(fd1).value == D(82)
    assert held(fd2).history.count() == 1  # FD2 was not written a second time


def test_two_people_making_the_same_change_agree(ann, bob, fd1):
    IndicatorValueFactory(indicator=fd1, period=MONTH, value=D("80"))
    ann_opened, bob_opened = opened_form(ann, ENTRY), opened_form(bob, ENTRY)
    send(bob, ENTRY, bob_opened, {field(fd1, "value"): "81"})

    assert send(ann, ENTRY, ann_opened, {field(fd1, "value"): "81.0"}).status_code == 302
    assert held(fd1).value == D(81)


def test_a_figure_entered_by_someone_else_after_opening_is_not_overwritten(ann, bob, fd1):
    ann_opened, bob_opened = opened_form(ann, ENTRY), opened_form(bob, ENTRY)
    send(bob, ENTRY, bob_opened, {field(fd1, "missing_reason"): "Not yet available"})

    response = send(ann, ENTRY, ann_opened, {field(fd1, "value"): "70"})

    assert response.status_code == 200
    assert held(fd1).missing_reason == "Not yet available"
    assert held(fd1).value is None


def test_a_form_without_its_opened_version_saves_nothing_and_keeps_what_was_typed(ann, fd1):
    opened = opened_form(ann, ENTRY)
    del opened[OPENED_FIELD]

    response = send(ann, ENTRY, opened, {field(fd1, "value"): "70", field(fd1, "note"): "Mine"})

    assert response.status_code == 200
    assert "This page was open too long or was changed in the browser" in response.text
    assert "Mine" in response.text
    assert not IndicatorValue.objects.exists()


def test_the_service_writes_only_the_parts_changed_since_opened(ann, bob, fd1):
    """The rule in the service, whoever calls it: an unchanged part is never written."""
    value = IndicatorValueFactory(indicator=fd1, period=MONTH, value=D("80"), note="Old")
    opened = services.form_values(fd1.pk, value)
    IndicatorValue.objects.filter(pk=value.pk).update(note="Newer")

    outcome = services.values_enter(
        indicators=[fd1], period=MONTH, user=ann.user, today=TODAY,
        entries={fd1.pk: Entry(value=D(85), note="Old")},
        opened={name: str(v or "") for name, v in opened.items()},
        changed={field(fd1, "value")},
    )  # fmt: skip

    assert outcome.complete
    assert (held(fd1).value, held(fd1).note) == (D(85), "Newer")


# Finding 4: commentary ----------------------------------------------------------------------


def test_commentary_changed_by_someone_else_is_refused_and_then_saved_by_choice(ann, bob, area):
    ann_opened, bob_opened = opened_form(ann, COMMENTARY), opened_form(bob, COMMENTARY)
    send(bob, COMMENTARY, bob_opened, {"text": "Bob's words", "action": "draft"})

    response = send(ann, COMMENTARY, ann_opened, {"text": "Ann's words", "action": "draft"})

    assert response.status_code == 200
    assert "Someone else changed this while you were editing" in response.text
    assert "Bob&#x27;s words" in response.text
    assert "Ann&#x27;s words" in response.text
    assert Commentary.objects.get().text == "Bob's words"

    again = {name: response.context["form"][name].value() or "" for name in ann_opened}
    assert send(ann, COMMENTARY, again, {"action": "draft"}).status_code == 302
    assert Commentary.objects.get().text == "Ann's words"


def test_submitting_unchanged_commentary_does_not_send_stale_text_back(ann, bob, area):
    Commentary.objects.create(service_area=area, period=MONTH, text="First")
    ann_opened, bob_opened = opened_form(ann, COMMENTARY), opened_form(bob, COMMENTARY)
    send(bob, COMMENTARY, bob_opened, {"text": "Second", "action": "draft"})

    response = send(ann, COMMENTARY, ann_opened, {"action": "submit"})

    assert response.status_code == 302
    commentary = Commentary.objects.get()
    assert (commentary.text, commentary.state) == ("Second", Commentary.State.SUBMITTED)


# Finding 6: each figure is saved on its own --------------------------------------------------


def test_one_figure_saves_before_the_others_have_a_value(ann, fd1, fd2):
    response = send(ann, ENTRY, opened_form(ann, ENTRY), {field(fd1, "value"): "80"})

    assert response.status_code == 302
    assert held(fd1).value == D(80)
    assert not IndicatorValue.objects.filter(indicator=fd2).exists()
    page = ann.get(ENTRY).text
    assert "Still to enter" in page
    assert "FD2</dd>" in page
    assert "Saved, not yet submitted" in page
    assert "FD1</dd>" in page


def test_an_error_on_one_figure_keeps_the_others_saved_and_what_was_typed(ann, fd1, fd2):
    opened = opened_form(ann, ENTRY)
    typed = {field(fd1, "value"): "80", field(fd1, "note"): "Fine", field(fd2, "value"): "12.5x"}

    response = send(ann, ENTRY, opened, {**typed, "action": "submit"})

    assert response.status_code == 200
    assert held(fd1).value == D(80)
    assert held(fd1).state == State.SUBMITTED
    assert not IndicatorValue.objects.filter(indicator=fd2).exists()
    page = response.text
    assert '<a href="#id_' + field(fd2, "value") + '">FD2 count must be a number</a>' in page
    assert 'value="12.5x"' in page
    assert "Saved: FD1" in page

    again = {name: response.context["form"][name].value() or "" for name in opened}
    response = send(ann, ENTRY, again, {field(fd2, "value"): "12", "action": "draft"})

    assert response.status_code == 302
    assert held(fd2).value == D(12)
    assert held(fd1).history.count() == 2  # entered, submitted: not written again


# Finding 4: an approver decides on what they saw -----------------------------------------

APPROVALS = reverse("scorecard_approvals")


def test_a_figure_changed_after_the_approval_page_opened_is_not_approved_unseen(ann, bob, fd1):
    value = IndicatorValueFactory(
        indicator=fd1, period=MONTH, value=D("80"), state="submitted", entered_by=bob.user
    )
    seen = ann.get(APPROVALS).context["form"].seen_token
    send(bob, ENTRY, opened_form(bob, ENTRY), {field(fd1, "value"): "95"})  # still submitted

    response = ann.post(APPROVALS, {"seen": seen, "values": [value.pk], "decision": "approve"})

    assert response.status_code == 200
    assert f"FD1, {MONTH:%B %Y} was changed after you opened this page" in response.text
    assert "95.0%" in response.text  # the figure as it is now
    value.refresh_from_db()
    assert (value.value, value.state) == (D(95), State.SUBMITTED)

    again = response.context["form"].seen_token
    response = ann.post(APPROVALS, {"seen": again, "values": [value.pk], "decision": "approve"})

    assert response.status_code == 302
    value.refresh_from_db()
    assert (value.value, value.state, value.approved_by) == (D(95), State.APPROVED, ann.user)


def test_an_approval_without_what_the_page_showed_is_refused(ann, bob, fd1):
    value = IndicatorValueFactory(
        indicator=fd1, period=MONTH, value=D("80"), state="submitted", entered_by=bob.user
    )

    response = ann.post(APPROVALS, {"values": [value.pk], "decision": "approve"})

    assert "This page was open too long or was changed in the browser" in response.text
    value.refresh_from_db()
    assert value.state == State.SUBMITTED


def test_a_figure_first_entered_by_two_people_at_once_is_a_message_not_an_error(
    ann, fd1, fd2, monkeypatch
):
    """Both saw no FD1 and both insert it: the second insert meets the unique rule. That
    figure gets a message, and the others in the same save are still saved."""
    IndicatorValueFactory(indicator=fd1, period=MONTH, value=D("80"))
    real = services._month_values
    monkeypatch.setattr(
        services, "_month_values", lambda indicators, period: {
            pk: v for pk, v in real(indicators, period=period).items() if pk != fd1.pk
        },
    )  # fmt: skip

    outcome = services.values_enter(
        indicators=[fd1, fd2], period=MONTH, user=ann.user, today=TODAY,
        entries={fd1.pk: Entry(value=D(70)), fd2.pk: Entry(value=D(9))},
    )  # fmt: skip

    assert outcome.problems == {
        field(fd1, "value"): "Someone else entered FD1 at the same time: check it and save again"
    }
    assert (held(fd1).value, held(fd2).value) == (D(80), D(9))


def test_saving_one_figure_costs_the_same_whatever_the_page_holds(ann, area, fd1):
    """Figures left alone are neither read one by one nor written."""
    IndicatorValueFactory(indicator=fd1, period=MONTH, value=D(1))

    def save_fd1(value):
        opened = opened_form(ann, ENTRY)
        with CaptureQueriesContext(connection) as captured:
            assert send(ann, ENTRY, opened, {field(fd1, "value"): value}).status_code == 302
        return len(captured.captured_queries)

    for n in range(2, 7):
        IndicatorValueFactory(
            indicator=IndicatorFactory(service_area=area, ref=f"FD{n}"), period=MONTH
        )
    few = save_fd1("50")
    for n in range(7, 57):
        IndicatorValueFactory(
            indicator=IndicatorFactory(service_area=area, ref=f"FD{n}"), period=MONTH
        )

    assert save_fd1("51") == few
