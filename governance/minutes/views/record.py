"""The minutes page and what the clerk does there: add and edit minutes, create them from
the agenda, record the times, publish the draft, approve the last meeting's minutes.

Everyone signed in reads the record (governance.view_meetings); an exempt item's minute
only as its exemption note without governance.view_full_papers. Writing needs
governance.record_minutes.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView

from common.concurrency import EditConflict
from governance.domain.minutes import clock, day_in_words
from governance.minutes import services
from governance.minutes.forms import MinuteEditForm, MinuteForm, TimesEditForm
from governance.minutes.selectors import (
    attendance_in_words,
    declarations_as_seen,
    minutes_as_seen,
    minutes_for,
    minutes_status,
    previous_meeting,
)
from governance.minutes.views.common import (
    FULL_PAPERS,
    READ,
    RECORD,
    MeetingMixin,
    PostActionView,
    add_service_errors,
    refuse_conflict,
    versions,
)
from governance.models import Meeting, Minute

UPDATE_ACTION = "governance.update_action_arising"


class MeetingMinutesView(MeetingMixin, TemplateView):
    """The record: times, attendance, declarations, numbered minutes with resolutions and
    actions arising; the clerk's buttons for those who record minutes."""

    permission_required = READ
    template_name = "governance/minutes/meeting_minutes.html"

    def get_context_data(self, **kwargs):
        meeting, user = self.meeting, self.request.user
        record = minutes_for(meeting=meeting)
        status, status_in_words = minutes_status(meeting, has_minutes=bool(record.minutes))
        updatable = {
            action.pk
            for minute in record.minutes
            for action in minute.actions.all()
            if user.has_perm(UPDATE_ACTION, action)
        }
        full_papers = user.has_perm(FULL_PAPERS, meeting)
        return super().get_context_data(
            record=record,
            entries=minutes_as_seen(record, full_papers=full_papers),
            declarations=declarations_as_seen(record, full_papers=full_papers),
            attendance=attendance_in_words(record),
            commenced=clock(meeting.commenced_at),
            terminated=clock(meeting.terminated_at),
            minutes_status=status,
            minutes_status_in_words=status_in_words,
            updatable=updatable,
            to_approve=self.to_approve() if user.has_perm(RECORD, meeting) else None,
            **kwargs,
        )

    def to_approve(self) -> Meeting | None:
        """The board's previous meeting, when its minutes wait for this one to approve them."""
        if self.meeting.starts_at > timezone.now():
            return None
        previous = previous_meeting(self.meeting)
        if previous is None or previous.minutes_approved_at_id:
            return None
        return previous if Minute.objects.filter(meeting=previous).exists() else None


class MinuteFormMixin(MeetingMixin):
    permission_required = RECORD
    template_name = "governance/minutes/minute_form.html"
    form_class = MinuteForm

    def success(self, minute: Minute, verb: str):
        messages.success(self.request, f"Minute {minute.number} is {verb}")
        return redirect(f"{reverse('meeting_minutes', args=[self.meeting.pk])}#minute-{minute.pk}")


class MinuteAddView(MinuteFormMixin, FormView):
    """A minute numbered next in the board's municipal year."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            minute = services.minute_add(
                meeting=self.meeting, title=data["title"], text=data["text"],
                resolved=data["resolved"], agenda_item=data["agenda_item"], user=self.request.user,
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        return self.success(minute, "added")


class MinuteUpdateView(MinuteFormMixin, FormView):
    """Edits a minute's title, text and resolutions; its number stays. Only the fields
    changed are saved, never over someone else's change made since the page opened."""

    form_class = MinuteEditForm

    @cached_property
    def minute(self) -> Minute:
        queryset = Minute.objects.select_related(
            "meeting__board", "meeting__minutes_approved_at", "agenda_item"
        )
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    @cached_property
    def meeting(self) -> Meeting:
        return self.minute.meeting

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting, "with_item": False}

    def get_initial(self):
        minute = self.minute
        return {"title": minute.title, "text": minute.text, "resolved": minute.resolved}

    def get_context_data(self, **kwargs):
        return super().get_context_data(minute=self.minute, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            minute = services.minute_update(
                minute=self.minute, title=data["title"], text=data["text"],
                resolved=data["resolved"], user=self.request.user, **versions(form),
            )  # fmt: skip
        except EditConflict as conflict:
            return refuse_conflict(self, form, conflict)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        return self.success(minute, "saved")


class MeetingTimesView(MeetingMixin, FormView):
    """When the meeting commenced and terminated."""

    permission_required = RECORD
    template_name = "governance/minutes/times_form.html"
    form_class = TimesEditForm

    def get_initial(self):
        return {
            "commenced_at": self.meeting.commenced_at,
            "terminated_at": self.meeting.terminated_at,
        }

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.meeting_times_record(
                meeting=self.meeting, user=self.request.user, commenced_at=data["commenced_at"],
                terminated_at=data["terminated_at"], **versions(form),
            )  # fmt: skip
        except EditConflict as conflict:
            return refuse_conflict(self, form, conflict)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The meeting’s times are saved")
        return redirect("meeting_minutes", pk=self.meeting.pk)


class MeetingPostView(MeetingMixin, PostActionView):
    permission_required = RECORD

    def success_url(self) -> str:
        return reverse("meeting_minutes", args=[self.meeting.pk])


class MinutesFromAgendaView(MeetingPostView):
    """One minute per agenda item not yet minuted, in agenda order."""

    def act(self) -> str:
        minutes = services.minutes_from_agenda(meeting=self.meeting, user=self.request.user)
        if not minutes:
            return "Every agenda item already has a minute"
        numbers = f"{minutes[0].number} to {minutes[-1].number}"
        count = len(minutes)
        return f"{count} minute{'s' if count > 1 else ''} added from the agenda ({numbers})"


class MinutesPublishView(MeetingPostView):
    """Publishes the draft minutes, to be approved at the board's next meeting."""

    def act(self) -> str:
        services.minutes_publish(meeting=self.meeting, user=self.request.user)
        return "The draft minutes are published, marked “to be approved”"


class MinutesApproveView(MeetingPostView):
    """Approves this meeting's minutes as a correct record at the meeting named in the
    form (at_meeting): a later meeting of the same board."""

    @cached_property
    def at_meeting(self) -> Meeting | None:
        pk = self.request.POST.get("at_meeting", "")
        return Meeting.objects.filter(pk=int(pk)).first() if pk.isdigit() else None

    def act(self) -> str:
        if self.at_meeting is None:
            raise ValidationError("Choose the meeting at which the minutes were approved")
        services.minutes_approve(
            meeting=self.meeting, at_meeting=self.at_meeting, user=self.request.user
        )
        return (
            f"The minutes of the meeting on {day_in_words(self.meeting.starts_at)} are approved "
            "as a correct record"
        )

    def success_url(self) -> str:
        at_meeting = self.at_meeting
        same_board = at_meeting is not None and at_meeting.board_id == self.meeting.board_id
        target = at_meeting if same_board else self.meeting
        return reverse("meeting_minutes", args=[target.pk])
