"""Actions arising: agreeing one in a minute, the owner's progress report (with its
history), and the board's action log, filtered and as CSV.

Adding an action needs governance.record_minutes; reporting progress needs
governance.update_action_arising on the action (its owner, or those who record
minutes); the log is for everyone signed in (governance.view_meetings).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import FormView
from django_filters.views import FilterView
from rules.contrib.views import PermissionRequiredMixin

from common.concurrency import EditConflict
from governance.domain.exempt import minute_seen
from governance.domain.minutes import day_in_words, days_overdue, overdue_in_words
from governance.minutes import services
from governance.minutes.action_log import csv_download, log_rows
from governance.minutes.board_selectors import action_history, action_log
from governance.minutes.filters import ActionLogFilter
from governance.minutes.forms import ActionArisingForm, ActionArisingUpdateEditForm, people_list
from governance.minutes.views.common import (
    FULL_PAPERS,
    READ,
    RECORD,
    BoardMixin,
    add_service_errors,
    refuse_conflict,
    versions,
)
from governance.models import ActionArising, Minute

PER_PAGE = 50


class ActionArisingAddView(PermissionRequiredMixin, FormView):
    """An action agreed in a minute: what, who owns it, when it is due."""

    permission_required = RECORD
    template_name = "governance/minutes/action_form.html"
    form_class = ActionArisingForm

    @cached_property
    def minute(self) -> Minute:
        queryset = Minute.objects.select_related("meeting__board", "agenda_item")
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.minute.meeting

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "people": people_list()}

    def get_context_data(self, **kwargs):
        meeting = self.minute.meeting
        return super().get_context_data(
            minute=self.minute, meeting=meeting, meeting_day=day_in_words(meeting.starts_at),
            nav_section="meetings", **kwargs,
        )  # fmt: skip

    def form_valid(self, form):
        try:
            services.action_arising_add(
                minute=self.minute, user=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"The action is added to minute {self.minute.number}")
        url = reverse("meeting_minutes", args=[self.minute.meeting_id])
        return redirect(f"{url}#minute-{self.minute.pk}")


class ActionArisingUpdateView(PermissionRequiredMixin, FormView):
    """The owner reports progress: status, progress, the date it was completed."""

    permission_required = "governance.update_action_arising"
    template_name = "governance/minutes/action_update.html"
    form_class = ActionArisingUpdateEditForm

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.today = timezone.localdate()

    @cached_property
    def action(self) -> ActionArising:
        queryset = ActionArising.objects.select_related(
            "owner", "minute__meeting__board", "minute__agenda_item"
        )
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.action

    def get_initial(self):
        action = self.action
        return {
            "status": action.status,
            "progress": action.progress,
            "completed_on": action.completed_on,
        }

    def get_context_data(self, **kwargs):
        action = self.action
        days = days_overdue(status=action.status, due_date=action.due_date, today=self.today)
        minute, item = action.minute, action.minute.agenda_item
        seen = minute_seen(
            number=minute.number, title=minute.title, item_title=item.title if item else None,
            exempt_paragraph=item.exempt_paragraph if item else None,
            full_papers=self.request.user.has_perm(FULL_PAPERS, minute.meeting),
        )  # fmt: skip
        return super().get_context_data(
            action=action, minute=action.minute, meeting=action.minute.meeting,
            minute_title=seen.title,
            meeting_day=day_in_words(action.minute.meeting.starts_at),
            overdue=overdue_in_words(days), history=action_history(action),
            nav_section="meetings", **kwargs,
        )  # fmt: skip

    def form_valid(self, form):
        try:
            data = form.cleaned_data
            services.action_arising_update(
                action=self.action, user=self.request.user, today=self.today,
                status=data["status"], progress=data["progress"],
                completed_on=data["completed_on"], **versions(form),
            )  # fmt: skip
        except EditConflict as conflict:
            return refuse_conflict(self, form, conflict)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The action’s progress is saved")
        return redirect("action_arising_update", pk=self.action.pk)


class BoardActionLogView(BoardMixin, FilterView):
    """The board's actions arising: filter by status, owner, overdue; 50 a page; CSV."""

    permission_required = READ
    template_name = "governance/minutes/action_log.html"
    filterset_class = ActionLogFilter
    paginate_by = PER_PAGE

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.today = timezone.localdate()

    def get_queryset(self):
        return action_log(board=self.board)

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        return {**kwargs, "board": self.board, "today": self.today}

    @cached_property
    def full_papers(self) -> bool:
        return self.request.user.has_perm(FULL_PAPERS, self.board)

    def rows(self, actions):
        return log_rows(
            actions, user=self.request.user, full_papers=self.full_papers, today=self.today
        )

    def get(self, request, *args, **kwargs):
        if request.GET.get("download") != "csv":
            return super().get(request, *args, **kwargs)
        filterset = self.get_filterset(self.get_filterset_class())
        actions = filterset.qs if filterset.is_valid() else filterset.queryset.none()
        return csv_download(self.rows(actions), slug=self.board.slug, today=self.today)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        query.pop("download", None)
        page_query = query.urlencode()
        query["download"] = "csv"
        page = context.get("page_obj")
        actions = page.object_list if page is not None else context["object_list"]
        context.update(
            rows=self.rows(actions),
            count=page.paginator.count if page is not None else len(actions),
            csv_query=query.urlencode(),
            page_query=page_query,
            is_filtered=self.filterset.is_bound and self.filterset.form.has_changed(),
        )
        return context
