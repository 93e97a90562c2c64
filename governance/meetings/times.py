"""Reading a time of day as people write it on a meeting form: "6pm", "6.30pm",
"6:30 pm", "18:30", "midday", "midnight". Pure: no database."""

import datetime
import re

TIME_RE = re.compile(
    r"^(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>am|pm|a\.m\.|p\.m\.)?$"
)
WORDS = {"midday": datetime.time(12), "noon": datetime.time(12), "midnight": datetime.time(0)}


def parse_time(text: str) -> datetime.time | None:
    """The time written, or None when it is not one. A bare hour ("6") is refused: it
    could be morning or evening, so it needs am or pm (or minutes on the 24-hour clock)."""
    text = (text or "").strip().lower()
    if text in WORDS:
        return WORDS[text]
    match = TIME_RE.match(text)
    if not match:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    half = (match["half"] or "").replace(".", "")
    if not half and match["minute"] is None:
        return None
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)
