"""The agenda and minutes as Word documents, for everyone signed in
(governance.view_meetings). Without governance.view_full_papers on the meeting, exempt
items come without their description or minute text (governance.minutes.documents)."""

from django.http import HttpResponse
from django.views import View

from governance.minutes.documents import (
    DOCX_TYPE,
    agenda_document,
    filename,
    minutes_document,
)
from governance.minutes.selectors import minutes_for
from governance.minutes.views.common import FULL_PAPERS, READ, MeetingMixin


def docx_response(body: bytes, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


class MeetingAgendaDocxView(MeetingMixin, View):
    permission_required = READ

    def get(self, request, *args, **kwargs):
        meeting = self.meeting
        body = agenda_document(
            meeting=meeting,
            items=list(meeting.agenda_items.order_by("order")),
            full_papers=request.user.has_perm(FULL_PAPERS, meeting),
        )
        return docx_response(body, filename(meeting, "agenda"))


class MeetingMinutesDocxView(MeetingMixin, View):
    permission_required = READ

    def get(self, request, *args, **kwargs):
        meeting = self.meeting
        body = minutes_document(
            record=minutes_for(meeting=meeting),
            full_papers=request.user.has_perm(FULL_PAPERS, meeting),
        )
        return docx_response(body, filename(meeting, "minutes"))
