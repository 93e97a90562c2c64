"""Issue 11, finding 5 on the meetings pages in a real browser: a 5,000-character word
without a space in an item, a minute, a declaration, an action arising, the work
programme and a board's terms of reference makes no page wider than a 1280px window."""

import datetime
import os

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import roles
from governance.models import Meeting
from tests.browser.conftest import sign_in
from tests.governance.factories import (
    ActionArisingFactory,
    AgendaItemFactory,
    BoardFactory,
    DeclarationFactory,
    MeetingFactory,
    MinuteFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORD = "x" * 5_000
WIDTH = 1280
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


@pytest.fixture
def meeting():
    board = BoardFactory(name="Improvement Board", slug="improvement-board",
                         terms_of_reference=WORD)  # fmt: skip
    meeting = MeetingFactory(
        board=board, starts_at=datetime.datetime(2023, 1, 11, 18, tzinfo=datetime.UTC),
        status=Meeting.Status.HELD, agenda_published_at=timezone.now(),
        minutes_published_at=timezone.now(),
    )  # fmt: skip
    item = AgendaItemFactory(meeting=meeting, order=1, title=WORD[:250], description=WORD,
                             presenters=WORD[:500])  # fmt: skip
    DeclarationFactory(meeting=meeting, agenda_item=item, interest=WORD)
    minute = MinuteFactory(meeting=meeting, agenda_item=item, number=1, title=WORD[:250],
                           text=WORD, resolved=WORD)  # fmt: skip
    ActionArisingFactory(minute=minute, description=WORD, progress=WORD)
    board.work_programme.create(topic=WORD[:250], purpose=WORD[:500])
    return meeting


PAGES = {
    "meeting_detail": lambda m: [m.pk],
    "meeting_minutes": lambda m: [m.pk],
    "board_detail": lambda m: [m.board.slug],
    "board_action_log": lambda m: [m.board.slug],
    "board_work_programme": lambda m: [m.board.slug],
    "public_meeting_detail": lambda m: [m.pk],
    "public_minutes": lambda m: [m.pk],
    "public_board_detail": lambda m: [m.board.slug],
}


@pytest.mark.parametrize("name", PAGES)
def test_every_meetings_page_is_no_wider_than_the_window(page, meeting, name):
    officer = UserFactory(roles=[roles.DEMOCRATIC_SERVICES])
    page.set_viewport_size({"width": WIDTH, "height": 900})
    if not name.startswith("public_"):
        sign_in(page, officer.email)

    page.goto(reverse(name, args=PAGES[name](meeting)))

    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH, name
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}_long_word.png", full_page=False)


# Counts the lines each table cell's words are drawn on: a word split across lines is
# drawn as more than one box. Only the long word itself may break.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      for (const match of node.textContent.matchAll(/\\S+/g)) {
        if (match[0].length > 12) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        if (range.getClientRects().length > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


def test_a_long_word_in_a_table_does_not_break_the_ordinary_words_beside_it(page, meeting):
    """A column is never squeezed narrower than an ordinary word ("Councillor")."""
    officer = UserFactory(roles=[roles.DEMOCRATIC_SERVICES])
    owner = UserFactory(full_name="Councillor Tafheen Sharif")
    meeting.minutes.get().actions.update(owner=owner)
    page.set_viewport_size({"width": WIDTH, "height": 900})
    sign_in(page, officer.email)

    page.goto(reverse("board_action_log", args=[meeting.board.slug]))

    assert "Councillor" in page.inner_text("table")
    assert page.evaluate(BROKEN_WORDS) == []
