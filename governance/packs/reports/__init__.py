"""The reports the pack generates, one module per kind of paper, each rendered as at
the day the pack is built (the data as held then, and "as at" that day on the paper).

Every report starts with its item's heading ("Agenda Item 5: TITLE"), marked NOT FOR
PUBLICATION when the item is exempt (only the full pack carries exempt papers).
"""

import datetime
import io
from dataclasses import dataclass, field

from pypdf import PdfReader

from governance.models import AgendaItem, Meeting, Pack, Paper
from governance.packs import words
from governance.packs.rendering import html_for, pdf_from_html


@dataclass(frozen=True)
class PaperJob:
    """A paper to render for one pack: which item, which meeting, for whom, as at when."""

    paper: Paper
    item: AgendaItem
    meeting: Meeting
    audience: str
    as_at: datetime.date
    held: set[int] = field(default_factory=set, compare=False)

    def holds(self, items) -> None:
        """Records agenda items whose words this paper shows (Pack.held_items), so that
        making one of them exempt withdraws the public pack (governance.packs.services)."""
        shown = [item for item in items if item is not None]
        self.held.update(item.pk for item in shown if not (self.public and item.is_exempt))

    @property
    def public(self) -> bool:
        return self.audience == Pack.Audience.PUBLIC

    @property
    def exempt_marked(self) -> bool:
        """Exempt papers reach only the full pack, and are marked there."""
        return self.item.is_exempt and not self.public


def base_context(job: PaperJob) -> dict:
    """What every generated paper's template shows around its report."""
    return {
        "job": job,
        "heading": words.item_heading(job.item),
        "exempt_marked": job.exempt_marked,
        "exempt_words": words.exempt_paragraph(job.item.exempt_paragraph)
        if job.item.is_exempt
        else "",
        "not_for_publication": words.NOT_FOR_PUBLICATION,
        "as_at": words.long_date(job.as_at),
        "board": job.meeting.board,
        "meeting_date": words.long_date(job.meeting.starts_at),
    }


def _builders() -> dict:
    from governance.packs.reports import action_log, minutes, plan, scorecard

    return {
        Paper.Kind.PLAN_REPORT: (plan.context, "governance/packs/pdf/plan_report.html"),
        Paper.Kind.SCORECARD_REPORT: (
            scorecard.context,
            "governance/packs/pdf/scorecard_report.html",
        ),
        Paper.Kind.PREVIOUS_MINUTES: (
            minutes.context,
            "governance/packs/pdf/previous_minutes.html",
        ),
        Paper.Kind.ACTION_LOG: (action_log.context, "governance/packs/pdf/action_log.html"),
    }


def report_html(job: PaperJob) -> str:
    """The generated paper's HTML (the benchmark also times WeasyPrint on it alone)."""
    build, template = _builders()[job.paper.kind]
    return html_for(template, {**base_context(job), **build(job)})


def render_report(job: PaperJob) -> PdfReader:
    """A generated paper rendered to PDF pages."""
    return PdfReader(io.BytesIO(pdf_from_html(report_html(job))))


def is_generated(paper: Paper) -> bool:
    return paper.kind in _builders()
