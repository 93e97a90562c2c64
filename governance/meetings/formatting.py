"""How meetings are written on the pages: dates and times the GOV.UK way, in UK time,
and a meeting's status as a tag that carries the word as well as the colour."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from governance.domain.minutes import day_in_words  # noqa: F401  (meetings write days so)
from governance.models import Meeting

MEETING_STATUS_COLOURS = {
    Meeting.Status.SCHEDULED: "govuk-tag--blue",
    Meeting.Status.AGENDA_PUBLISHED: "govuk-tag--light-blue",
    Meeting.Status.HELD: "govuk-tag--yellow",
    Meeting.Status.MINUTES_APPROVED: "govuk-tag--green",
    Meeting.Status.CANCELLED: "govuk-tag--red",
}


def time_in_words(moment: datetime.datetime | datetime.time) -> str:
    """A time as GOV.UK writes it, in UK time: "6pm", "6:30pm", "midday", "midnight"."""
    local = timezone.localtime(moment) if isinstance(moment, datetime.datetime) else moment
    if local.minute == 0 and local.hour in (0, 12):
        return "midnight" if local.hour == 0 else "midday"
    hour = local.hour % 12 or 12
    minutes = f":{local.minute:02d}" if local.minute else ""
    return f"{hour}{minutes}{'am' if local.hour < 12 else 'pm'}"


def when_in_words(moment: datetime.datetime) -> str:
    """When a meeting starts: "Wednesday 11 January 2023, 6pm"."""
    return f"{date_format(timezone.localtime(moment), 'l j F Y')}, {time_in_words(moment)}"


def meeting_status_tag(meeting: Meeting) -> str:
    """A meeting's status as a GOV.UK tag carrying the word as well as the colour."""
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>',
        MEETING_STATUS_COLOURS.get(meeting.status, ""),
        meeting.get_status_display(),
    )
