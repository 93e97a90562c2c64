"""How the public pages write a meeting's time and status."""

import datetime

import pytest

from governance.models import Meeting
from governance.public.display import facts, paragraphs, status_in_words, time_in_words

UTC = datetime.UTC


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (datetime.datetime(2023, 1, 11, 18, 0, tzinfo=UTC), "6pm"),
        (datetime.datetime(2023, 1, 11, 18, 30, tzinfo=UTC), "6:30pm"),
        (datetime.datetime(2023, 1, 11, 12, 0, tzinfo=UTC), "midday"),
        (datetime.datetime(2023, 6, 14, 17, 0, tzinfo=UTC), "6pm"),  # BST
        (datetime.time(19, 35), "7:35pm"),
    ],
)
def test_times_are_written_as_gov_uk_writes_them(moment, shown):
    assert time_in_words(moment) == shown


def meeting(**kwargs) -> Meeting:
    kwargs.setdefault("starts_at", datetime.datetime(2023, 1, 11, 18, 0, tzinfo=UTC))
    return Meeting(place="Tameside One", **kwargs)


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"status": "scheduled"}, "Agenda not yet published"),
        (
            {"status": "scheduled", "agenda_published_at": datetime.datetime.now(UTC)},
            "Agenda published",
        ),
        ({"status": "agenda_published"}, "Agenda published"),
        ({"status": "held"}, "Held"),
        (
            {"status": "held", "minutes_published_at": datetime.datetime.now(UTC)},
            "Draft minutes published",
        ),
        (
            {
                "status": "minutes_approved",
                "minutes_published_at": datetime.datetime.now(UTC),
                "minutes_approved_at_id": 1,
            },
            "Minutes approved",
        ),
        ({"status": "cancelled", "agenda_published_at": datetime.datetime.now(UTC)}, "Cancelled"),
    ],
)
def test_status_in_words(fields, status):
    assert status_in_words(meeting(**fields))[0] == status


def test_a_meeting_with_an_end_gives_its_time_as_a_range():
    end = datetime.datetime(2023, 1, 11, 19, 35, tzinfo=UTC)
    written = facts(meeting(ends_at=end))

    assert (written.day, written.date, written.time) == (
        "Wednesday",
        "11 January 2023",
        "6pm to 7:35pm",
    )
    assert written.when == "Wednesday 11 January 2023, 6pm"


def test_text_splits_into_paragraphs_at_blank_lines():
    assert paragraphs("One\nline two\n\n \nThree\n") == ["One\nline two", "Three"]
    assert paragraphs("") == []
