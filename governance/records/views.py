"""A meeting's record "as presented": the plan's and scorecard's judgements kept when
its pack was first published (governance.records.services), read only.

Every member of staff who may see the meeting reads it (governance.view_meetings). A
record holds no exempt words (only RAG, status and dates of actions, and approved
figures), so it is not limited to those who see the full papers.
"""

from django.views.generic import TemplateView

from governance.meetings.formatting import when_in_words
from governance.meetings.views.common import ObjectMixin
from governance.models import Meeting
from improvement_plan.records.selectors import actions_as_presented, rag_as_presented


class MeetingRecordView(ObjectMixin, TemplateView):
    """The meeting's record: actions by RAG and each indicator's figure as presented."""

    permission_required = "governance.view_meetings"
    template_name = "governance/meeting_record.html"

    def get_queryset(self):
        return Meeting.objects.select_related("board", "board_record")

    def get_context_data(self, **kwargs):
        meeting = self.get_object()
        record = meeting.board_record
        context = {"meeting": meeting, "when": when_in_words(meeting.starts_at), "record": record}
        if record is not None:
            context.update(counts=rag_as_presented(record), actions=actions_as_presented(record))
        return super().get_context_data(**context, **kwargs)
