"""The pack's front sheet, as the council's printed packs have it.

Rules:
- The board's name in capitals; Day, Date, Time ("6.00 pm") and Place.
- The agenda table: Item No. ("5."), the item's title in capitals with its
  description, and Page No.: the item's range from the final pagination ("5-14", or
  "5"), blank for an item without papers.
- Public pack: an exempt item is listed with "Not for publication" instead of pages,
  without its description, and a note under the table says it is exempt and its
  papers are not included. Full pack: exempt items carry NOT FOR PUBLICATION.
- The contact: "From: Democratic Services Unit – any further information may be
  obtained from the reporting officer or from {the board's contact}, to whom any
  apologies for absence should be notified."
- The front sheet is not numbered, so it may run to any number of pages.
"""

from governance.domain.exempt import item_seen
from governance.models import Meeting, Pack
from governance.packs import words
from governance.packs.pagination import Span

NOT_FOR_PUBLICATION_PAGES = "Not for publication"


def contact_line(board) -> str:
    """The "From:" line (module docstring)."""
    who = board.contact_name or "Democratic Services"
    if board.contact_email:
        who = f"{who} ({board.contact_email})"
    return (
        "From: Democratic Services Unit – any further information may be obtained from "
        f"the reporting officer or from {who}, to whom any apologies for absence should "
        "be notified."
    )


def agenda_row(item, span: Span | None, *, public: bool) -> dict:
    """One row of the front sheet's agenda table. A public pack names an exempt item
    but says "Not for publication" where its pages would be, as councils print it."""
    seen = item_seen(number=item.order, title=item.title,
                     exempt_paragraph=item.exempt_paragraph, full_papers=not public)  # fmt: skip
    hidden = not seen.shows_content
    written = span.written if span else ""
    pages = NOT_FOR_PUBLICATION_PAGES if hidden else written
    return {
        "number": f"{item.order}.",
        "title": item.title.upper(),
        "description": "" if hidden else item.description,
        "pages": pages,
        "exempt_marked": item.is_exempt and not public,
        "exempt_words": words.exempt_paragraph(item.exempt_paragraph) if item.is_exempt else "",
    }


def context(
    meeting: Meeting, *, audience: str, spans: dict[int, Span], version: int, as_at
) -> dict:
    """The front sheet's template context; `spans` maps item ids to their pages."""
    public = audience == Pack.Audience.PUBLIC
    items = list(meeting.agenda_items.all())
    board = meeting.board
    start = words.local(meeting.starts_at)
    return {
        "meeting": meeting,
        "board_name": board.name.upper(),
        "day": words.day_name(meeting.starts_at),
        "date": words.long_date(meeting.starts_at),
        "time": words.clock(start.time()),
        "place": meeting.place,
        "rows": [agenda_row(item, spans.get(item.pk), public=public) for item in items],
        "exempt_notes": [words.exempt_item_note(i) for i in items if i.is_exempt] if public else [],
        "has_exempt": any(item.is_exempt for item in items) and not public,
        "public": public,
        "audience_label": Pack.Audience(audience).label,
        "contact": contact_line(board),
        "version": version,
        "as_at": words.long_date(as_at),
        "not_for_publication": words.NOT_FOR_PUBLICATION,
    }
