"""Tables of meetings (django-tables2): when, linking to the meeting, where, and status
in words."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html

from governance.meetings.formatting import meeting_status_tag, when_in_words
from governance.models import Meeting


class MeetingTable(tables.Table):
    """A board's meetings: when (linking to the meeting), where, and status in words."""

    starts_at = tables.Column("Date and time", orderable=False)
    place = tables.Column("Place", orderable=False)
    status = tables.Column("Status", orderable=False)

    class Meta:
        model = Meeting
        fields = ["starts_at", "place", "status"]

    def __init__(self, *args, caption: str, **kwargs):
        # A page holds two tables per board: each needs its own caption and id prefix.
        super().__init__(*args, **kwargs)
        self.caption = caption

    def render_starts_at(self, value, record):
        url = reverse("meeting_detail", kwargs={"pk": record.pk})
        return format_html('<a class="govuk-link" href="{}">{}</a>', url, when_in_words(value))

    def render_status(self, record):
        return meeting_status_tag(record)


def meeting_tables(board, upcoming, past) -> tuple[MeetingTable, MeetingTable]:
    """A board's upcoming and past meetings, captioned with the board for screen readers."""
    return tuple(
        MeetingTable(
            meetings,
            caption=format_html(
                '{} meetings<span class="govuk-visually-hidden"> of {}</span>', when, board
            ),
            prefix=f"{board.slug}-{when.lower()}-",
            empty_text=f"No {when.lower()} meetings.",
        )
        for when, meetings in (("Upcoming", upcoming), ("Past", past))
    )
