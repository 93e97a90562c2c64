"""What the pack writes on its pages after they are rendered: page numbers, the
"Agenda Item 5" stamp on an uploaded paper's first page, and the blank filler page.

Rules:
- Each page gets one overlay, positioned from that page's own visible box (its crop
  box, which is its media box unless cropped), so landscape, Letter and odd-sized
  uploaded pages are numbered in the same place relative to their edges.
- The page number ("Page 5") sits at the bottom centre, STAMP_MARGIN points above the
  bottom edge; the item stamp sits in the top margin at the right, as Modern.gov does.
- A page turned by /Rotate has the rotation moved into its content first, so "bottom"
  is the bottom as the page is read.
- Text is drawn in the standard Helvetica font, which every PDF reader has, so nothing
  is embedded; only printable ASCII is written (anything else becomes "?").
"""

from dataclasses import dataclass

from pypdf import PageObject, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject

FONT_NAME = "/PackStampFont"
STAMP_MARGIN = 20
NUMBER_SIZE = 10
ITEM_SIZE = 12
BLANK_SIZE = 14
BLANK_TEXT = "This page is intentionally left blank"

# Helvetica advance widths (thousandths of the font size) for printable ASCII, from
# the font's AFM metrics, to centre and right-align text.
_WIDTHS = (
    [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278]
    + [556] * 10
    + [278, 278, 584, 584, 584, 556, 1015]
    + [667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833]
    + [722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611]
    + [278, 278, 278, 469, 556, 333]
    + [556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833]
    + [556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500]
    + [334, 260, 334, 584]
)
HELVETICA_WIDTHS = {chr(32 + index): width for index, width in enumerate(_WIDTHS)}


@dataclass(frozen=True)
class Line:
    """A line of text to draw: where its baseline starts, and how big."""

    text: str
    x: float
    y: float
    size: int


def ascii_text(text: str) -> str:
    """The text as the standard font can draw it: printable ASCII, others as "?"."""
    return "".join(char if char in HELVETICA_WIDTHS else "?" for char in text)


def text_width(text: str, size: float) -> float:
    """The width in points of `text` set in Helvetica at `size`."""
    return sum(HELVETICA_WIDTHS.get(char, 556) for char in ascii_text(text)) * size / 1000


def _escaped(text: str) -> str:
    return ascii_text(text).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def content_stream(lines: list[Line]) -> bytes:
    """PDF text operators drawing each line in black Helvetica."""
    parts = ["q 0 g"]
    for line in lines:
        parts.append(
            f"BT {FONT_NAME} {line.size} Tf {line.x:.2f} {line.y:.2f} Td "
            f"({_escaped(line.text)}) Tj ET"
        )
    parts.append("Q")
    return "\n".join(parts).encode("ascii")


def _font() -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )


def overlay(width: float, height: float, lines: list[Line]) -> PageObject:
    """A transparent page of the given size carrying only `lines`."""
    page = PdfWriter().add_blank_page(width=width, height=height)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject(FONT_NAME): _font()})}
    )
    stream = StreamObject()
    stream.set_data(content_stream(lines))
    page[NameObject("/Contents")] = stream
    return page


def upright(page: PageObject) -> PageObject:
    """The page with any /Rotate moved into its content (module docstring)."""
    if page.rotation % 360:
        page.transfer_rotation_to_content()
    return page


def centred(text: str, *, left: float, right: float, y: float, size: int) -> Line:
    return Line(text, (left + right) / 2 - text_width(text, size) / 2, y, size)


def page_number_line(page: PageObject, number: int) -> Line:
    """ "Page 5" at the bottom centre of the page's visible box."""
    box = page.cropbox
    return centred(
        f"Page {number}",
        left=float(box.left),
        right=float(box.right),
        y=float(box.bottom) + STAMP_MARGIN,
        size=NUMBER_SIZE,
    )


def item_stamp_lines(page: PageObject, words: list[str]) -> list[Line]:
    """Each of `words` right-aligned in the page's top margin, one under another."""
    box = page.cropbox
    right, top = float(box.right) - STAMP_MARGIN * 1.5, float(box.top) - STAMP_MARGIN * 1.5
    lines = []
    for index, text in enumerate(words):
        width = text_width(text, ITEM_SIZE)
        lines.append(Line(text, right - width, top - index * (ITEM_SIZE + 4), ITEM_SIZE))
    return lines


def stamp(page: PageObject, lines: list[Line]) -> None:
    """Draws `lines` over the page: one overlay for the page."""
    box = page.mediabox
    sheet = overlay(float(box.right), float(box.top), lines)
    page.merge_page(sheet)


def blank_page(writer: PdfWriter, *, like: PageObject) -> PageObject:
    """Adds to `writer` an empty page the size of `like`'s visible box."""
    box = like.cropbox
    return writer.add_blank_page(width=float(box.width), height=float(box.height))
