"""An agenda pack of about 100 pages: the previous minutes, an action log, the plan
report (150 actions), the scorecard (2 areas, 60 indicators, 2 years of values) and
three uploaded papers, built by governance.packs.services.pack_build.

Its CPU time (time.process_time: the build and WeasyPrint run in this one thread, and
CPU time is not stretched by other work on the machine) is printed against the time
WeasyPrint alone takes to render the same HTML (captured as the build renders it), so
the figure for assembly (queries, templates, reading uploads, stamping every page,
bookmarks, writing) is the difference.

Everything it makes is rolled back, and its files go to a temporary MEDIA_ROOT, so the
other benchmarks start from the database as they expect.
"""

import datetime
import statistics
import tempfile
import time
from unittest import mock

from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings
from weasyprint import HTML

from benchmarks.plan_pages import seed_plan
from benchmarks.scorecard_pages import seed_area
from governance.domain.municipal_year import municipal_year
from governance.models import (
    ActionArising,
    AgendaItem,
    Board,
    Meeting,
    Minute,
    Pack,
    Paper,
    User,
)
from governance.packs import rendering, reports, services

RUNS = 3
UPLOADED_PAGES = (16, 20, 14)
MEETING_AT = datetime.datetime(2023, 7, 12, 17, 0, tzinfo=datetime.UTC)


def uploaded_pdf(pages: int, label: str) -> bytes:
    body = "".join(
        f"<h1>{label}</h1><p>{'Paragraph of the report. ' * 120}</p>"
        f'<p style="page-break-after: always">Page {n} of the paper.</p>'
        for n in range(1, pages + 1)
    )
    return HTML(string=f"<style>@page {{ size: A4; margin: 2cm }}</style>{body}").write_pdf()


def _previous_meeting(board: Board, owner: User) -> None:
    before = MEETING_AT - datetime.timedelta(days=56)
    meeting = Meeting.objects.create(
        board=board, starts_at=before, place="Committee Room 1",
        municipal_year=municipal_year(before.date()),
        commenced_at=datetime.time(17, 0), terminated_at=datetime.time(19, 5),
    )  # fmt: skip
    for n in range(8):
        minute = Minute.objects.create(
            meeting=meeting, board=board, municipal_year=meeting.municipal_year,
            number=20 + n, title=f"Minute {n} of the meeting",
            text="The board considered the report and asked questions. " * 12,
            resolved="That the report be noted.",
        )  # fmt: skip
        ActionArising.objects.bulk_create(
            ActionArising(
                minute=minute,
                description=f"Action {n}.{m}: report back on progress",
                owner=owner,
                due_date=datetime.date(2023, 6, 1) + datetime.timedelta(days=9 * m),
                progress="Work is under way. " * 3,
            )  # fmt: skip
            for m in range(4)
        )


def _agenda(meeting: Meeting) -> None:
    plan = seed_plan(actions=150, title="Pack benchmark plan", updates_per_action=3)
    seed_area("FD", indicators=30, months=24, first=1)
    seed_area("CIN", indicators=30, months=24, first=1)
    kinds = [
        ("Minutes", Paper.Kind.PREVIOUS_MINUTES, {}),
        ("Actions arising", Paper.Kind.ACTION_LOG, {}),
        ("Improvement plan", Paper.Kind.PLAN_REPORT, {"plan": plan}),
        ("Performance scorecard", Paper.Kind.SCORECARD_REPORT, {}),
    ]
    for order, (title, kind, extra) in enumerate(kinds, start=3):
        item = AgendaItem.objects.create(meeting=meeting, order=order, title=title)
        Paper.objects.create(agenda_item=item, title=title, kind=kind, **extra)
    for order, pages in enumerate(UPLOADED_PAGES, start=7):
        item = AgendaItem.objects.create(meeting=meeting, order=order, title=f"Report {order}")
        data = ContentFile(uploaded_pdf(pages, f"Report {order}"), name="report.pdf")
        Paper.objects.create(agenda_item=item, title=f"Report {order}", kind="uploaded", file=data)


def seed() -> Meeting:
    board = Board.objects.create(
        name="Pack Benchmark Board", slug="pack-benchmark", kind="improvement_board",
        contact_name="Democratic Services",
    )  # fmt: skip
    owner = User.objects.create_user("bench.packs@example.gov.uk", "x", full_name="Owner")
    _previous_meeting(board, owner)
    meeting = Meeting.objects.create(
        board=board, starts_at=MEETING_AT, place="Committee Room 1",
        municipal_year=municipal_year(MEETING_AT.date()),
    )  # fmt: skip
    for order, title in ((1, "Apologies for absence"), (2, "Declarations of interest")):
        AgendaItem.objects.create(meeting=meeting, order=order, title=title)
    _agenda(meeting)
    return meeting


def timed_build(meeting: Meeting) -> tuple[float, Pack, list[str]]:
    """One build through the service, with the HTML WeasyPrint was given."""
    seen: list[str] = []
    real = rendering.pdf_from_html

    def capture(html: str) -> bytes:
        seen.append(html)
        return real(html)

    pack = services.pack_create(meeting=meeting, audience="full", user=None)
    with (
        mock.patch.object(rendering, "pdf_from_html", capture),
        mock.patch.object(reports, "pdf_from_html", capture),
    ):
        started = time.process_time()
        pack = services.pack_build(pack_id=pack.pk)
        elapsed = time.process_time() - started
    assert pack.state == Pack.State.BUILT, pack.error
    return elapsed, pack, seen


def timed_weasyprint(htmls: list[str]) -> float:
    started = time.process_time()
    for html in htmls:
        rendering.pdf_from_html(html)
    return time.process_time() - started


def measure(meeting: Meeting) -> tuple[list[float], list[float], Pack, int]:
    """Builds and WeasyPrint-alone runs interleaved, so load on the machine hits both."""
    builds, alone, pack, documents = [], [], None, 0
    for _ in range(RUNS):
        elapsed, pack, htmls = timed_build(meeting)
        builds.append(elapsed)
        alone.append(timed_weasyprint(htmls))
        documents = len(htmls)
    return builds, alone, pack, documents


def figures(*, scale: int) -> dict[str, dict]:
    """The pack's build against WeasyPrint alone on the same HTML, as a ratio (CPU
    time, medians of interleaved runs). The same pack at every scale: its size is set
    by the meeting, not by the council."""
    media = tempfile.mkdtemp(prefix="governance-bench-media-")
    with override_settings(MEDIA_ROOT=media), transaction.atomic():
        builds, alone, pack, documents = measure(seed())
        transaction.set_rollback(True)
    build_ms, alone_ms = statistics.median(builds) * 1000, statistics.median(alone) * 1000
    name = f"agenda pack, {pack.page_count} pages ({documents} documents) vs WeasyPrint alone"
    return {
        name: {
            "ms": round(build_ms, 2),
            "floor_ms": round(alone_ms, 2),
            "ratio": round(build_ms / alone_ms, 2),
            "rounds": len(builds),
        }
    }
