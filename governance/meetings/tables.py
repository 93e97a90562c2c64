"""Tables of meetings (django-tables2): when, linking to the meeting, where, and status
in words."""

import django_tables2 as tables
from django.core.paginator import Paginator
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

    def __init__(self, *args, caption: str, total: int | None = None, **kwargs):
        # A page holds two tables per board: each needs its own caption and id prefix.
        super().__init__(*args, **kwargs)
        self.caption = caption
        self.total = len(self.data) if total is None else total

    def render_starts_at(self, value, record):
        url = reverse("meeting_detail", kwargs={"pk": record.pk})
        return format_html('<a class="govuk-link" href="{}">{}</a>', url, when_in_words(value))

    def render_status(self, record):
        return meeting_status_tag(record)


def meeting_tables(
    board, upcoming, past, totals: tuple[int, int] | None = None
) -> tuple[MeetingTable, MeetingTable]:
    """A board's upcoming and past meetings, captioned with the board for screen readers;
    `totals` says how many there are of each when the lists are a part of them."""
    totals = totals or (None, None)
    return tuple(
        MeetingTable(
            meetings,
            caption=format_html(
                '{} meetings<span class="govuk-visually-hidden"> of {}</span>', when, board
            ),
            prefix=table_prefix(board, when),
            empty_text=f"No {when.lower()} meetings.",
            total=total,
        )
        for (when, meetings), total in zip(
            (("Upcoming", upcoming), ("Past", past)), totals, strict=True
        )
    )


def table_prefix(board, when: str) -> str:
    """The prefix of a board's table of meetings `when` ("Upcoming", "Past"): its ids and
    its page's name in links ("improvement-board-past-page")."""
    return f"{board.slug}-{when.lower()}-"


class ReadPagePaginator(Paginator):
    """GOV.UK pagination for rows read a page at a time (governance.meetings.selectors.
    board_page): the table holds only page `number`'s rows; `count` is of them all."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.total = count

    @property
    def count(self) -> int:
        return self.total

    def page(self, number):
        return self._get_page(self.object_list, self.validate_number(number), self)


def page_asked(request, prefix: str) -> int:
    """The page of a prefixed table the request asks for; 1 when it asks for none or for
    something that is not a page number."""
    try:
        return max(1, int(request.GET.get(f"{prefix}page", 1)))
    except ValueError:
        return 1
