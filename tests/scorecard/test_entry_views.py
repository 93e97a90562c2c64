"""The data entry and sign-off pages: who may use each, what they say and save, and that
their queries do not grow with the number of indicators."""

import datetime
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance import roles
from scorecard.models import Commentary, IndicatorValue
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, ServiceAreaFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
MONTH = (TODAY.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)  # last month
BEFORE = (MONTH - datetime.timedelta(days=1)).replace(day=1)
NEXT_MONTH = (TODAY.replace(day=28) + datetime.timedelta(days=7)).replace(day=1)
State = IndicatorValue.State

ENTRY = reverse("scorecard_value_entry", kwargs={"prefix": "FD", "month": MONTH})
COMMENTARY = reverse("scorecard_commentary", kwargs={"prefix": "FD", "month": MONTH})
APPROVALS = reverse("scorecard_approvals")
ENTERERS = {roles.ADMINISTRATOR, roles.PERFORMANCE_OFFICER, roles.LEAD_OFFICER}
APPROVERS = {roles.ADMINISTRATOR, roles.PERFORMANCE_OFFICER, roles.DIRECTOR}


@pytest.fixture
def post():
    return PostFactory(name="HoS Front Door")


@pytest.fixture
def area(post):
    return ServiceAreaFactory(prefix="FD", title="Front Door", head_of_service=post)


@pytest.fixture
def fd1(area, post):
    indicator = IndicatorFactory(
        service_area=area, ref="FD1", title="Contacts screened in 24 hours", owner=post
    )
    IndicatorValueFactory(indicator=indicator, period=BEFORE, value=D("76.25"), state="approved")
    return indicator


@pytest.fixture
def fd2(area):
    owner = PostFactory(name="Team Manager MASH")
    return IndicatorFactory(
        service_area=area, ref="FD2", title="Contacts", owner=owner, unit="count", decimal_places=0
    )


@pytest.fixture
def officer_client(client):
    officer = UserFactory(roles=[roles.PERFORMANCE_OFFICER], full_name="Pat Officer")
    client.force_login(officer)
    client.user = officer
    return client


def holder(role, post, **kwargs):
    person = UserFactory(roles=[role], **kwargs)
    PostHolderFactory(post=post, person=person)
    return person


def field(indicator, part):
    return f"i{indicator.pk}-{part}"


def opened_form(client, url) -> dict:
    """What the page's form sends as it was opened: every field's value and the version."""
    form = client.get(url).context["form"]
    return {name: form[name].value() or "" for name in form.fields}


def send(client, url, data, opened=None):
    """Posts as a browser would: the form as opened (or `opened`), with `data` typed over it."""
    return client.post(url, {**(opened or opened_form(client, url)), **data})


def decide(client, data):
    """Posts a decision from the approvals page as it was opened (what it showed, signed)."""
    seen = client.get(APPROVALS).context["form"].seen_token
    return client.post(APPROVALS, {"seen": seen, **data})


def submitted_commentary(area, period=MONTH):
    return Commentary.objects.create(service_area=area, period=period, text="Up", state="submitted")


def submitted(indicator, value, period=MONTH, **kwargs):
    return IndicatorValueFactory(
        indicator=indicator, period=period, value=value, state="submitted", **kwargs
    )


# Who may do what -------------------------------------------------------------------------

# Each page's URL and who may use it.
VIEWS = {reverse("scorecard_entry_list"): ENTERERS, ENTRY: ENTERERS, COMMENTARY: ENTERERS}
VIEWS[APPROVALS] = APPROVERS


@pytest.mark.parametrize("holds_post", [True, False])
@pytest.mark.parametrize("view", VIEWS)
def test_every_role_with_and_without_the_owner_post(client, fd1, post, any_role, view, holds_post):
    """Every role, holding the post that owns FD1 and heads Front Door or no post: owners
    who are lead officers, performance officers and administrators enter; performance
    officers, administrators and the Director approve; everyone else is refused."""
    client.force_login(holder(any_role, post) if holds_post else UserFactory(roles=[any_role]))
    allowed = VIEWS[view] if holds_post else VIEWS[view] - {roles.LEAD_OFFICER}

    assert client.get(view).status_code == (200 if any_role in allowed else 403)


@pytest.mark.parametrize("view", VIEWS)
def test_anonymous_people_are_sent_to_sign_in(client, fd1, view):
    for response in (client.get(view), client.post(view, {})):
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("former", [True, False])
def test_lead_officers_owning_nothing_here_today_are_refused(client, fd1, fd2, post, former):
    """A former holder of FD1's post; a holder of FD2's post (which heads nothing)."""
    lead = UserFactory(roles=[roles.LEAD_OFFICER])
    if former:
        PostHolderFactory(post=post, person=lead, end_date=TODAY - datetime.timedelta(days=1))
    else:
        PostHolderFactory(post=fd2.owner, person=lead)
    client.force_login(lead)

    assert client.get(ENTRY).status_code == (403 if former else 200)
    assert client.get(COMMENTARY).status_code == 403


OTHERS = [roles.VIEWER, roles.BOARD_MEMBER, roles.DEMOCRATIC_SERVICES]


@pytest.mark.parametrize(
    ("url", "data", "role"),
    [(ENTRY, {"action": "submit"}, role) for role in [*OTHERS, roles.DIRECTOR]]
    + [(COMMENTARY, {"text": "Up", "action": "submit"}, role) for role in [*OTHERS, roles.DIRECTOR]]
    + [(APPROVALS, {"decision": "approve"}, role) for role in [*OTHERS, roles.LEAD_OFFICER]],
)
def test_refused_posts_change_nothing(client, fd1, post, url, data, role):
    """Each role refused a page, holding FD1's post, posts to it: nothing changes."""
    value = submitted(fd1, 50)
    client.force_login(holder(role, post))

    response = client.post(url, {**data, field(fd1, "value"): "60", "values": value.pk})

    assert response.status_code == 403
    value.refresh_from_db()
    assert (value.value, value.state) == (D(50), State.SUBMITTED)
    assert not Commentary.objects.exists()


def test_the_director_approves(client, fd1, post):
    director = holder(roles.DIRECTOR, post)
    client.force_login(director)
    value = submitted(fd1, 50)

    decide(client, {"values": value.pk, "decision": "approve"})

    value.refresh_from_db()
    assert (value.state, value.approved_by) == (State.APPROVED, director)


def test_an_owner_sees_and_saves_only_their_own_indicators(client, fd1, fd2, post):
    """A crafted form naming another indicator's field saves nothing for it."""
    client.force_login(holder(roles.LEAD_OFFICER, post))

    areas = client.get(reverse("scorecard_entry_list")).context["areas"]
    assert [row.indicator.ref for row in areas[0].rows] == ["FD1"]
    assert areas[0].may_comment  # heads the area too
    page = client.get(ENTRY).text
    assert "FD1 Contacts screened" in page
    assert "FD2" not in page

    response = send(
        client, ENTRY, {field(fd1, "value"): "80", field(fd2, "value"): "999", "action": "draft"}
    )

    assert response.status_code == 302
    assert IndicatorValue.objects.get(indicator=fd1, period=MONTH).value == D(80)
    assert not IndicatorValue.objects.filter(indicator=fd2).exists()


@pytest.mark.parametrize("where", [f"FD/{NEXT_MONTH:%Y-%m}", "FD/2023-13", f"ZZ/{MONTH:%Y-%m}"])
def test_future_months_bad_months_and_unknown_areas_are_not_found(officer_client, fd1, where):
    for url in [f"/scorecard/enter/{where}/", f"/scorecard/enter/{where}/commentary/"]:
        assert officer_client.get(url).status_code == 404, url


# The entry list ---------------------------------------------------------------------------


def test_the_entry_list_shows_each_indicator_state_for_a_month(officer_client, fd1, fd2):
    IndicatorValueFactory(indicator=fd2, period=MONTH, value=7362, state="submitted")
    url = reverse("scorecard_entry_list")

    response = officer_client.get(url)

    for words in [f"Front Door, {MONTH:%B %Y}", f'href="{ENTRY}"', COMMENTARY]:
        assert words in response.text, words
    rows = {row.indicator.ref: row for row in response.context["areas"][0].rows}
    assert rows["FD1"].state_label == "Not entered"
    assert (rows["FD2"].state_label, rows["FD2"].current_shown) == ("Submitted", "7,362")
    response = officer_client.get(url, {"month": f"{BEFORE:%Y-%m}"})
    assert response.context["areas"][0].rows[0].current_shown == "76.3%"
    assert officer_client.get(url, {"month": "1999-01"}).context["period"] == MONTH


# The entry and commentary forms ----------------------------------------------------------


def test_the_form_shows_the_last_approved_value_and_why_it_came_back(officer_client, fd1, fd2):
    note = "Returned: Check May\n\nOld"
    IndicatorValueFactory(indicator=fd1, period=MONTH, value=80, state="draft", note=note)

    page = officer_client.get(ENTRY).text

    assert f"Last approved: 76.3% for {BEFORE:%B %Y}" in page
    assert "Returned for changes: Check May" in page
    assert f"No approved value before {MONTH:%B %Y}" in page
    for name in ["value", "numerator", "denominator", "missing_reason", "note"]:
        assert f'name="{field(fd1, name)}"' in page
    assert f'name="{field(fd2, "numerator")}"' not in page  # a count has no fraction


def test_saving_a_draft(officer_client, fd1, fd2):
    response = send(
        officer_client, ENTRY,
        {
            field(fd1, "numerator"): "781", field(fd1, "denominator"): "1,000",
            field(fd2, "value"): "7,362", field(fd2, "note"): "<b>Checked</b>", "action": "draft",
        },
    )  # fmt: skip

    assert response.status_code == 302
    assert response.url == ENTRY
    first = IndicatorValue.objects.get(indicator=fd1, period=MONTH)
    second = IndicatorValue.objects.get(indicator=fd2, period=MONTH)
    assert (first.value, first.numerator, first.state) == (D("78.1"), D(781), State.DRAFT)
    assert (second.value, second.note) == (D(7362), "Checked")
    assert second.entered_by == officer_client.user
    page = officer_client.get(response.url).text
    for words in [f"Front Door, {MONTH:%B %Y}: 2 figures saved", '"781"', '"1000"']:
        assert words in page, words


def test_errors_are_summarised_linked_and_nothing_typed_is_lost(officer_client, fd1, fd2):
    response = send(
        officer_client, ENTRY,
        {
            field(fd1, "value"): "101", field(fd1, "note"): "Keep me",
            field(fd2, "value"): "12.5x", "action": "draft",
        },
    )  # fmt: skip

    page = response.text
    assert "<title>Error: Enter values for Front Door" in page
    for name, message in [
        (field(fd1, "value"), "FD1 percentage must be between 0 and 100"),
        (field(fd2, "value"), "FD2 count must be a number"),
    ]:
        assert f'<li><a href="#id_{name}">{message}</a></li>' in page  # in the summary
    for typed in ['value="101"', "Keep me", 'value="12.5x"']:
        assert typed in page, typed
    assert not IndicatorValue.objects.filter(period=MONTH).exists()


def test_submitting_sends_each_figure_that_is_ready(officer_client, fd1, fd2):
    """Finding 6: FD1 is saved and submitted while FD2 has no value yet; the page says
    FD2 is still to enter."""
    response = send(officer_client, ENTRY, {field(fd1, "value"): "80", "action": "submit"})

    assert response.status_code == 302
    assert response.url == f"{reverse('scorecard_entry_list')}?month={MONTH:%Y-%m}"
    assert IndicatorValue.objects.get(indicator=fd1, period=MONTH).state == State.SUBMITTED
    assert not IndicatorValue.objects.filter(indicator=fd2, period=MONTH).exists()
    page = officer_client.get(response.url).text
    assert (
        f"Front Door, {MONTH:%B %Y}: 1 figure saved, 1 figure submitted for approval. "
        "Still to enter: FD2"
    ) in page
    entry_page = officer_client.get(ENTRY).text
    assert "Still to enter" in entry_page
    assert "FD2</dd>" in entry_page

    response = send(
        officer_client,
        ENTRY,
        {field(fd2, "missing_reason"): "Not yet available", "action": "submit"},
    )

    assert response.status_code == 302
    states = set(IndicatorValue.objects.filter(period=MONTH).values_list("state", flat=True))
    assert states == {State.SUBMITTED}


def test_changing_an_approved_value_sends_it_back(officer_client, fd1):
    value = IndicatorValueFactory(indicator=fd1, period=MONTH, value=D("80.0"), state="approved")
    page = officer_client.get(ENTRY).text
    assert 'value="80"' in page
    assert "Changing it sends it back for approval." in page

    for typed, state in [("80", State.APPROVED), ("81", State.SUBMITTED)]:
        send(officer_client, ENTRY, {field(fd1, "value"): typed, "action": "draft"})
        value.refresh_from_db()
        assert value.state == state


def test_commentary_is_checked_saved_and_submitted(officer_client, area):
    for empty in ["  ", "<p></p>"]:
        response = send(officer_client, COMMENTARY, {"text": empty, "action": "draft"})
        assert '<a href="#id_text">Enter the commentary</a>' in response.text

    response = send(officer_client, COMMENTARY, {"text": "Contacts rose", "action": "draft"})
    assert response.url == COMMENTARY
    commentary = Commentary.objects.get()
    assert (commentary.text, commentary.state) == ("Contacts rose", Commentary.State.DRAFT)
    assert "Contacts rose" in officer_client.get(COMMENTARY).text

    send(officer_client, COMMENTARY, {"text": "Contacts rose", "action": "submit"})

    commentary.refresh_from_db()
    assert commentary.state == Commentary.State.SUBMITTED


def test_returned_commentary_says_why(officer_client, area):
    returning = {"commentaries": submitted_commentary(area).pk, "decision": "return"}

    decide(officer_client, {**returning, "reason": "Why?"})

    assert "Returned for changes: Why?" in officer_client.get(COMMENTARY).text


# Approvals ----------------------------------------------------------------------------------


def test_the_approvals_list_groups_by_area_and_month_beside_the_last_approved(
    officer_client, fd1, fd2
):
    entered_by = UserFactory(full_name="Ana Owner")
    submitted(fd1, D("78.1"), entered_by=entered_by, note="Up on May")
    submitted(fd2, 7362)
    submitted(fd2, 7000, period=BEFORE)
    submitted_commentary(fd1.service_area)

    response = officer_client.get(APPROVALS)

    groups = response.context["form"].groups
    assert [(g.area.prefix, g.period) for g in groups] == [("FD", BEFORE), ("FD", MONTH)]
    assert [item.indicator.ref for item in groups[1].items] == ["FD1", "FD2"]
    assert groups[1].commentary.text == "Up"
    for words in ["78.1%", "76.3%", "Ana Owner", "Up on May", f"Select FD1, {MONTH:%B %Y}"]:
        assert words in response.text, words


def test_approving_and_returning(officer_client, fd1, fd2):
    first, second = submitted(fd1, 80), submitted(fd2, 9)
    url = APPROVALS
    for data, error in [
        ({"values": [second.pk], "decision": "return"}, "#id_reason"),
        ({"decision": "approve"}, "#id_values_0"),
    ]:
        assert f'<a href="{error}">' in decide(officer_client, data).text

    response = decide(officer_client, {"values": [first.pk], "decision": "approve"})
    assert response.url == url
    assert "1 value approved" in officer_client.get(url).text
    decide(officer_client, {"values": [second.pk], "decision": "return", "reason": "Too low"})

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, first.approved_by) == (State.APPROVED, officer_client.user)
    assert (second.state, second.note) == (State.DRAFT, "Returned: Too low")
    assert "Nothing is waiting for approval." in officer_client.get(url).text


# Queries ------------------------------------------------------------------------------------


def make_indicators(area, count, start, owner=None):
    for n in range(start, start + count):
        unit = ("percentage", "count")[n % 2]
        indicator = IndicatorFactory(service_area=area, ref=f"FD{n}", unit=unit, owner=owner)
        IndicatorValueFactory(indicator=indicator, period=BEFORE, value=n, state="approved")
        submitted(indicator, n + 1)


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    ("role", "url"),
    [
        (roles.PERFORMANCE_OFFICER, ENTRY),
        (roles.LEAD_OFFICER, ENTRY),  # sees the indicators their post owns
        (roles.PERFORMANCE_OFFICER, APPROVALS),
    ],
)
def test_queries_do_not_grow_with_indicators(
    client, area, post, django_assert_num_queries, role, url
):
    client.force_login(holder(role, post))
    make_indicators(area, 5, start=1, owner=post)
    submitted_commentary(area)
    few = queries_for(client, url)  # read before the next request resets the log

    make_indicators(area, 55, start=6, owner=post)

    with django_assert_num_queries(few):
        client.get(url)
