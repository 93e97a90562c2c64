"""Writes for an agenda item's papers: uploaded PDFs, reports the system generates when
the pack is built, deleting and ordering.

An upload must be a PDF by its content (governance.uploads.check_upload), no bigger
than settings.PAPER_MAX_BYTES (20 MB unless set), and must open: pypdf counts its
pages for the pack. A PDF protected by a password, or one pypdf cannot read, is refused
with a message saying what to do. Paper changes go to the admin log.
"""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.formats import date_format
from pypdf import PdfReader

from governance.meetings.audit import ADDITION, CHANGE, DELETION, log_change
from governance.models import AgendaItem, Paper
from governance.uploads import check_upload, stored_name
from improvement_plan.selectors import current_plan
from scorecard.selectors import months_held
from scorecard.services import plain_text

DEFAULT_PAPER_MAX_BYTES = 20 * 1024 * 1024
REPORT_KINDS = (Paper.Kind.PLAN_REPORT, Paper.Kind.SCORECARD_REPORT, Paper.Kind.ACTION_LOG)
UNREADABLE = "The selected PDF cannot be opened: it may be damaged. Save it again and upload it"
ENCRYPTED = (
    "The selected PDF is protected with a password: save a copy without a password and upload that"
)


def paper_max_bytes() -> int:
    """The largest paper accepted: settings.PAPER_MAX_BYTES, or 20 MB."""
    return getattr(settings, "PAPER_MAX_BYTES", DEFAULT_PAPER_MAX_BYTES)


def count_pages(uploaded_file) -> int:
    """The PDF's number of pages; ValidationError when it is encrypted or unreadable."""
    uploaded_file.seek(0)
    try:
        reader = PdfReader(uploaded_file)
        encrypted = reader.is_encrypted
        pages = 0 if encrypted else len(reader.pages)
    except Exception as exc:  # pypdf raises many kinds of error on a damaged file
        raise ValidationError({"file": UNREADABLE}) from exc
    finally:
        uploaded_file.seek(0)
    if encrypted:
        raise ValidationError({"file": ENCRYPTED})
    if pages == 0:
        raise ValidationError({"file": "The selected PDF has no pages"})
    return pages


def _next_order(item: AgendaItem) -> int:
    last = item.papers.order_by("-order").values_list("order", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def paper_upload(*, item: AgendaItem, uploaded_file, user, title: str = "") -> Paper:
    """Adds an uploaded PDF to an item, after its papers; the title defaults to the
    file's name."""
    if uploaded_file is None:
        raise ValidationError({"file": "Select a PDF file"})
    try:
        check_upload(uploaded_file, allowed={"pdf"}, max_bytes=paper_max_bytes())
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages[0]}) from exc
    page_count = count_pages(uploaded_file)
    title = plain_text(title) or Path(uploaded_file.name).stem.replace("_", " ")
    paper = Paper.objects.create(
        agenda_item=item, order=_next_order(item), title=title[:300], kind=Paper.Kind.UPLOADED,
        file=File(uploaded_file, name=stored_name("pdf")), page_count=page_count, added_by=user,
    )  # fmt: skip
    log_change(paper, user=user, flag=ADDITION, message=f"Uploaded, {page_count} pages")
    return paper


def _report_title(kind: str, *, plan, period: datetime.date | None) -> str:
    if kind == Paper.Kind.PLAN_REPORT:
        return f"Improvement plan progress report: {plan}"
    if kind == Paper.Kind.SCORECARD_REPORT:
        return f"Performance scorecard, {date_format(period, 'F Y')}"
    return "Actions arising from previous meetings"


def _report_problems(kind: str, *, plan, period) -> dict[str, str]:
    """A plan report needs a plan; a scorecard report a month with approved figures."""
    if kind not in REPORT_KINDS:
        return {"kind": "Select the kind of report"}
    if kind == Paper.Kind.PLAN_REPORT and plan is None:
        return {"plan": "There is no improvement plan yet: import the plan first"}
    if kind == Paper.Kind.SCORECARD_REPORT and period not in months_held():
        return {"scorecard_period": "Select a month with approved scorecard figures"}
    return {}


@transaction.atomic
def paper_add_report(
    *, item: AgendaItem, kind: str, user, plan=None, scorecard_period=None, title: str = ""
) -> Paper:
    """Adds a report generated when the pack is built: the improvement plan's progress
    (the newest plan unless one is given), the scorecard for a month held, or the log of
    actions arising. It has no file until then."""
    if kind == Paper.Kind.PLAN_REPORT and plan is None:
        plan = current_plan()
    problems = _report_problems(kind, plan=plan, period=scorecard_period)
    if problems:
        raise ValidationError(problems)
    paper = Paper.objects.create(
        agenda_item=item, order=_next_order(item), kind=kind, added_by=user,
        title=(plain_text(title) or _report_title(kind, plan=plan, period=scorecard_period))[:300],
        plan=plan if kind == Paper.Kind.PLAN_REPORT else None,
        scorecard_period=scorecard_period if kind == Paper.Kind.SCORECARD_REPORT else None,
    )  # fmt: skip
    log_change(paper, user=user, flag=ADDITION, message=f"Added: {paper.get_kind_display()}")
    return paper


def _renumber_papers(papers: list[Paper]) -> None:
    for number, paper in enumerate(papers, start=1):
        paper.order = number
    Paper.objects.bulk_update(papers, ["order"])


@transaction.atomic
def paper_delete(*, paper: Paper, user) -> None:
    """Deletes a paper (and its file, once committed); the item's papers close up."""
    log_change(paper, user=user, flag=DELETION, message="Deleted")
    delete_file_after_commit(paper.file)
    item_id = paper.agenda_item_id
    paper.delete()
    _renumber_papers(list(Paper.objects.filter(agenda_item_id=item_id).order_by("order", "pk")))


@transaction.atomic
def paper_move(*, paper: Paper, direction: str, user) -> Paper:
    """Swaps a paper with the one before or after it within its item."""
    if direction not in ("up", "down"):
        raise ValidationError("Choose to move the paper up or down")
    papers = list(
        Paper.objects.select_for_update()
        .filter(agenda_item_id=paper.agenda_item_id)
        .order_by("order", "pk")
    )
    index = next(i for i, other in enumerate(papers) if other.pk == paper.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(papers):
        where = "first" if direction == "up" else "last"
        raise ValidationError(f"“{paper.title}” is already the {where} paper of its item")
    papers[index], papers[target] = papers[target], papers[index]
    _renumber_papers(papers)
    log_change(papers[target], user=user, flag=CHANGE, message=f"Moved {direction}")
    return papers[target]


def delete_file_after_commit(field_file) -> None:
    """Removes a stored file once the deletion is committed (never if it rolls back)."""
    if field_file:
        storage, name = field_file.storage, field_file.name
        transaction.on_commit(lambda: storage.delete(name))
