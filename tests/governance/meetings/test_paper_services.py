"""Papers: uploads checked by content, size and by opening them (pages counted),
reports the pack generates, ordering within an item, and deleting."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from governance import roles
from governance.meetings import paper_services, services
from governance.models import Paper
from scorecard.models import IndicatorValue
from tests.governance.factories import AgendaItemFactory, UserFactory
from tests.governance.meetings.factories import pdf_bytes, pdf_upload
from tests.improvement_plan.factories import PlanFactory
from tests.scorecard.factories import IndicatorValueFactory

pytestmark = pytest.mark.django_db

JUNE = datetime.date(2023, 6, 1)


@pytest.fixture
def officer():
    return UserFactory(roles=[roles.DEMOCRATIC_SERVICES])


@pytest.fixture
def item():
    return AgendaItemFactory(title="Children missing from home and care")


def upload(item, user, uploaded, title=""):
    return services.paper_upload(item=item, uploaded_file=uploaded, title=title, user=user)


def file_error(item, user, uploaded) -> str:
    with pytest.raises(ValidationError) as error:
        upload(item, user, uploaded)
    assert not Paper.objects.exists()
    return error.value.message_dict["file"][0]


def test_an_uploaded_pdf_is_stored_with_its_pages_counted(item, officer, media):
    paper = upload(item, officer, pdf_upload("missing_children.pdf", pages=10))

    assert (paper.title, paper.kind, paper.page_count, paper.order) == (
        "missing children",
        Paper.Kind.UPLOADED,
        10,
        1,
    )
    assert (media / paper.file.name).read_bytes().startswith(b"%PDF-")
    assert paper.added_by == officer
    assert LogEntry.objects.get(object_id=str(paper.pk)).change_message == "Uploaded, 10 pages"
    second = upload(item, officer, pdf_upload(), title="Police <b>data</b>")
    assert (second.title, second.order) == ("Police data", 2)


def test_a_file_renamed_to_pdf_is_refused(item, officer):
    renamed = SimpleUploadedFile("minutes.pdf", b"PK\x03\x04 a Word file, really")

    assert file_error(item, officer, renamed) == "The selected file must be a PDF"


def test_a_file_too_big_is_refused(item, officer, settings):
    settings.PAPER_MAX_BYTES = 1024

    message = file_error(item, officer, pdf_upload(pages=40))

    assert message.replace("\xa0", " ") == "The selected file must be smaller than 1.0 KB"


def test_an_encrypted_pdf_is_refused(item, officer):
    locked = pdf_upload(password="secret")

    assert file_error(item, officer, locked) == (
        "The selected PDF is protected with a password: save a copy without a password and "
        "upload that"
    )


def test_a_damaged_pdf_is_refused(item, officer):
    damaged = SimpleUploadedFile("report.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")

    assert file_error(item, officer, damaged).startswith("The selected PDF cannot be opened")


def test_an_empty_file_is_refused(item, officer):
    assert file_error(item, officer, SimpleUploadedFile("a.pdf", b"")) == (
        "The selected file is empty"
    )


def test_the_limit_defaults_to_20_mb(settings):
    del settings.PAPER_MAX_BYTES

    assert paper_services.paper_max_bytes() == 20 * 1024 * 1024


def test_a_plan_report_defaults_to_the_newest_plan(item, officer):
    PlanFactory(title="Improvement Plan 2021", starts_on=datetime.date(2021, 6, 1))
    newest = PlanFactory(title="Improvement Plan 2022", starts_on=datetime.date(2022, 6, 1))

    paper = services.paper_add_report(item=item, kind="plan_report", user=officer)

    assert (paper.plan, paper.file.name, paper.page_count) == (newest, "", None)
    assert paper.title == "Improvement plan progress report: Improvement Plan 2022"


def test_a_plan_report_needs_a_plan(item, officer):
    with pytest.raises(ValidationError) as error:
        services.paper_add_report(item=item, kind="plan_report", user=officer)

    assert error.value.message_dict == {
        "plan": ["There is no improvement plan yet: import the plan first"]
    }


def test_a_scorecard_report_shows_a_month_with_approved_figures(item, officer):
    IndicatorValueFactory(period=JUNE, state=IndicatorValue.State.APPROVED)
    IndicatorValueFactory(period=JUNE.replace(month=7))  # a draft: not held

    paper = services.paper_add_report(
        item=item, kind="scorecard_report", scorecard_period=JUNE, user=officer
    )
    assert (paper.title, paper.scorecard_period) == ("Performance scorecard, June 2023", JUNE)

    for month in (JUNE.replace(month=7), None):
        with pytest.raises(ValidationError) as error:
            services.paper_add_report(
                item=item, kind="scorecard_report", scorecard_period=month, user=officer
            )
        assert error.value.message_dict == {
            "scorecard_period": ["Select a month with approved scorecard figures"]
        }


def test_an_action_log_and_unknown_kinds(item, officer):
    paper = services.paper_add_report(
        item=item, kind="action_log", user=officer, plan=PlanFactory()
    )
    assert (paper.title, paper.plan) == ("Actions arising from previous meetings", None)

    with pytest.raises(ValidationError, match="Select the kind of report"):
        services.paper_add_report(item=item, kind="uploaded", user=officer)


def test_papers_move_within_their_item_and_close_up_when_deleted(
    item, officer, media, django_capture_on_commit_callbacks
):
    first = upload(item, officer, pdf_upload(), title="First")
    second = upload(item, officer, pdf_upload(), title="Second")
    third = services.paper_add_report(item=item, kind="action_log", user=officer)

    services.paper_move(paper=third, direction="up", user=officer)
    assert list(item.papers.order_by("order").values_list("title", flat=True)) == [
        "First",
        "Actions arising from previous meetings",
        "Second",
    ]
    with pytest.raises(ValidationError, match="already the first paper"):
        services.paper_move(paper=first, direction="up", user=officer)

    stored = media / first.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.paper_delete(paper=first, user=officer)

    assert not stored.exists()
    assert list(item.papers.order_by("order").values_list("order", "pk")) == [
        (1, third.pk),
        (2, second.pk),
    ]


def test_a_pdf_made_by_the_factory_opens():
    assert pdf_bytes(3).startswith(b"%PDF-")
