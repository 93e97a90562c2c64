"""Reading the start time of a meeting as people write it."""

import datetime

import pytest

from governance.meetings.times import parse_time


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("6pm", datetime.time(18)),
        ("6 PM", datetime.time(18)),
        ("6.00 pm", datetime.time(18)),
        ("6:30pm", datetime.time(18, 30)),
        ("6.30 p.m.", datetime.time(18, 30)),
        ("9:30am", datetime.time(9, 30)),
        ("12pm", datetime.time(12)),
        ("12am", datetime.time(0)),
        ("18:30", datetime.time(18, 30)),
        ("09.15", datetime.time(9, 15)),
        ("midday", datetime.time(12)),
        (" Midnight ", datetime.time(0)),
    ],
)
def test_times_people_write(text, time):
    assert parse_time(text) == time


@pytest.mark.parametrize("text", ["", "6", "18", "13pm", "0am", "25:00", "18:60", "six", "6:3pm"])
def test_what_is_not_a_time(text):
    assert parse_time(text) is None
