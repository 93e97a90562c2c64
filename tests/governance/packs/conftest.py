"""Fixtures for the agenda pack tests: small PDFs made with WeasyPrint, a meeting with
an agenda and papers, and reading a built pack back with pypdf."""

import datetime
import functools
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from pypdf import PdfReader
from weasyprint import HTML

from governance.models import AgendaItem, Board, Meeting, Pack, Paper
from governance.packs import services
from tests.governance.factories import (
    AgendaItemFactory,
    BoardFactory,
    MeetingFactory,
    PaperFactory,
)

SIZES = {"a4": "A4", "landscape": "A4 landscape", "letter": "letter"}


@functools.lru_cache(maxsize=64)
def make_pdf(pages: int, *, label: str = "Uploaded", size: str = "a4") -> bytes:
    """A PDF of `pages` pages, each saying "{label} page N of M" (made once per kind)."""
    body = "".join(
        f'<p style="page-break-after: always">{label} page {n} of {pages}</p>'
        for n in range(1, pages + 1)
    )
    html = f"<style>@page {{ size: {SIZES[size]}; margin: 2cm }}</style>{body}"
    return HTML(string=html).write_pdf()


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def uploaded(item: AgendaItem, pages: int, **kwargs) -> Paper:
    label = kwargs.pop("label", f"Item {item.order} paper")
    size = kwargs.pop("size", "a4")
    data = make_pdf(pages, label=label, size=size)
    return PaperFactory(
        agenda_item=item, file=ContentFile(data, name="paper.pdf"), title=label, **kwargs
    )


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def board(db) -> Board:
    return BoardFactory(
        name="Children's Services Scrutiny Panel",
        slug="scrutiny-panel",
        contact_name="Paul Radcliffe, Policy and Strategy Lead",
        items_start_on_odd_pages=True,
    )


@pytest.fixture
def meeting(board):
    return MeetingFactory(
        board=board,
        starts_at=datetime.datetime(2023, 1, 11, 18, 0, tzinfo=datetime.UTC),
        place="Committee Room 1 - Tameside One",
    )


@pytest.fixture
def agenda(meeting):
    """Items 1-4: apologies (no papers), a 3-page report, a 2-page report and an
    exempt 1-page report (paragraph 3)."""
    items = {
        1: AgendaItemFactory(meeting=meeting, order=1, title="Apologies for absence"),
        2: AgendaItemFactory(meeting=meeting, order=2, title="Children missing from home"),
        3: AgendaItemFactory(meeting=meeting, order=3, title="Workforce strategy"),
        4: AgendaItemFactory(
            meeting=meeting, order=4, title="Placement contract", exempt_paragraph=3
        ),
    }
    uploaded(items[2], 3)
    uploaded(items[3], 2)
    uploaded(items[4], 1, label="Exempt contract")
    return items


PAGE_STAMP = re.compile(r"(?m)^Page (\d+)$")
AGENDA_HEADER = "Item No. AGENDA Page No."
AGENDA_ROW = re.compile(r"(\d+)\. .*?(?: (\d+(?:-\d+)?|Not for publication))?$")


def build(meeting, audience=Pack.Audience.FULL) -> Pack:
    """A new version of the meeting's pack, built here and now."""
    pack = services.pack_create(meeting=meeting, audience=audience, user=None)
    return services.pack_build(pack_id=pack.pk)


def pack_bytes(pack: Pack) -> bytes:
    with pack.file.open("rb") as stored:
        return stored.read()


def front_length(texts: list[str]) -> int:
    """How many pages come before the one stamped "Page 1"."""
    return next(i for i, text in enumerate(texts) if stamped_number(text) == 1)


def stamped_number(text: str) -> int | None:
    found = PAGE_STAMP.findall(text)
    return int(found[-1]) if found else None


def item_starts(texts: list[str]) -> dict[int, int]:
    """Each item's first page number, found from "Agenda Item N" on the page."""
    starts: dict[int, int] = {}
    for text in texts:
        for number in re.findall(r"Agenda Item (\d+)", text):
            starts.setdefault(int(number), stamped_number(text))
    return starts


def front_sheet_ranges(texts: list[str]) -> dict[int, str]:
    """Item number to what the front sheet's Page No. column says ("" when blank)."""
    front = " ".join(texts[: front_length(texts)])
    table = front[front.index(AGENDA_HEADER) :].replace(AGENDA_HEADER, " ")
    table = " ".join(table.split()).split("From: Democratic")[0]
    table = re.split(r" Item \d+ is exempt", table)[0]
    ranges = {}
    for row in re.split(r" (?=\d+\. [A-Z])", " " + table):
        found = AGENDA_ROW.match(row.strip())
        if found:
            ranges[int(found[1])] = found[2] or ""
    return ranges


@pytest.fixture
def published(meeting, agenda):
    """The meeting's agenda and its public pack, published."""
    Meeting.objects.filter(pk=meeting.pk).update(
        status=Meeting.Status.AGENDA_PUBLISHED, agenda_published_at=timezone.now()
    )
    return services.pack_publish(pack=build(meeting, Pack.Audience.PUBLIC), user=None)
