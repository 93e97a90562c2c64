"""Who attended and what they declared: the attendance form, the declarations page, and
the board's attendance by organisation over the years.

Recording needs governance.record_minutes; the board's attendance page is for everyone
signed in (governance.view_meetings).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView

from common.concurrency import EditConflict
from governance.minutes import services
from governance.minutes.attendance_forms import AttendanceEditForm
from governance.minutes.board_selectors import attendance_by_organisation
from governance.minutes.forms import DeclarationForm
from governance.minutes.selectors import attendance_rows
from governance.minutes.views.common import (
    READ,
    RECORD,
    BoardMixin,
    MeetingMixin,
    PostActionView,
    add_service_errors,
    refuse_conflict,
    versions,
)
from governance.models import Declaration


class MeetingAttendanceView(MeetingMixin, FormView):
    """One row per person: the board's members on the day listed, others may be added."""

    permission_required = RECORD
    template_name = "governance/minutes/attendance_form.html"
    form_class = AttendanceEditForm

    @cached_property
    def rows(self):
        return attendance_rows(meeting=self.meeting)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "rows": self.rows, "people": self.people}

    def form_valid(self, form):
        try:
            services.attendance_record(
                meeting=self.meeting, entries=form.entries(), user=self.request.user,
                **versions(form),
            )  # fmt: skip
        except EditConflict as conflict:
            return refuse_conflict(self, form, conflict)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Attendance is saved")
        if form.cleaned_data.get("add_person"):
            return redirect("meeting_attendance", pk=self.meeting.pk)
        return redirect("meeting_minutes", pk=self.meeting.pk)


class MeetingDeclarationsView(MeetingMixin, FormView):
    """The meeting's declarations of interest, and a form to add one."""

    permission_required = RECORD
    template_name = "governance/minutes/declarations.html"
    form_class = DeclarationForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting, "people": self.people}

    def get_context_data(self, **kwargs):
        declarations = (
            Declaration.objects.filter(meeting=self.meeting)
            .select_related("person", "agenda_item")
            .order_by("agenda_item__order", "person__full_name")
        )
        return super().get_context_data(declarations=list(declarations), **kwargs)

    def form_valid(self, form):
        try:
            declaration = services.declaration_add(
                meeting=self.meeting, user=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"{declaration.person}’s interest in item {declaration.agenda_item.order} is recorded",
        )
        return redirect("meeting_declarations", pk=self.meeting.pk)


class DeclarationDeleteView(MeetingMixin, PostActionView):
    """Removes a declaration recorded in error."""

    permission_required = RECORD

    @cached_property
    def declaration(self) -> Declaration:
        queryset = Declaration.objects.select_related(
            "meeting__board", "meeting__minutes_approved_at", "person", "agenda_item"
        )
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    @cached_property
    def meeting(self):
        return self.declaration.meeting

    def act(self) -> str:
        services.declaration_delete(declaration=self.declaration, user=self.request.user)
        return f"{self.declaration.person}’s declaration is removed"

    def success_url(self) -> str:
        return reverse("meeting_declarations", args=[self.meeting.pk])


class BoardAttendanceView(BoardMixin, TemplateView):
    """For each municipal year and meeting, attendance per organisation in words and figures."""

    permission_required = READ
    template_name = "governance/minutes/board_attendance.html"

    def get_context_data(self, **kwargs):
        years = attendance_by_organisation(board=self.board, now=timezone.now())
        return super().get_context_data(years=years, **kwargs)
