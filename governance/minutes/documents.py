"""The agenda and the minutes as Word documents (python-docx), in the council's layout.

The agenda follows the front sheet: the board in capitals; Day, Date, Time and Place;
a table of Item No. | AGENDA | Page No. with each item's title in capitals then its
description; the contact line. The minutes: board and date, Commenced, Terminated,
Present, Apologies, then each numbered minute, its title in capitals, its text,
"RESOLVED" and the resolutions, and the actions arising with owner and due date.

Rule on exempt items (governance.domain.exempt, one rule for every page and document):
a reader without the full papers gets an exempt item's number and title and the
Schedule 12A note, never its description or presenters, its minute's own title or
text, or the interest declared on it.
"""

import io

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from docx import Document
from docx.shared import Pt

from governance.domain.exempt import exempt_note, item_seen
from governance.domain.minutes import clock, day_in_words
from governance.minutes.selectors import (
    DeclarationEntry,
    MinutesRecord,
    attendance_in_words,
    declarations_as_seen,
    minutes_as_seen,
)
from governance.models import AgendaItem, Meeting

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def filename(meeting: Meeting, kind: str) -> str:
    """ "childrens-services-scrutiny-panel-2023-01-11-minutes.docx"."""
    day = timezone.localtime(meeting.starts_at).date()
    return f"{slugify(meeting.board.name)}-{day:%Y-%m-%d}-{kind}.docx"


def _new_document(title: str) -> Document:
    document = Document()
    document.core_properties.title = title
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    return document


def _bold(document_or_cell, text: str, *, size: int | None = None):
    paragraph = document_or_cell.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = True
    if size:
        run.font.size = Pt(size)
    return paragraph


def _labelled(document, label: str, value: str) -> None:
    """A "Label: value" line, the label in bold, as the front sheet and minutes write it."""
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(value)


def _text(container, text: str) -> None:
    """Plain text as paragraphs: a blank line parts paragraphs, "- " lines are bullets."""
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines: list[str] = []
        for line in [*block.strip().split("\n"), "- "]:
            if not line.startswith("- "):
                lines.append(line.strip())
                continue
            if any(lines):
                container.add_paragraph("\n".join(lines))
            lines = []
            if line[2:].strip():
                container.add_paragraph(line[2:].strip(), style="List Bullet")


def _as_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# The agenda ------------------------------------------------------------------------------


def agenda_document(*, meeting: Meeting, items: list[AgendaItem], full_papers: bool) -> bytes:
    """The agenda front sheet as a DOCX."""
    board, local = meeting.board, timezone.localtime(meeting.starts_at)
    document = _new_document(f"{board.name}, {day_in_words(meeting.starts_at)}: agenda")
    _bold(document, board.name.upper(), size=14)
    _labelled(document, "Day", date_format(local, "l"))
    _labelled(document, "Date", date_format(local, "j F Y"))
    _labelled(document, "Time", clock(local.time(), spaced=True))
    _labelled(document, "Place", meeting.place)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, ("Item No.", "AGENDA", "Page No."), strict=True):
        cell.paragraphs[0].add_run(heading).bold = True
    for item in items:
        _agenda_row(table.add_row().cells, item, full_papers=full_papers)
    if not items:
        table.add_row().cells[1].paragraphs[0].add_run("No items have been added yet.")
    document.add_paragraph(_contact_line(meeting))
    return _as_bytes(document)


def _agenda_row(cells, item: AgendaItem, *, full_papers: bool) -> None:
    """Item No. | title in capitals, then the description (or the exemption note) | page."""
    seen = item_seen(number=item.order, title=item.title,
                     exempt_paragraph=item.exempt_paragraph, full_papers=full_papers)  # fmt: skip
    cells[0].paragraphs[0].add_run(f"{seen.number}.")
    cells[1].paragraphs[0].add_run(seen.title.upper()).bold = True
    if item.is_exempt:
        cells[1].add_paragraph(exempt_note(item.exempt_paragraph))
    if item.description and seen.shows_content:
        _text(cells[1], item.description)


def _contact_line(meeting: Meeting) -> str:
    """Whom to ask, and to whom apologies go: the board's contact when it has one."""
    board = meeting.board
    line = "From: Democratic Services Unit – any further information may be obtained from the "
    if not board.contact_name:
        return line + "reporting officer."
    email = f" ({board.contact_email})" if board.contact_email else ""
    return (
        f"{line}reporting officer or from {board.contact_name}{email}, to whom any apologies "
        "for absence should be notified."
    )


# The minutes -----------------------------------------------------------------------------


def minutes_document(*, record: MinutesRecord, full_papers: bool) -> bytes:
    """The minutes of one meeting as a DOCX."""
    meeting = record.meeting
    heading = f"{meeting.board.name} {day_in_words(meeting.starts_at)}"
    document = _new_document(f"{heading}: minutes")
    _bold(document, heading, size=14)
    _labelled(document, "Commenced", clock(meeting.commenced_at) or "Not recorded")
    _labelled(document, "Terminated", clock(meeting.terminated_at) or "Not recorded")
    words = attendance_in_words(record)
    _labelled(document, "Present", ", ".join(words.present) or "Not recorded")
    if words.in_attendance:
        _labelled(document, "In attendance", ", ".join(words.in_attendance))
    _labelled(document, "Apologies", ", ".join(words.apologies) or "None")
    if words.absent:
        _labelled(document, "Absent", ", ".join(words.absent))
    declarations = declarations_as_seen(record, full_papers=full_papers)
    for entry in minutes_as_seen(record, full_papers=full_papers):
        _minute(document, entry, declarations)
    if not record.minutes:
        document.add_paragraph("No minutes have been recorded yet.")
    _bold(document, "CHAIR")
    return _as_bytes(document)


def _minute(document, entry, declarations: list[DeclarationEntry]) -> None:
    """ "16. DECLARATIONS OF INTEREST", its text, RESOLVED, and its actions arising."""
    minute = entry.minute
    _bold(document, f"{minute.number}. {entry.title.upper()}")
    if entry.withheld:
        document.add_paragraph(f"{entry.withheld}: the minute is not published.")
        return
    _text(document, minute.text)
    item = minute.agenda_item
    if item is not None and item.standard == AgendaItem.Standard.DECLARATIONS:
        _declarations(document, declarations, has_text=bool(minute.text))
    if minute.resolved:
        _bold(document, "RESOLVED")
        _text(document, minute.resolved)
    actions = list(minute.actions.all())
    if actions:
        _actions(document, actions)


def _declarations(document, declarations: list[DeclarationEntry], *, has_text: bool) -> None:
    """Who, on which item, what kind; the interest unless it is withheld (exempt item)."""
    if not declarations and not has_text:
        document.add_paragraph("There were no declarations of interest.")
    for entry in declarations:
        declaration = entry.declaration
        interest = entry.interest or entry.withheld
        document.add_paragraph(
            f"{declaration.person}, item {declaration.agenda_item.order} "
            f"({declaration.agenda_item.title}): {declaration.get_kind_display()}. "
            f"{interest}"
        )


def _actions(document, actions) -> None:
    _bold(document, "Actions arising")
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, ("Action", "Owner", "Due date"), strict=True):
        cell.paragraphs[0].add_run(heading).bold = True
    for action in actions:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(action.description)
        cells[1].paragraphs[0].add_run(str(action.owner))
        cells[2].paragraphs[0].add_run(date_format(action.due_date, "j F Y"))
