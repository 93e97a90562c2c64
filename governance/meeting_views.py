"""Pages of boards' meetings. Every signed-in member of staff may read them.

The meeting tables live here beside the views until governance has a tables module.
"""

import datetime

import django_tables2 as tables
from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.views.generic import DetailView, TemplateView

from governance.meeting_selectors import boards_with_meetings, meeting_with_agenda
from governance.models import Meeting

MEETING_STATUS_COLOURS = {
    Meeting.Status.SCHEDULED: "govuk-tag--blue",
    Meeting.Status.AGENDA_PUBLISHED: "govuk-tag--light-blue",
    Meeting.Status.HELD: "govuk-tag--yellow",
    Meeting.Status.MINUTES_APPROVED: "govuk-tag--green",
    Meeting.Status.CANCELLED: "govuk-tag--red",
}


def time_in_words(moment: datetime.datetime) -> str:
    """A time as GOV.UK writes it, in UK time: "6pm", "6:30pm", "midday", "midnight"."""
    local = timezone.localtime(moment)
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


class AgendaTable(tables.Table):
    """A meeting's agenda in order. An exempt item shows its Schedule 12A paragraph."""

    order = tables.Column("Item", orderable=False)
    title = tables.Column("Title", orderable=False)
    description = tables.Column("Description", orderable=False, default="No description")

    class Meta:
        empty_text = "No agenda items have been added yet."

    region_label = "Agenda"

    def render_title(self, value, record):
        if not record.is_exempt:
            return value
        return format_html(
            '{} <strong class="govuk-tag govuk-tag--orange">'
            "Exempt: Schedule 12A paragraph {}</strong>",
            value,
            record.exempt_paragraph,
        )

    def render_description(self, value, record):
        if record.is_exempt:
            return "Not shown: this item is exempt"
        return value


class MeetingListView(LoginRequiredMixin, TemplateView):
    """Each board with its upcoming and past meetings."""

    template_name = "governance/meeting_list.html"

    def get_context_data(self, **kwargs):
        boards = [
            (entry.board, *self.tables(entry)) for entry in boards_with_meetings(now=timezone.now())
        ]
        return super().get_context_data(boards=boards, **kwargs)

    @staticmethod
    def tables(entry) -> tuple[MeetingTable, MeetingTable]:
        """A board's upcoming and past meetings, captioned with the board for screen readers."""
        board = entry.board
        return tuple(
            MeetingTable(
                meetings,
                caption=format_html(
                    '{} meetings<span class="govuk-visually-hidden"> of {}</span>', when, board
                ),
                prefix=f"{board.slug}-{when.lower()}-",
                empty_text=f"No {when.lower()} meetings.",
            )
            for when, meetings in (("Upcoming", entry.upcoming), ("Past", entry.past))
        )


class MeetingDetailView(LoginRequiredMixin, DetailView):
    """One meeting: its board, when and where, its status and its agenda."""

    template_name = "governance/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        return meeting_with_agenda()

    def get_context_data(self, **kwargs):
        meeting = self.object
        return super().get_context_data(
            when=when_in_words(meeting.starts_at),
            status_tag=meeting_status_tag(meeting),
            agenda_table=AgendaTable(list(meeting.agenda_items.all())),
            **kwargs,
        )
