"""What the record's views share: the meeting, board or row in the URL read once (so the
rule and the page check the same object), the services' errors put on a form, and a
POST-only action that reports a refusal in words instead of failing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.views import View
from rules.contrib.views import PermissionRequiredMixin

from governance.domain.minutes import day_in_words
from governance.minutes.forms import people_list
from governance.models import Board, Meeting

READ = "governance.view_meetings"
RECORD = "governance.record_minutes"
FULL_PAPERS = "governance.view_full_papers"


def versions(form) -> dict:
    """What an edit form tells its service: the values it was opened on and the fields
    this person changed (governance.meetings.versions)."""
    return {"opened": form.opened_values, "changed": form.changed_fields}


def refuse_conflict(view, form, conflict):
    """A save refused because someone else changed the same fields since the form was
    opened: their values beside the person's own (includes/edit_conflict.html)."""
    form.show_conflict(conflict, conflict.current)
    return view.form_invalid(form)


def add_service_errors(form, error: ValidationError) -> None:
    """Puts a service's ValidationError on the form's fields (or the form)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for name, field_messages in error.message_dict.items():
        form.add_error(name if name in form.fields else None, field_messages)


class MeetingMixin(PermissionRequiredMixin):
    """The meeting in the URL (with its board and the meeting that approved its minutes),
    the object every rule here is checked against."""

    meeting_url_kwarg = "pk"

    @cached_property
    def meeting(self) -> Meeting:
        queryset = Meeting.objects.select_related("board", "minutes_approved_at")
        return get_object_or_404(queryset, pk=self.kwargs[self.meeting_url_kwarg])

    def get_permission_object(self):
        return self.meeting

    @cached_property
    def people(self):
        return people_list()

    def get_context_data(self, **kwargs):
        meeting = self.meeting
        return super().get_context_data(
            meeting=meeting,
            meeting_day=day_in_words(meeting.starts_at),
            may_record=self.request.user.has_perm(RECORD, meeting),
            nav_section="meetings",
            **kwargs,
        )


class BoardMixin(PermissionRequiredMixin):
    """The board in the URL, by its slug."""

    @cached_property
    def board(self) -> Board:
        return get_object_or_404(Board, slug=self.kwargs["slug"])

    def get_permission_object(self):
        return self.board

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            board=self.board,
            may_record=self.request.user.has_perm(RECORD, self.board),
            nav_section="meetings",
            **kwargs,
        )


class PostActionView(View):
    """A button's POST: runs `act()`, says what happened, and goes back to the page.
    A refusal (ValidationError) is shown as a message, never a server error."""

    http_method_names = ["post"]

    def act(self) -> str:
        raise NotImplementedError

    def success_url(self) -> str:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        try:
            messages.success(request, self.act())
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return HttpResponseRedirect(self.success_url())
