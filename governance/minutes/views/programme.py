"""The board's work programme: topics by meeting or month, added and changed by those
who record minutes (governance.record_minutes), read by everyone signed in."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView

from common.concurrency import EditConflict
from governance.minutes import services
from governance.minutes.board_selectors import work_programme
from governance.minutes.forms import WorkProgrammeItemEditForm, WorkProgrammeItemForm
from governance.minutes.views.common import (
    READ,
    RECORD,
    BoardMixin,
    add_service_errors,
    refuse_conflict,
    versions,
)
from governance.models import Board, WorkProgrammeItem

PROGRAMME_FIELDS = ("topic", "lead", "purpose", "meeting", "planned_month", "status")


class BoardWorkProgrammeView(BoardMixin, TemplateView):
    """Topics planned, by meeting (or month when no meeting is set), soonest first."""

    permission_required = READ
    template_name = "governance/minutes/work_programme.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(groups=work_programme(board=self.board), **kwargs)


class WorkProgrammeFormMixin(BoardMixin):
    permission_required = RECORD
    template_name = "governance/minutes/work_programme_item_form.html"
    form_class = WorkProgrammeItemForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def saved(self, item: WorkProgrammeItem, verb: str):
        messages.success(self.request, f"“{item.topic}” is {verb}")
        return redirect("board_work_programme", slug=self.board.slug)


class WorkProgrammeItemAddView(WorkProgrammeFormMixin, FormView):
    def form_valid(self, form):
        try:
            data = {name: form.cleaned_data[name] for name in PROGRAMME_FIELDS}
            item = services.work_programme_item_add(
                board=self.board, user=self.request.user, **data
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        return self.saved(item, "added to the work programme")


class WorkProgrammeItemUpdateView(WorkProgrammeFormMixin, FormView):
    """Changes a topic: only the fields changed, never over someone else's change."""

    form_class = WorkProgrammeItemEditForm

    @cached_property
    def item(self) -> WorkProgrammeItem:
        queryset = WorkProgrammeItem.objects.select_related("board", "meeting")
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    @cached_property
    def board(self) -> Board:
        return self.item.board

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "keep_month": self.item.planned_month}

    def get_initial(self):
        item = self.item
        return {
            "topic": item.topic,
            "lead": item.lead,
            "purpose": item.purpose,
            "meeting": item.meeting,
            "planned_month": item.planned_month.isoformat() if item.planned_month else "",
            "status": item.status,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.item, **kwargs)

    def form_valid(self, form):
        try:
            data = {name: form.cleaned_data[name] for name in PROGRAMME_FIELDS}
            item = services.work_programme_item_update(
                item=self.item, user=self.request.user, **data, **versions(form)
            )
        except EditConflict as conflict:
            return refuse_conflict(self, form, conflict)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        return self.saved(item, "saved")
