"""Where each figure came from (issue 12, section 7): imported from which file, or entered
by whom and approved by whom; the rules as a table, then through the real services and
the indicator page, in a number of queries that does not grow with the figures."""

import datetime
import re
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance import roles
from scorecard import approval_services, services
from scorecard.domain.entry import Entry
from scorecard.domain.provenance import (
    Change,
    import_reason,
    origin,
    provenance_in_words,
)
from scorecard.importing import scorecard_import
from scorecard.models import IndicatorValue
from tests.governance.factories import UserFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, ServiceAreaFactory

LONDON = ZoneInfo("Europe/London")
JUNE = datetime.date(2023, 6, 1)
TODAY = datetime.date(2023, 7, 10)


def at(day: int, month: int = 7) -> datetime.datetime:
    return datetime.datetime(2023, month, day, 10, 0, tzinfo=LONDON)


def change(day, who, reason, figure=(D(78), ""), state="approved") -> Change:
    return Change(at(day), who, reason, figure, state)


IMPORT_A = change(3, "Sam Import", "Imported from scorecard-2023-06.xlsx")
IMPORT_B = change(9, "Kim Import", "Imported from scorecard-2023-07.xlsx")
ENTERED = change(4, "Pat Officer", "Entered", state="draft")
SUBMITTED = change(5, "Pat Officer", "Submitted", state="submitted")
APPROVED = change(6, "Dee Director", "Approved")
CHANGED = change(7, "Pat Officer", "Changed after approval: to be approved again",
                 figure=(D(80), ""), state="submitted")  # fmt: skip
REAPPROVED = change(8, "Ali Approver", "Approved", figure=(D(80), ""))


@pytest.mark.parametrize(
    ("changes", "state", "words"),
    [
        ([IMPORT_A], "approved",
         "Imported from scorecard-2023-06.xlsx on 3 July 2023 by Sam Import"),
        ([ENTERED], "draft", "Entered by Pat Officer on 4 July 2023; a draft, not yet submitted"),
        ([ENTERED, SUBMITTED], "submitted",
         "Entered by Pat Officer on 4 July 2023; submitted, waiting for approval"),
        ([ENTERED, SUBMITTED, APPROVED], "approved",
         "Entered by Pat Officer on 4 July 2023; approved by Dee Director on 6 July 2023"),
        # Changed after approval and approved again: the change and the later approval.
        ([ENTERED, SUBMITTED, APPROVED, CHANGED, REAPPROVED], "approved",
         "Entered by Pat Officer on 7 July 2023; approved by Ali Approver on 8 July 2023"),
        # An approval before the figure took its form is not its approval.
        ([ENTERED, SUBMITTED, APPROVED, CHANGED], "submitted",
         "Entered by Pat Officer on 7 July 2023; submitted, waiting for approval"),
        # The same figure imported again from a later file still came from the first.
        ([IMPORT_A, IMPORT_B], "approved",
         "Imported from scorecard-2023-06.xlsx on 3 July 2023 by Sam Import"),
        # A figure imported, then changed by hand: entered.
        ([IMPORT_A, CHANGED, REAPPROVED], "approved",
         "Entered by Pat Officer on 7 July 2023; approved by Ali Approver on 8 July 2023"),
        # An entered figure replaced by a later file: imported from that file.
        ([ENTERED, SUBMITTED, APPROVED, change(9, "Kim Import", "Imported from b.tsv",
                                               figure=(None, "n/a"))], "approved",
         "Imported from b.tsv on 9 July 2023 by Kim Import"),
        ([change(3, "Admin Person", "")], "approved",
         "Recorded on 3 July 2023 by Admin Person; how it was recorded is not known"),
        ([change(3, "", "Imported from a.tsv")], "approved",
         "Imported from a.tsv on 3 July 2023 by a person not recorded"),
        ([change(3, "Pat Officer", "Entered")], "approved",
         "Entered by Pat Officer on 3 July 2023; approved; who approved it was not recorded"),
        ([], "approved", "Where this figure came from was not recorded"),
    ],
)  # fmt: skip
def test_provenance_in_words(changes, state, words):
    assert provenance_in_words(changes, state=state) == words


def test_the_origin_is_where_the_figure_took_its_present_form():
    assert origin([ENTERED, SUBMITTED, APPROVED, CHANGED, REAPPROVED]) is CHANGED
    assert origin([IMPORT_A, IMPORT_B]) is IMPORT_A
    assert origin([]) is None


@pytest.mark.parametrize(
    ("filename", "reason"),
    [
        ("june.xlsx", "Imported from june.xlsx"),
        ("  two   spaces.tsv ", "Imported from two spaces.tsv"),
        ("", "Imported from a file with no name"),
        ("x" * 200, "Imported from " + "x" * 83 + "..."),
    ],
)
def test_the_import_reason_fits_the_history(filename, reason):
    assert import_reason(filename) == reason
    assert len(import_reason(filename)) <= 100


# Through the services and the page.


def text_of(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.text).split())


@pytest.fixture
def indicator(db):
    return IndicatorFactory(
        service_area=ServiceAreaFactory(prefix="FD"), ref="FD1", unit="percentage",
        decimal_places=1,
    )  # fmt: skip


@pytest.fixture
def director_client(client, db):
    director = UserFactory(roles=[roles.DIRECTOR], full_name="Dee Director")
    client.force_login(director)
    client.user = director
    return client


def page_text(client, ref="FD1") -> str:
    return text_of(client.get(reverse("indicator_detail", kwargs={"ref": ref})))


def today_in_words() -> str:
    now = timezone.localdate()
    return f"{now.day} {now:%B %Y}"


def test_an_entered_and_approved_figure_names_who_entered_and_who_approved_it(
    indicator, director_client
):
    officer = UserFactory(roles=[roles.PERFORMANCE_OFFICER], full_name="Pat Officer")
    services.values_enter(
        indicators=[indicator], period=JUNE, user=officer, today=TODAY, submit=True,
        entries={indicator.pk: Entry(value=D("78.1"))},
    )  # fmt: skip
    value = IndicatorValue.objects.get(indicator=indicator, period=JUNE)
    approval_services.values_approve(value_ids=[value.pk], user=director_client.user)

    text = page_text(director_client)
    day = today_in_words()

    words = f"Entered by Pat Officer on {day}; approved by Dee Director on {day}"
    assert f"Where it came from {words}" in text  # the latest figure, at the top
    assert f"June 2023 78.1% {words}" in text  # and in the values table


def test_a_submitted_figure_says_it_waits_for_approval(indicator, director_client):
    officer = UserFactory(roles=[roles.PERFORMANCE_OFFICER], full_name="Pat Officer")
    services.values_enter(
        indicators=[indicator], period=JUNE, user=officer, today=TODAY, submit=True,
        entries={indicator.pk: Entry(value=D("78.1"))},
    )  # fmt: skip

    text = page_text(director_client)

    assert f"Entered by Pat Officer on {today_in_words()}; submitted, waiting for approval" in text


def test_an_imported_figure_names_its_file(db, director_client):
    importer = UserFactory(roles=[roles.PERFORMANCE_OFFICER], full_name="Sam Import")
    source = "Ref\tIndicator\tMay-23\tJun-23\tTarget\nFD7\tExample timeliness (%)\t81%\t82%\t85%\n"
    scorecard_import(
        source=source.encode(), filename="scorecard June 2023.tsv", period=None, dry_run=False,
        user=importer,
    )  # fmt: skip

    text = page_text(director_client, "FD7")

    words = f"Imported from scorecard June 2023.tsv on {today_in_words()} by Sam Import"
    assert f"June 2023 82% {words}" in text
    assert f"May 2023 81% {words}" in text


def test_a_figure_without_a_trail_says_so(indicator, director_client):
    IndicatorValue.objects.bulk_create(
        [IndicatorValue(indicator=indicator, period=JUNE, value=D(50), state="approved")]
    )

    assert "June 2023 50.0% Where this figure came from was not recorded" in page_text(
        director_client
    )


def test_the_same_number_of_queries_for_one_figure_and_many(
    indicator, director_client, django_assert_num_queries
):
    url = reverse("indicator_detail", kwargs={"ref": "FD1"})
    IndicatorValueFactory(indicator=indicator, period=JUNE, state="approved")
    with CaptureQueriesContext(connection) as one:
        director_client.get(url)
    for month in range(1, 5):
        IndicatorValueFactory(
            indicator=indicator, period=datetime.date(2023, month, 1), state="approved"
        )
    with django_assert_num_queries(len(one.captured_queries)):
        director_client.get(url)
