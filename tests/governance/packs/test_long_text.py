"""Finding 5 of issue 11 (packs): long words and long text wrap in the agenda pack. A
1 MB progress comment without a space used to push the Progress and RAG columns of the
improvement plan report off the edge of the page; now every word breaks inside its
column (governance.packs.rendering.breakable, fixed table layout) and an update longer
than a comment is shortened in the pack, saying so."""

import datetime
import io
import time

import pytest
from pypdf import PdfReader

from governance.models import Pack, Paper
from governance.packs.rendering import ZERO_WIDTH_SPACE, breakable
from tests.governance.factories import AgendaItemFactory, PaperFactory
from tests.governance.packs.conftest import build, pack_bytes
from tests.improvement_plan.factories import (
    ActionFactory,
    ObjectiveFactory,
    PlanFactory,
    PriorityFactory,
    ProgressUpdateFactory,
)

ZW = ZERO_WIDTH_SPACE


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>short words stay</p>", "<p>short words stay</p>"),
        ("<p>" + "x" * 41 + "</p>", "<p>" + "x" * 20 + ZW + "x" * 20 + ZW + "x</p>"),
        # Tags, styles and entities are never cut.
        ('<a href="' + "h" * 60 + '">', '<a href="' + "h" * 60 + '">'),
        ("<style>." + "c" * 60 + "{}</style>", "<style>." + "c" * 60 + "{}</style>"),
        ("<p>" + "a" * 19 + "&amp;" + "b" * 30 + "</p>",
         "<p>" + "a" * 19 + "&amp;" + ZW + "b" * 20 + ZW + "b" * 10 + "</p>"),
    ],
)  # fmt: skip
def test_long_words_get_break_opportunities(html, expected):
    assert breakable(html) == expected


def text_positions(page) -> list[tuple[str, float]]:
    """Each piece of text on the page with where it starts across the page."""
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            found.append((text, x))

    page.extract_text(visitor_text=visit)
    return found


@pytest.fixture
def plan_with_a_huge_comment():
    plan = PlanFactory(title="Improvement Plan 2022-23")
    priority = PriorityFactory(plan=plan, number=1, title="Improvement Board accountability")
    objective = ObjectiveFactory(priority=priority, title="Improve Governance")
    action = ActionFactory(
        objective=objective, reference="1.1.1", description="Run a development session",
        due_date=datetime.date(2022, 6, 20), timeframe_as_written="DCS 20th June 2022",
    )  # fmt: skip
    ProgressUpdateFactory(action=action, text="x" * 1_000_000, is_imported=True)
    return plan


def test_a_megabyte_comment_keeps_progress_and_rag_on_the_page(meeting, plan_with_a_huge_comment):
    item = AgendaItemFactory(meeting=meeting, order=5, title="Improvement plan")
    PaperFactory(agenda_item=item, kind=Paper.Kind.PLAN_REPORT, plan=plan_with_a_huge_comment)

    started = time.monotonic()
    pack = build(meeting, Pack.Audience.FULL)
    assert pack.state == Pack.State.BUILT, pack.error
    assert time.monotonic() - started < 60

    reader = PdfReader(io.BytesIO(pack_bytes(pack)))
    texts = [page.extract_text() for page in reader.pages]
    row_pages = [n for n, text in enumerate(texts) if "1.1.1" in text and "Run a" in text]
    assert row_pages, "the action's row is in the pack"
    for number in row_pages:
        assert "Red" in texts[number]  # the RAG column, in words, beside the row
        assert "xxxxxxxxxx" in texts[number]  # its Progress column too
    joined = " ".join(" ".join(texts).split())
    assert "shortened for the pack: the full update is on the action's page" in joined
    for page in reader.pages:
        width = float(page.mediabox.width)
        off = [(text, x) for text, x in text_positions(page) if not 0 <= x < width]
        assert off == [], "text drawn off the page"
