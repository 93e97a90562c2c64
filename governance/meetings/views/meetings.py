"""Meetings: the list, a meeting's page with its agenda, arranging and changing a
meeting, and publishing its agenda, marking it held or cancelling it."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from common.concurrency import EditConflict, canonical
from governance.meetings import services
from governance.meetings.formatting import meeting_status_tag, time_in_words, when_in_words
from governance.meetings.forms import CancelMeetingForm, MeetingEditForm, MeetingForm
from governance.meetings.selectors import boards_with_meetings, meeting_with_agenda
from governance.meetings.tables import meeting_tables
from governance.meetings.views.common import (
    ObjectMixin,
    ServiceActionView,
    add_service_errors,
    refuse_conflict,
)
from governance.minutes.selectors import record_panel
from governance.models import Board, Meeting
from governance.packs.selectors import packs_panel

MEETING_FIELDS = {"starts_at": "date"}  # the service's names for the form's fields


class MeetingListView(PermissionRequiredMixin, TemplateView):
    """Each board with its next and its latest meetings (up to LIST_LIMIT of each), and a
    link to the board's page for the rest."""

    permission_required = "governance.view_meetings"
    template_name = "governance/meeting_list.html"

    def get_context_data(self, **kwargs):
        boards = [
            (entry.board, *meeting_tables(entry.board, entry.upcoming, entry.past, totals(entry)))
            for entry in boards_with_meetings(now=timezone.now())
        ]
        return super().get_context_data(
            boards=boards,
            can_manage=self.request.user.has_perm("governance.manage_meetings"),
            **kwargs,
        )


def totals(entry) -> tuple[int, int]:
    return entry.upcoming_count, entry.past_count


class MeetingMixin(ObjectMixin):
    def get_queryset(self):
        return Meeting.objects.select_related("board")

    def get_context_data(self, **kwargs):
        meeting = self.get_object()
        return super().get_context_data(
            meeting=meeting, when=when_in_words(meeting.starts_at), **kwargs
        )


class MeetingDetailView(MeetingMixin, TemplateView):
    """One meeting: its board, when and where, its status, its agenda with papers, its
    agenda packs and the record of the meeting. An exempt item's description and papers
    are shown only to those who may see the full papers (governance.view_full_papers)."""

    permission_required = "governance.view_meetings"
    template_name = "governance/meeting_detail.html"

    def get_queryset(self):
        return meeting_with_agenda()

    def get_context_data(self, **kwargs):
        meeting, user = self.get_object(), self.request.user
        return super().get_context_data(
            status_tag=meeting_status_tag(meeting),
            items=list(meeting.agenda_items.all()),
            can_manage=user.has_perm("governance.manage_meetings"),
            can_see_full=user.has_perm("governance.view_full_papers", meeting),
            moves=(("up", "Move up"), ("down", "Move down")),
            packs_panel=packs_panel(meeting=meeting, user=user),
            record_panel=record_panel(meeting=meeting, user=user),
            **kwargs,
        )


def _save_meeting(view, form, save):
    """Runs a meeting service with the form's data; its errors go back on the form, and
    a change someone else made meanwhile is shown beside the person's own."""
    data = form.cleaned_data
    starts_at = data.get("starts_at")
    try:
        meeting = save(
            starts_at=starts_at and starts_at.astimezone(datetime.UTC), place=data["place"],
            papers_deadline=data["papers_deadline"], user=view.request.user,
        )  # fmt: skip
    except EditConflict as conflict:
        fresh = Meeting.objects.get(pk=view.get_object().pk)
        return refuse_conflict(view, form, conflict, current=meeting_form_values(fresh))
    except ValidationError as error:
        add_service_errors(form, error, fields=MEETING_FIELDS)
        return view.form_invalid(form)
    messages.success(view.request, f"The meeting on {when_in_words(meeting.starts_at)} is saved")
    return redirect("meeting_detail", pk=meeting.pk)


class MeetingCreateView(PermissionRequiredMixin, FormView):
    """Arranges a meeting of a board (?board=<slug> chooses it), with the standard items."""

    permission_required = "governance.manage_meetings"
    template_name = "governance/meeting_form.html"
    form_class = MeetingForm

    def get_initial(self):
        board = Board.objects.filter(slug=self.request.GET.get("board", "")).first()
        return {"board": board, "place": board.default_place} if board else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(nav_section="meetings", **kwargs)

    def form_valid(self, form):
        board = form.cleaned_data["board"]
        return _save_meeting(
            self, form, lambda **data: services.meeting_create(board=board, **data)
        )


class MeetingUpdateView(MeetingMixin, FormView):
    """Changes a meeting's date, time, place or papers deadline."""

    permission_required = "governance.manage_meetings"
    template_name = "governance/meeting_form.html"
    form_class = MeetingForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "with_board": False}

    form_class = MeetingEditForm

    def get_initial(self):
        return {**meeting_form_values(self.get_object()),
                "start_time": time_in_words(self.get_object().starts_at)}  # fmt: skip

    def form_valid(self, form):
        meeting = self.get_object()
        versions = meeting_versions(form)
        return _save_meeting(
            self, form, lambda **data: services.meeting_update(meeting=meeting, **versions, **data)
        )


def meeting_form_values(meeting: Meeting) -> dict:
    """A meeting as its form holds it: the UK date and time, place and papers deadline."""
    local = timezone.localtime(meeting.starts_at)
    return {"date": local.date(), "start_time": local.time().replace(tzinfo=None),
            "place": meeting.place, "papers_deadline": meeting.papers_deadline}  # fmt: skip


def meeting_versions(form) -> dict:
    """The form's opened values and changed fields in the service's terms: the date and
    start time are one moment, starts_at (compared in UTC, as the database holds it)."""
    opened, changed = form.opened_values, form.changed_fields
    day, time = opened.get("date"), opened.get("start_time")
    starts_at = None
    if day and time:
        naive = datetime.datetime.combine(
            datetime.date.fromisoformat(day), datetime.time.fromisoformat(time)
        )
        starts_at = timezone.make_aware(naive).astimezone(datetime.UTC)
    service_opened = {"starts_at": canonical(starts_at), "place": opened.get("place", ""),
                      "papers_deadline": opened.get("papers_deadline", "")}  # fmt: skip
    service_changed = {name for name in ("place", "papers_deadline") if name in changed}
    if {"date", "start_time"} & changed:
        service_changed.add("starts_at")
    return {"opened": service_opened, "changed": service_changed}


class MeetingActionView(ServiceActionView):
    permission_required = "governance.manage_meetings"

    def get_queryset(self):
        return Meeting.objects.select_related("board")

    def redirect_to(self, obj):
        return reverse("meeting_detail", kwargs={"pk": obj.pk})


class MeetingPublishAgendaView(MeetingActionView):
    def act(self, meeting):
        services.meeting_publish_agenda(meeting=meeting, user=self.request.user)
        return "The agenda is published"


class MeetingMarkHeldView(MeetingActionView):
    def act(self, meeting):
        services.meeting_mark_held(meeting=meeting, user=self.request.user)
        return "The meeting is marked as held"


class MeetingCancelView(MeetingMixin, FormView):
    """Asks why, then cancels the meeting; the reason is kept in its history."""

    permission_required = "governance.manage_meetings"
    template_name = "governance/meeting_confirm_cancel.html"
    form_class = CancelMeetingForm

    def form_valid(self, form):
        meeting = self.get_object()
        try:
            services.meeting_cancel(
                meeting=meeting, reason=form.cleaned_data["reason"], user=self.request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, f"The meeting on {when_in_words(meeting.starts_at)} is cancelled"
        )
        return redirect("meeting_detail", pk=meeting.pk)
