"""Finding 5 for the scorecard: notes, missing reasons, commentary and return reasons have
limits that fit their use, said in the hint (a GOV.UK character count), checked in the form
and the service with what was typed kept; long words wrap on the pages that show them."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from governance import roles
from scorecard import commentary_services, services
from scorecard.domain.entry import Entry
from scorecard.models import Commentary, IndicatorValue
from tests.governance.factories import UserFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, ServiceAreaFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
MONTH = (TODAY.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
ENTRY = reverse("scorecard_value_entry", kwargs={"prefix": "FD", "month": MONTH})
COMMENTARY = reverse("scorecard_commentary", kwargs={"prefix": "FD", "month": MONTH})
LONG_WORD = "x" * 400


@pytest.fixture
def officer_client(client):
    client.user = UserFactory(roles=[roles.PERFORMANCE_OFFICER])
    client.force_login(client.user)
    return client


@pytest.fixture
def area():
    return ServiceAreaFactory(prefix="FD", title="Front Door")


@pytest.fixture
def fd1(area):
    return IndicatorFactory(service_area=area, ref="FD1", unit="count", decimal_places=0)


def opened_form(client, url) -> dict:
    form = client.get(url).context["form"]
    return {name: form[name].value() or "" for name in form.fields}


def test_the_limits_are_said_in_the_hint_without_cutting_text_off(officer_client, fd1):
    page = officer_client.get(ENTRY).text

    assert "You can enter up to 500 characters" in page  # the note
    assert "You can enter up to 100 characters" in page  # the reason it is missing
    assert " maxlength=" not in page  # the browser never cuts pasted text off
    assert "You can enter up to 5000 characters" in officer_client.get(COMMENTARY).text


@pytest.mark.parametrize(
    ("part", "length", "message"),
    [
        ("note", 501, "FD1 note must be 500 characters or fewer"),
        ("missing_reason", 101, "FD1 reason must be 100 characters or fewer"),
    ],
)
def test_too_long_text_on_a_figure_is_refused_and_kept(officer_client, fd1, part, length, message):
    typed = "y" * length
    data = {**opened_form(officer_client, ENTRY), f"i{fd1.pk}-{part}": typed}
    if part == "note":
        data[f"i{fd1.pk}-value"] = "5"

    response = officer_client.post(ENTRY, data)

    assert response.status_code == 200
    assert message in response.text
    assert typed in response.text
    assert not IndicatorValue.objects.exists()


def test_too_long_commentary_is_refused_and_kept(officer_client, area):
    typed = "z" * 5001
    data = {**opened_form(officer_client, COMMENTARY), "text": typed, "action": "draft"}

    response = officer_client.post(COMMENTARY, data)

    assert "Commentary must be 5,000 characters or fewer" in response.text
    assert typed in response.text
    assert not Commentary.objects.exists()


def test_the_services_check_the_limits_too(officer_client, fd1, area):
    outcome = services.values_enter(
        indicators=[fd1], period=MONTH, user=officer_client.user, today=TODAY,
        entries={fd1.pk: Entry(value=D(5), note="n" * 501)},
    )  # fmt: skip
    assert outcome.problems == {f"i{fd1.pk}-note": "FD1 note must be 500 characters or fewer"}

    with pytest.raises(ValidationError, match="Commentary must be 5,000 characters or fewer"):
        commentary_services.commentary_save(
            area=area, period=MONTH, text="c" * 5001, user=officer_client.user, today=TODAY
        )


def test_long_words_wrap_where_notes_and_commentary_are_shown(officer_client, fd1, area):
    IndicatorValueFactory(
        indicator=fd1, period=MONTH, value=5, note=LONG_WORD, state="submitted",
        entered_by=UserFactory(),
    )  # fmt: skip
    Commentary.objects.create(service_area=area, period=MONTH, text=LONG_WORD, state="submitted")

    page = officer_client.get(reverse("scorecard_approvals")).text

    assert f'<td class="govuk-table__cell app-break-word">{LONG_WORD}</td>' in page
    assert f'<div class="govuk-inset-text app-break-word">{LONG_WORD}</div>' in page
