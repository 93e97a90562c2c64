"""Binding the rendered pages into one PDF: front sheet, papers, blank pages, page
numbers, stamps, bookmarks and page labels.

Rules:
- The front sheet comes first and is not numbered; page 1 is the page after it.
- Every numbered page, generated or uploaded, is stamped "Page N" at its bottom centre
  (governance.packs.stamps); an uploaded paper's first page also gets its item stamp.
- A blank filler page (governance.packs.pagination) is the size of the page before it
  and says "This page is intentionally left blank".
- Bookmarks: "Front sheet", then one per agenda item, "5. Title", at the item's first
  page; an item with no pages in this pack (no papers, or exempt in the public pack)
  points at the front sheet, where the agenda lists it.
- Page labels match the stamps, so a reader's "go to page 5" lands on "Page 5"; the
  front sheet is labelled i, ii...
"""

import io
from collections.abc import Iterable

from pypdf import PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle

from governance.packs import stamps
from governance.packs.pagination import Span, total_pages


def add_part(writer: PdfWriter, part, number: int) -> int:
    """Adds a paper's pages, numbered from `number`; returns the next number."""
    for index, source in enumerate(part.reader.pages):
        page = stamps.upright(writer.add_page(source))
        lines = [stamps.page_number_line(page, number)]
        if index == 0 and part.stamp:
            lines += stamps.item_stamp_lines(page, part.stamp)
        stamps.stamp(page, lines)
        number += 1
    return number


def add_blank(writer: PdfWriter, number: int) -> None:
    """The filler page, numbered like the others: one overlay with both lines."""
    page = stamps.blank_page(writer, like=writer.pages[-1])
    box = page.cropbox
    notice = stamps.centred(
        stamps.BLANK_TEXT,
        left=float(box.left),
        right=float(box.right),
        y=float(box.bottom + box.top) / 2,
        size=stamps.BLANK_SIZE,
    )
    stamps.stamp(page, [notice, stamps.page_number_line(page, number)])


def add_papers(writer: PdfWriter, documents, spans: list[Span]) -> None:
    """Each item's papers in order, with filler pages where the layout has them."""
    number = 1
    for document, span in zip(documents, spans, strict=True):
        for part in document.parts:
            number = add_part(writer, part, number)
        if span.blank_after:
            add_blank(writer, number)
            number += 1
    if number - 1 != total_pages(spans):
        raise RuntimeError("The pages added do not match the pack's page ranges.")


def add_outline(writer: PdfWriter, items: Iterable, starts: dict[int, int], front: int) -> None:
    """Bookmarks (module docstring); `starts` maps item ids to first page numbers."""
    writer.add_outline_item(title="Front sheet", page_number=0)
    for item in items:
        first = starts.get(item.pk)
        index = front + first - 1 if first is not None else 0
        writer.add_outline_item(title=f"{item.order}. {item.title}", page_number=index)


def add_labels(writer: PdfWriter, front: int) -> None:
    writer.set_page_label(0, front - 1, style=PageLabelStyle.LOWERCASE_ROMAN, start=1)
    if len(writer.pages) > front:
        writer.set_page_label(front, len(writer.pages) - 1, style=PageLabelStyle.DECIMAL, start=1)


def bind(
    front_sheet: PdfReader, documents, spans: list[Span], *, items, title: str
) -> tuple[bytes, int]:
    """The whole pack as PDF bytes, and its number of pages (front sheet included)."""
    writer = PdfWriter()
    for page in front_sheet.pages:
        writer.add_page(page)
    front = len(writer.pages)
    add_papers(writer, documents, spans)
    starts = {doc.item.pk: span.first for doc, span in zip(documents, spans, strict=True)}
    add_outline(writer, items, starts, front)
    add_labels(writer, front)
    writer.add_metadata({"/Title": title, "/Creator": "Children's services improvement"})
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue(), len(writer.pages)
