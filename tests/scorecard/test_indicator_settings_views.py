"""The page setting many indicators' polarity, tolerance and target at once: who may open
it (403 for others), not set first, its filters, saving (all or nothing, everything
typed kept, someone else's change refused) and a query count that does not grow."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance import roles
from scorecard.models import Indicator, Target
from tests.governance.factories import UserFactory
from tests.scorecard.factories import IndicatorFactory, ServiceAreaFactory, TargetFactory

URL = reverse("scorecard_indicator_settings")
MAY = {roles.ADMINISTRATOR, roles.PERFORMANCE_OFFICER}


@pytest.fixture
def indicators(db):
    front_door = ServiceAreaFactory(prefix="FD", title="Front Door", order=1)
    cin = ServiceAreaFactory(prefix="CIN", title="Children in Need", order=2)
    screened = IndicatorFactory(service_area=front_door, ref="FD1", polarity="higher")
    TargetFactory(indicator=screened, written="85%", kind="single", low=85, high=85)
    assessed = IndicatorFactory(service_area=cin, ref="CIN8", polarity="not_set")
    contacts = IndicatorFactory(service_area=front_door, ref="FD2", polarity="not_set")
    return screened, assessed, contacts


@pytest.fixture
def officer_client(client, db):
    client.force_login(UserFactory(roles=[roles.PERFORMANCE_OFFICER], full_name="Pat Officer"))
    return client


def form_data(response, **typed) -> dict[str, str]:
    """What the page's form sends untouched, with `typed` ("i12-target": "90%") changed."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = "" if value is None else str(value)
    return {**data, **typed}


def field(indicator: Indicator, part: str) -> str:
    return f"i{indicator.pk}-{part}"


@pytest.mark.parametrize("role", roles.ALL_ROLES)
def test_only_performance_officers_and_administrators_may_open_it(client, indicators, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(URL).status_code == (200 if role in MAY else 403)
    post = client.post(URL, {"reason": "x"})
    assert post.status_code == (200 if role in MAY else 403)


def test_signed_out_is_sent_to_sign_in(client, indicators):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_not_set_first_then_by_service_area_and_filters(officer_client, indicators):
    response = officer_client.get(URL)
    refs = [row["indicator"].ref for row in response.context["form"].rows()]
    assert refs == ["FD2", "CIN8", "FD1"]
    assert "Not judged: polarity not set" in response.content.decode()
    response = officer_client.get(URL, {"not_set": "on", "area": "FD"})
    assert [row["indicator"].ref for row in response.context["form"].rows()] == ["FD2"]


def test_an_unknown_area_is_a_filter_error_not_a_server_error(officer_client, indicators):
    response = officer_client.get(URL, {"area": "NOPE"})
    assert response.status_code == 200
    assert "Correct the filters above" in response.content.decode()


def test_the_default_tolerance_and_the_target_now_are_said_in_words(officer_client, indicators):
    Indicator.objects.filter(ref="FD1").update(polarity_reason="Learned from the target >65%")
    page = officer_client.get(URL).content.decode()
    assert "Learned from the target &gt;65%" in page
    assert "Empty: 5 percentage points" in page
    assert "Now: 85% from April 2022" in page
    assert "No target yet" in page


def test_a_target_set_for_a_later_month_is_not_called_the_target_now(officer_client, indicators):
    screened = indicators[0]
    later = datetime.date.today().replace(day=1) + datetime.timedelta(days=62)
    TargetFactory(
        indicator=screened, written="90%", kind="single", low=90, high=90,
        effective_from=later.replace(day=1),
    )  # fmt: skip
    page = officer_client.get(URL).content.decode()
    assert f"From {later:%B %Y}: 90%; now 85%" in page
    assert "Now: 90%" not in page


def test_saving_writes_the_rows_changed_and_says_so(officer_client, indicators):
    screened, assessed, contacts = indicators
    opened = officer_client.get(URL)
    data = form_data(
        opened,
        **{
            field(assessed, "polarity"): "higher",
            field(assessed, "target"): "85%",
            field(contacts, "polarity"): "neither",
            field(contacts, "amber_tolerance"): "10",
            "reason": "Agreed at the performance clinic",
        },
    )
    response = officer_client.post(URL, data, follow=True)
    page = response.content.decode()
    assert "2 indicators saved: FD2, CIN8" in page
    assessed.refresh_from_db()
    contacts.refresh_from_db()
    assert assessed.polarity == "higher"
    assert (contacts.polarity, contacts.amber_tolerance) == ("neither", Decimal(10))
    target = Target.objects.get(indicator=assessed)
    assert target.effective_from == datetime.date.today().replace(day=1)
    assert assessed.history.first().history_change_reason.endswith(
        ": Agreed at the performance clinic"
    )
    assert assessed.polarity_reason.startswith("Set by Pat Officer on ")
    assert screened.history.count() == 1  # untouched


def test_a_problem_in_one_row_saves_nothing_and_keeps_everything_typed(officer_client, indicators):
    screened, assessed, contacts = indicators
    data = form_data(
        officer_client.get(URL),
        **{
            field(assessed, "polarity"): "lower",
            field(screened, "target"): "<7%",
            field(contacts, "amber_tolerance"): "-1",
            "reason": "",
        },
    )
    response = officer_client.post(URL, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert f'href="#id_{field(screened, "target")}"' in page
    assert "FD1 target &lt;7% means lower is better" in page
    assert "FD2 amber tolerance must be 0 or more" in page
    assert "Enter why you are making these changes" in page
    form = response.context["form"]
    assert form[field(assessed, "polarity")].value() == "lower"
    assert form[field(screened, "target")].value() == "<7%"
    assert Indicator.objects.get(pk=assessed.pk).polarity == "not_set"
    assert Target.objects.count() == 1


def test_someone_elses_change_meanwhile_is_refused_with_theirs_beside_yours(
    officer_client, indicators
):
    _, assessed, contacts = indicators
    data = form_data(
        officer_client.get(URL),
        **{
            field(assessed, "polarity"): "higher",
            field(contacts, "polarity"): "lower",
            "reason": "Agreed",
        },
    )
    Indicator.objects.filter(pk=assessed.pk).update(polarity="band")  # someone else
    response = officer_client.post(URL, data)
    page = response.content.decode()
    assert "Someone else changed this while you were editing" in page
    assert "CIN8 polarity was changed by someone else" in page
    assert response.context["form"][field(assessed, "polarity")].value() == "higher"
    assert Indicator.objects.get(pk=contacts.pk).polarity == "not_set"
    again = officer_client.post(URL, form_data(response, reason="Agreed"), follow=True)
    assert "2 indicators saved" in again.content.decode()
    assert Indicator.objects.get(pk=assessed.pk).polarity == "higher"


def test_the_rows_saved_are_those_the_page_was_opened_on(officer_client, indicators):
    _, assessed, contacts = indicators
    opened = officer_client.get(URL, {"not_set": "on"})
    data = form_data(opened, **{field(contacts, "polarity"): "lower", "reason": "Agreed"})
    Indicator.objects.filter(pk=assessed.pk).update(polarity="higher")  # leaves the filter
    response = officer_client.post(f"{URL}?not_set=on", data, follow=True)
    assert "1 indicator saved: FD2" in response.content.decode()
    assert Indicator.objects.get(pk=assessed.pk).polarity == "higher"


def queries_with(client, count: int) -> int:
    """The page's queries once `count` indicators with a target are held in all."""
    area = ServiceAreaFactory(prefix="QC", title="Query count")
    for number in range(Indicator.objects.count(), count):
        indicator = IndicatorFactory(service_area=area, ref=f"QC{number}", polarity="not_set")
        TargetFactory(indicator=indicator, written="50%", kind="single", low=50, high=50)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL).status_code == 200
    return len(captured)


def test_the_page_takes_the_same_queries_for_one_row_and_many(
    officer_client, db, django_assert_num_queries
):
    """Session, user, roles, the filter's areas, the count, the page, its targets."""
    one, many = queries_with(officer_client, 1), queries_with(officer_client, 120)
    assert one == many
    with django_assert_num_queries(7):  # no permission rows read since cda5207: roles only
        officer_client.get(URL, {"page": "3"})


@pytest.mark.parametrize("role", roles.ALL_ROLES)
def test_the_scorecard_and_the_list_not_judged_link_to_it_for_those_who_may(
    client, indicators, role
):
    client.force_login(UserFactory(roles=[role]))
    link = f'href="{URL}'
    for page in ("scorecard_overview", "scorecard_not_judged"):
        shown = client.get(reverse(page)).content.decode()
        assert (link in shown) == (role in MAY), page
    not_judged = client.get(reverse("scorecard_not_judged"), {"area": "FD"}).content.decode()
    assert (f"{URL}?not_set=on&amp;area=FD" in not_judged) == (role in MAY)


def test_a_tolerance_held_is_shown_as_typed(officer_client, indicators):
    Indicator.objects.filter(ref="FD1").update(amber_tolerance=Decimal(3))
    form = officer_client.get(URL).context["form"]
    screened = Indicator.objects.get(ref="FD1")
    assert form[field(screened, "amber_tolerance")].value() == "3"
