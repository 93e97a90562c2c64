"""A public board with a published meeting holding public and exempt items, papers, a
public and a full pack, and published minutes; every exempt text is a SECRET_ marker."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from pypdf import PdfWriter

from governance.models import AgendaItem, Attendance, Meeting, Membership, Pack, Paper
from tests.governance.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BoardFactory,
    DeclarationFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteFactory,
    OrganisationFactory,
    PackFactory,
    PaperFactory,
    UserFactory,
)

JANUARY = datetime.datetime(2023, 1, 11, 18, 0, tzinfo=datetime.UTC)
SECRETS = [
    "SECRET_ITEM_DESCRIPTION",
    "SECRET_PAPER_TITLE",
    "SECRET_MINUTE_TEXT",
    "SECRET_MINUTE_RESOLVED",
    "SECRET_MINUTE_TITLE",
    "SECRET_INTEREST",
    "SECRET_PRESENTERS",
]


def pdf(pages: int = 1) -> bytes:
    """A small valid PDF of blank A4 pages."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_file(name: str = "paper.pdf", pages: int = 1) -> ContentFile:
    return ContentFile(pdf(pages), name=name)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Nobody signs in with a password here: hash the factories' passwords quickly."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def board(db):
    board = BoardFactory(
        name="Children's Services Scrutiny Panel",
        slug="scrutiny-panel",
        terms_of_reference="To scrutinise the improvement of children's services.",
    )
    MembershipFactory(
        board=board,
        person=UserFactory(full_name="Tafheen Sharif"),
        organisation=OrganisationFactory(name="Tameside Council"),
        role=Membership.Role.CHAIR,
    )
    return board


def public_meeting(board, **kwargs) -> Meeting:
    """A meeting of the board with its agenda published."""
    kwargs.setdefault("status", Meeting.Status.AGENDA_PUBLISHED)
    kwargs.setdefault("agenda_published_at", timezone.now())
    return MeetingFactory(board=board, **kwargs)


def agenda(meeting: Meeting) -> dict:
    """A public item with an uploaded paper and a generated report, and an exempt item
    with a paper, a minute and a declaration, all of whose text is secret."""
    public = AgendaItemFactory(
        meeting=meeting,
        order=4,
        title="Children missing from home and care",
        description="The Panel to receive an update on partnership arrangements.",
        presenters="Director of Children's Services",
    )
    paper = PaperFactory(
        agenda_item=public, title="Missing children report", file=pdf_file(), page_count=10
    )
    generated = PaperFactory(
        agenda_item=public,
        title="Performance scorecard",
        kind=Paper.Kind.SCORECARD_REPORT,
        file=pdf_file("scorecard.pdf"),
    )
    exempt = AgendaItemFactory(
        meeting=meeting,
        order=9,
        title="Placement of a named child",
        description="SECRET_ITEM_DESCRIPTION",
        presenters="SECRET_PRESENTERS",
        exempt_paragraph=AgendaItem.ExemptParagraph.P1,
    )
    exempt_paper = PaperFactory(agenda_item=exempt, title="SECRET_PAPER_TITLE", file=pdf_file())
    return {
        "public": public,
        "paper": paper,
        "generated": generated,
        "exempt": exempt,
        "exempt_paper": exempt_paper,
    }


def minutes(meeting: Meeting, items: dict) -> None:
    """Attendance, a declaration on each item, and a minute for each item."""
    chair = Membership.objects.get(board=meeting.board, role=Membership.Role.CHAIR)
    AttendanceFactory(
        meeting=meeting, person=chair.person, membership=chair, organisation=chair.organisation
    )
    AttendanceFactory(
        meeting=meeting, person=UserFactory(full_name="Jan Homer"), status="apologies"
    )
    AttendanceFactory(
        meeting=meeting,
        person=UserFactory(full_name="Tom Smith"),
        status=Attendance.Status.DEPUTY_ATTENDED,
        deputy=UserFactory(full_name="Dee Puty"),
    )
    DeclarationFactory(agenda_item=items["public"], interest="A relative works in the service.")
    DeclarationFactory(agenda_item=items["exempt"], interest="SECRET_INTEREST")
    MinuteFactory(
        meeting=meeting,
        agenda_item=items["public"],
        number=18,
        title="Children missing from home and care",
        text="The Panel welcomed the Director.",
        resolved="That the update be noted.",
    )
    MinuteFactory(
        meeting=meeting,
        agenda_item=items["exempt"],
        number=19,
        title="SECRET_MINUTE_TITLE",
        text="SECRET_MINUTE_TEXT",
        resolved="SECRET_MINUTE_RESOLVED",
    )


def packs(meeting: Meeting) -> dict:
    """A full pack, an older and a newest published public pack, and an unpublished one."""
    built = {"state": Pack.State.BUILT, "built_at": timezone.now()}
    exempt = meeting.agenda_items.filter(exempt_paragraph__isnull=False).first()
    exempt_id = exempt.pk if exempt else 0
    full = PackFactory(
        meeting=meeting,
        audience=Pack.Audience.FULL,
        version=1,
        file=pdf_file("full.pdf"),
        published_at=timezone.now(),
        **built,
    )
    older = PackFactory(
        meeting=meeting,
        audience=Pack.Audience.PUBLIC,
        version=1,
        file=pdf_file("old.pdf"),
        published_at=timezone.now(),
        **built,
    )
    public = PackFactory(
        meeting=meeting,
        audience=Pack.Audience.PUBLIC,
        version=2,
        page_count=76,
        item_pages=[
            {"item_id": 0, "number": 4, "title": "Missing", "first": 3, "last": 12},
            {"item_id": exempt_id, "number": 9, "title": "Named child", "exempt_omitted": True},
        ],
        file=pdf_file("public.pdf", pages=3),
        published_at=timezone.now(),
        **built,
    )
    return {"full": full, "older": older, "public": public}


@pytest.fixture
def meeting(board):
    """The January meeting: held, agenda and draft minutes published, with packs."""
    meeting = public_meeting(
        board,
        starts_at=JANUARY,
        status=Meeting.Status.HELD,
        place="Committee Room 1 - Tameside One",
        minutes_published_at=timezone.now(),
    )
    meeting.items_made = agenda(meeting)
    minutes(meeting, meeting.items_made)
    meeting.packs_made = packs(meeting)
    return meeting
