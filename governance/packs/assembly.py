"""Assembling a meeting's agenda pack, in the order the page ranges need.

Rules:
- Papers go in agenda order, and an item's papers in their order.
- Public pack: an exempt item's papers are left out (the front sheet says so, and
  item_pages records it as omitted); full pack: they are included, marked.
- The pack records every agenda item whose words or papers it shows (held_items: the
  meeting's items not left out, and the items of earlier meetings its previous
  minutes and action log show), so an item made exempt later withdraws it.
- Generated papers are rendered as at the build day; uploaded papers are the stored
  PDFs, stamped with their item on their first page.
- The papers are rendered first, their page ranges worked out from the final
  pagination (governance.packs.pagination), and only then the front sheet, so its
  ranges are right whatever its own length.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from pypdf import PdfReader

from governance.models import AgendaItem, Meeting, Pack, Paper
from governance.packs import binding, front_sheet, words
from governance.packs.errors import PackBuildError
from governance.packs.pagination import Span, lay_out
from governance.packs.rendering import render_pdf
from governance.packs.reports import PaperJob, is_generated, render_report
from governance.packs.uploaded import read_uploaded

Report = Callable[[int, str], None]
RENDER_FROM, RENDER_TO = 5, 80
FRONT_SHEET_TEMPLATE = "governance/packs/pdf/front_sheet.html"


@dataclass(frozen=True)
class Part:
    """One paper's pages, and the lines stamped on its first page (uploaded papers)."""

    reader: PdfReader
    stamp: list[str] = field(default_factory=list)


@dataclass
class ItemDocument:
    item: AgendaItem
    parts: list[Part]

    @property
    def page_count(self) -> int:
        return sum(len(part.reader.pages) for part in self.parts)


@dataclass(frozen=True)
class AssembledPack:
    pdf: bytes
    page_count: int
    item_pages: list[dict]
    held_items: list[int] = field(default_factory=list)


def pack_items(meeting: Meeting, *, audience: str):
    """The items whose papers go in, with their papers; and the exempt items left out."""
    included, omitted = [], []
    for item in meeting.agenda_items.all():
        if item.is_exempt and audience == Pack.Audience.PUBLIC:
            omitted.append(item)
            continue
        papers = list(item.papers.all())
        if papers:
            included.append((item, papers))
    return included, omitted


def render_part(job: PaperJob) -> Part:
    """A paper's pages: the stored PDF with its stamp, or the generated report."""
    paper = job.paper
    if paper.kind == Paper.Kind.UPLOADED:
        stamp = words.item_stamp(job.item, exempt_marked=job.exempt_marked)
        return Part(read_uploaded(paper), stamp)
    if is_generated(paper):
        return Part(render_report(job))
    raise PackBuildError(f"The paper “{paper.title}” is of a kind the pack cannot render.")


def render_items(
    meeting, included, *, audience, as_at, report: Report, held: set[int]
) -> list[ItemDocument]:
    """Each item's papers rendered; `held` gathers the items the generated reports show."""
    documents, total = [], len(included)
    for index, (item, papers) in enumerate(included, start=1):
        done = RENDER_FROM + (RENDER_TO - RENDER_FROM) * (index - 1) // total
        report(done, f"Rendering item {item.order} ({index} of {total} with papers)")
        jobs = [PaperJob(paper, item, meeting, audience, as_at, held) for paper in papers]
        documents.append(ItemDocument(item, [render_part(job) for job in jobs]))
    return documents


def item_pages(documents, spans: list[Span], omitted) -> list[dict]:
    """What Pack.item_pages records: each item's pages, and exempt items left out."""
    entries = [
        {
            "item_id": doc.item.pk,
            "number": doc.item.order,
            "title": doc.item.title,
            "first": span.first,
            "last": span.last,
        }
        for doc, span in zip(documents, spans, strict=True)
    ]
    entries += [
        {
            "item_id": item.pk,
            "number": item.order,
            "title": item.title,
            "exempt_omitted": True,
            "paragraph": item.exempt_paragraph,
        }
        for item in omitted
    ]
    return sorted(entries, key=lambda entry: entry["number"])


def pack_title(meeting: Meeting, audience: str) -> str:
    kind = "public agenda pack" if audience == Pack.Audience.PUBLIC else "agenda pack"
    return f"{meeting.board.name}, {words.long_date(meeting.starts_at)}: {kind}"


def assemble(
    meeting: Meeting, *, audience: str, version: int, as_at: datetime.date, report: Report
) -> AssembledPack:
    """The pack's PDF, page count and item pages (module docstring)."""
    report(2, "Reading the agenda")
    included, omitted = pack_items(meeting, audience=audience)
    left_out = {item.pk for item in omitted}
    held = {item.pk for item in meeting.agenda_items.all() if item.pk not in left_out}
    documents = render_items(
        meeting, included, audience=audience, as_at=as_at, report=report, held=held
    )
    spans = lay_out(
        [doc.page_count for doc in documents],
        start_on_odd=meeting.board.items_start_on_odd_pages,
    )
    report(RENDER_TO, "Rendering the front sheet")
    by_item = {doc.item.pk: span for doc, span in zip(documents, spans, strict=True)}
    context = front_sheet.context(
        meeting, audience=audience, spans=by_item, version=version, as_at=as_at
    )
    front = render_pdf(FRONT_SHEET_TEMPLATE, context)
    report(88, "Numbering pages and adding bookmarks")
    pdf, page_count = binding.bind(
        front,
        documents,
        spans,
        items=meeting.agenda_items.all(),
        title=pack_title(meeting, audience),
    )
    return AssembledPack(pdf, page_count, item_pages(documents, spans, omitted), sorted(held))
