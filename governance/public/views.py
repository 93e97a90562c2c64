"""Public pages, without sign-in. What the public may see is decided in
governance.public.selectors; whatever is not public is a 404, never a 403."""

import mimetypes
from pathlib import PurePath

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views import View
from django.views.generic import DetailView, TemplateView

from governance.public import ical, selectors
from governance.public.display import (
    agenda_is_published,
    date_in_words,
    facts,
    paragraphs,
    time_in_words,
)


class PublicBoardListView(TemplateView):
    """Each public board with its next meeting."""

    template_name = "public/board_list.html"

    def get_context_data(self, **kwargs):
        boards = [
            (entry.board, entry.next_meeting and facts(entry.next_meeting))
            for entry in selectors.boards_with_next_meeting(now=timezone.now())
        ]
        return super().get_context_data(boards=boards, **kwargs)


class PublicBoardDetailView(DetailView):
    """A public board: terms of reference, current members, upcoming and past meetings."""

    template_name = "public/board_detail.html"
    context_object_name = "board"

    def get_queryset(self):
        return selectors.public_boards()

    def get_context_data(self, **kwargs):
        page = selectors.board_page(
            self.object, now=timezone.now(), today=timezone.localdate(),
            past_page=self.request.GET.get("page", 1),
        )  # fmt: skip
        return super().get_context_data(
            terms_of_reference=paragraphs(self.object.terms_of_reference),
            members=page.members,
            upcoming=[facts(meeting) for meeting in page.upcoming],
            past=[facts(meeting) for meeting in page.past],
            page_obj=page.past,
            **kwargs,
        )


class PublicMeetingDetailView(DetailView):
    """A public meeting: when and where, its status, its agenda, papers and public pack."""

    template_name = "public/meeting_detail.html"

    def get_queryset(self):
        return selectors.public_meetings()

    def get_context_data(self, **kwargs):
        found = selectors.public_pack_for(self.object)
        return super().get_context_data(
            facts=facts(self.object),
            items=selectors.public_agenda(self.object, pack=found.pack),
            pack=found.pack,
            pack_being_corrected=found.being_corrected,
            **kwargs,
        )


class PublicMinutesView(DetailView):
    """A meeting's published minutes, draft or approved."""

    template_name = "public/minutes.html"

    def get_queryset(self):
        return selectors.meetings_with_public_minutes()

    def get_context_data(self, **kwargs):
        meeting = self.object
        approved_at = meeting.minutes_approved_at
        return super().get_context_data(
            facts=facts(meeting),
            record=selectors.public_minutes(meeting),
            approved_on=approved_at and date_in_words(approved_at.starts_at),
            commenced=meeting.commenced_at and time_in_words(meeting.commenced_at),
            terminated=meeting.terminated_at and time_in_words(meeting.terminated_at),
            **kwargs,
        )


def file_response(field_file, filename: str) -> FileResponse:
    """The stored file as a download named `filename` plus the stored file's extension;
    a 404 when the file is missing from storage."""
    extension = PurePath(field_file.name).suffix.lower()
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as missing:
        raise Http404("The file is missing") from missing
    content_type = mimetypes.guess_type(f"file{extension}")[0] or "application/octet-stream"
    return FileResponse(
        handle, as_attachment=True, filename=f"{filename}{extension}", content_type=content_type
    )


def meeting_file_stem(meeting) -> str:
    """ "improvement-board-2023-01-11": the board and the meeting's UK date."""
    return f"{slugify(meeting.board.name)}-{timezone.localdate(meeting.starts_at):%Y-%m-%d}"


class PublicPackDownloadView(View):
    """A public meeting's newest published public pack. A withdrawn one (an item in it
    was made exempt) is never served: a GOV.UK page says so, with status 410 Gone."""

    def get(self, request, pk):
        pack = get_object_or_404(selectors.newest_published_packs(), pk=pk)
        if selectors.servable(pack) is None:
            context = {"meeting": pack.meeting, "facts": facts(pack.meeting)}
            return render(request, "public/pack_withdrawn.html", context, status=410)
        return file_response(pack.file, f"{meeting_file_stem(pack.meeting)}-agenda-pack")


class PublicPaperDownloadView(View):
    """An uploaded paper of a non-exempt item of a public meeting."""

    def get(self, request, pk):
        paper = get_object_or_404(selectors.public_papers(), pk=pk)
        item = paper.agenda_item
        stem = f"{meeting_file_stem(item.meeting)}-item-{item.order}-{slugify(paper.title)}"
        return file_response(paper.file, stem[:150])


class BoardCalendarView(View):
    """A public board's listed meetings as an iCalendar feed: the upcoming ones and the
    latest past ones (selectors.feed_meetings), as its description says."""

    def get(self, request, slug):
        board = get_object_or_404(selectors.public_boards(), slug=slug)
        board_url = request.build_absolute_uri(reverse("public_board_detail", args=[slug]))

        def url_for(meeting):
            if not agenda_is_published(meeting):
                return board_url
            return request.build_absolute_uri(reverse("public_meeting_detail", args=[meeting.pk]))

        now = timezone.now()
        body = ical.board_calendar(
            board,
            selectors.feed_meetings(board, now=now),
            host=request.get_host(),
            url_for=url_for,
            now=now,
            description=f"Upcoming meetings of the {board.name} and its latest "
            f"{selectors.FEED_PAST_MEETINGS} past meetings. Earlier meetings are on the "
            f"board's page: {board_url}",
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{slug}-meetings.ics"'
        return response
