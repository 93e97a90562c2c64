"""The meetings issue's "done when", through the pages as democratic services use them.

An officer arranges the panel's next meeting, adds the improvement plan report, the
scorecard and uploaded PDFs (one of them exempt), builds the full and the public pack;
the front sheet's page ranges are where each item starts; the public pack leaves the
exempt item out. Then the minutes record attendance, a declaration and an action
arising, which the board's action log and the next meeting's pack both show.
"""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from governance import roles
from governance.models import AgendaItem, Meeting, Membership, Pack, Paper
from scorecard.models import IndicatorValue
from tests.governance.factories import BoardFactory, MeetingFactory, MembershipFactory
from tests.governance.meetings.editing import edit
from tests.governance.packs.conftest import front_sheet_ranges, item_starts, make_pdf
from tests.improvement_plan.factories import ActionFactory, ObjectiveFactory
from tests.scorecard.factories import IndicatorValueFactory

pytestmark = pytest.mark.django_db
django_capture_on_commit_callbacks = TestCase.captureOnCommitCallbacks


@pytest.fixture(autouse=True)
def builds_in_process(tasks_in_process):
    """The build task runs in this process, broker or not (CI configures Redis)."""


def joined(texts: list[str]) -> str:
    """The pages' text with every run of white space one space, as a reader sees it."""
    return " ".join(" ".join(texts).split())


@pytest.fixture
def panel():
    return BoardFactory(
        name="Children's Services Scrutiny Panel",
        slug="scrutiny-panel",
        contact_name="Paul Radcliffe",
        items_start_on_odd_pages=True,
    )


@pytest.fixture
def officer(client, user_with_role):
    person = user_with_role(roles.DEMOCRATIC_SERVICES)
    client.force_login(person)
    return person


@pytest.fixture
def live_data():
    objective = ObjectiveFactory()
    for number in range(1, 4):
        ActionFactory(objective=objective, description=f"Plan action number {number}")
    IndicatorValueFactory(period=datetime.date(2023, 1, 1), state=IndicatorValue.State.APPROVED)


def upload(client, item: AgendaItem, label: str, pages: int) -> None:
    data = make_pdf(pages, label=label)
    file = SimpleUploadedFile(f"{label}.pdf", data, content_type="application/pdf")
    response = client.post(
        reverse("paper_add_upload", args=[item.pk]), {"title": label, "file": file}
    )
    assert response.status_code == 302, response.text


def add_item(client, meeting: Meeting, title: str, exempt_paragraph: str = "") -> AgendaItem:
    response = client.post(
        reverse("agenda_item_add", args=[meeting.pk]),
        {"title": title, "description": f"The Panel to consider {title}.",
         "exempt_paragraph": exempt_paragraph},
    )  # fmt: skip
    assert response.status_code == 302, response.text
    return meeting.agenda_items.get(title=title)


def arrange(client, panel) -> Meeting:
    response = client.post(reverse("meeting_create"), {
        "board": panel.pk, "date_day": "8", "date_month": "3", "date_year": "2023",
        "start_time": "6pm", "place": "Committee Room 1 - Tameside One",
        "papers_deadline_day": "24", "papers_deadline_month": "2",
        "papers_deadline_year": "2023",
    })  # fmt: skip
    assert response.status_code == 302, response.text
    return Meeting.objects.get(board=panel, starts_at__date=datetime.date(2023, 3, 8))


def build(client, meeting: Meeting, audience: str) -> tuple[Pack, list[str]]:
    """Builds from the meeting page's button; the task starts once the request commits."""
    url = reverse("pack_build", args=[meeting.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"audience": audience})
    pack = Pack.objects.filter(meeting=meeting, audience=audience).latest("version")
    assert response.url == reverse("pack_detail", args=[pack.pk])
    assert pack.state == Pack.State.BUILT, pack.error
    download = client.get(reverse("pack_download", args=[pack.pk]))
    reader = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    return pack, [page.extract_text() for page in reader.pages]


def test_an_officer_builds_the_next_meeting_pack_from_live_data(client, panel, officer, live_data):
    meeting = arrange(client, panel)
    plan_item = add_item(client, meeting, "Improvement plan")
    client.post(reverse("paper_add_report", args=[plan_item.pk]), {"kind": "plan_report"})
    scorecard_item = add_item(client, meeting, "Performance scorecard")
    client.post(
        reverse("paper_add_report", args=[scorecard_item.pk]),
        {"kind": "scorecard_report", "scorecard_period": "2023-01-01"},
    )
    missing_item = add_item(client, meeting, "Children missing from home")
    upload(client, missing_item, "Missing children briefing", 3)
    contract_item = add_item(client, meeting, "Placement contract", exempt_paragraph="3")
    upload(client, contract_item, "Confidential contract terms", 2)
    assert Paper.objects.filter(agenda_item__meeting=meeting).count() == 4

    full, texts = build(client, meeting, "full")
    numbers = assert_ranges_are_where_items_start(full, texts)
    assert numbers == [
        plan_item.order,
        scorecard_item.order,
        missing_item.order,
        contract_item.order,
    ]
    assert "Plan action number 2" in joined(texts)
    assert "Confidential contract terms" in joined(texts)

    public, texts = build(client, meeting, "public")
    assert assert_ranges_are_where_items_start(public, texts) == numbers[:3]
    assert "Confidential contract terms" not in joined(texts)
    assert front_sheet_ranges(texts)[contract_item.order] == "Not for publication"


def assert_ranges_are_where_items_start(pack: Pack, texts: list[str]) -> list[int]:
    """Each range on the front sheet starts on the page where "Agenda Item N" is printed
    and ends before the next item starts; returns the numbers of the items with pages."""
    ranges, starts = front_sheet_ranges(texts), item_starts(texts)
    numbers = [entry["number"] for entry in pack.item_pages if "first" in entry]
    for number, following in zip(numbers, [*numbers[1:], None], strict=True):
        first, _, last = ranges[number].partition("-")
        assert int(first) == starts[number], f"item {number} starts on page {starts[number]}"
        end = int(last or first)
        assert end >= int(first)
        assert following is None or end < starts[following]
    return numbers


def test_the_minutes_record_attendance_declarations_and_a_tracked_action(client, panel, officer):
    march = MeetingFactory(
        board=panel, starts_at=datetime.datetime(2023, 3, 8, 18, tzinfo=datetime.UTC)
    )
    item = AgendaItem.objects.create(meeting=march, order=4, title="Workforce strategy")
    chair = MembershipFactory(board=panel, role=Membership.Role.CHAIR).person
    edit(client, reverse("meeting_attendance", args=[march.pk]), {f"status_{chair.pk}": "present"})
    client.post(reverse("meeting_declarations", args=[march.pk]), {
        "agenda_item": item.pk, "person": chair.pk, "kind": "non_registrable",
        "interest": "Is a foster carer",
    })  # fmt: skip
    client.post(reverse("minute_add", args=[march.pk]), {"agenda_item": item.pk, "text": "Noted"})
    minute = march.minutes.get()
    response = client.post(reverse("action_arising_add", args=[minute.pk]), {
        "description": "Report recruitment figures to the Panel", "owner": chair.pk,
        "due_date_day": "19", "due_date_month": "4", "due_date_year": "2023",
    })  # fmt: skip
    assert response.status_code == 302, response.text

    assert march.attendances.get().status == "present"
    assert march.declarations.get().interest == "Is a foster carer"
    log = client.get(reverse("board_action_log", args=[panel.slug])).text
    assert "Report recruitment figures to the Panel" in log
    april = MeetingFactory(
        board=panel, starts_at=timezone.make_aware(datetime.datetime(2023, 4, 19, 18))
    )
    log_item = AgendaItem.objects.create(meeting=april, order=3, title="Action log")
    client.post(reverse("paper_add_report", args=[log_item.pk]), {"kind": "action_log"})
    _, texts = build(client, april, "full")
    assert "Report recruitment figures to the Panel" in joined(texts)
