"""The pure rules of the meeting record (governance.domain.minutes), as tables."""

import datetime
from types import SimpleNamespace

import pytest

from governance.domain import minutes as rules

D, T = datetime.date, datetime.time
UTC = datetime.UTC
NOVEMBER = datetime.datetime(2022, 11, 2, 18, tzinfo=UTC)
JANUARY = datetime.datetime(2023, 1, 11, 18, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Noted.  ", "Noted."),
        ("<b>Agreed</b> <script>alert(1)</script>", "Agreed"),
        ("&lt;img src=x onerror=alert(1)&gt;Done", "Done"),
        ("Children &amp; families", "Children & families"),
        (None, ""),
    ],
)
def test_text_is_stored_plain(typed, stored):
    assert rules.plain_text(typed) == stored


def meeting(starts_at, *, board=1, status="held", approved=None):
    return SimpleNamespace(
        starts_at=starts_at, board_id=board, status=status, minutes_approved_at_id=approved
    )


SAME_BOARD = "Minutes can only be approved at a meeting of the same board"
LATER = "Minutes can only be approved at a meeting after the meeting on 2 November 2022"
NOT_CANCELLED = "Minutes cannot be approved at a cancelled meeting"
STARTED = "Minutes can only be approved once the meeting approving them has started"


@pytest.mark.parametrize(
    ("at_meeting", "now", "problem"),
    [
        (meeting(JANUARY), JANUARY, ""),
        (meeting(JANUARY, board=2), JANUARY, SAME_BOARD),
        (meeting(NOVEMBER), JANUARY, LATER),
        (meeting(JANUARY, status="cancelled"), JANUARY, NOT_CANCELLED),
        (meeting(JANUARY), NOVEMBER, STARTED),
    ],
)
def test_minutes_are_approved_at_a_later_meeting_of_the_board(at_meeting, now, problem):
    assert (
        rules.approval_problem(meeting=meeting(NOVEMBER), at_meeting=at_meeting, now=now) == problem
    )


def test_approved_minutes_are_not_approved_twice():
    approved = meeting(NOVEMBER, approved=7)
    problem = rules.approval_problem(meeting=approved, at_meeting=meeting(JANUARY), now=JANUARY)
    assert problem == "The minutes of the meeting on 2 November 2022 have already been approved"


@pytest.mark.parametrize(
    ("status", "completed_on", "closed"),
    [
        ("open", D(2023, 1, 5), None),
        ("done", D(2023, 1, 5), D(2023, 1, 5)),
        ("done", None, D(2023, 1, 9)),
        ("dropped", None, D(2023, 1, 9)),
    ],
)
def test_a_closed_action_has_the_day_it_closed(status, completed_on, closed):
    assert (
        rules.closing_date(status=status, completed_on=completed_on, today=D(2023, 1, 9)) == closed
    )


@pytest.mark.parametrize(
    ("status", "due", "days", "words"),
    [
        ("open", D(2023, 1, 8), 1, "Overdue by 1 day"),
        ("open", D(2022, 12, 28), 12, "Overdue by 12 days"),
        ("open", D(2023, 1, 9), None, ""),
        ("done", D(2022, 12, 1), None, ""),
    ],
)
def test_an_open_action_past_its_due_date_is_overdue(status, due, days, words):
    found = rules.days_overdue(status=status, due_date=due, today=D(2023, 1, 9))
    assert found == days
    assert rules.overdue_in_words(found) == words


@pytest.mark.parametrize(
    ("present", "expected", "fraction", "words"),
    [
        (4, 5, 0.8, "4 of 5 members attended (80%)"),
        (1, 1, 1.0, "1 of 1 member attended (100%)"),
        (0, 0, None, "No members expected"),
    ],
)
def test_attendance_rates(present, expected, fraction, words):
    assert rules.rate(present, expected) == fraction
    assert rules.rate_in_words(present, expected) == words


@pytest.mark.parametrize(
    ("moment", "spaced", "written"),
    [(T(18), False, "6.00pm"), (T(19, 35), False, "7.35pm"), (T(10), True, "10.00 am"),
     (T(12, 5), False, "12.05pm"), (T(0, 30), False, "12.30am"), (None, False, "")],
)  # fmt: skip
def test_times_are_written_the_councils_way(moment, spaced, written):
    assert rules.clock(moment, spaced=spaced) == written


@pytest.mark.parametrize(
    ("commenced", "terminated", "problem"),
    [
        (T(18), T(19, 35), {}),
        (T(18), None, {}),
        (None, T(19), {"commenced_at": "Enter the time the meeting commenced"}),
        (T(19), T(18), {"terminated_at": "The meeting must terminate after it commenced"}),
        (T(18), T(18), {"terminated_at": "The meeting must terminate after it commenced"}),
    ],
)
def test_a_meeting_terminates_after_it_commenced(commenced, terminated, problem):
    assert rules.time_problem(commenced, terminated) == problem
