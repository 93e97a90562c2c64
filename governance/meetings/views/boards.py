"""Boards and their members: the list, a board's page, and the forms democratic
services use to set up boards and memberships (governance.manage_boards)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from common.concurrency import EditConflict
from governance.meetings import services
from governance.meetings.formatting import when_in_words
from governance.meetings.forms import BoardEditForm, BoardForm, MembershipEditForm, MembershipForm
from governance.meetings.selectors import board_page, board_rows
from governance.meetings.tables import (
    ReadPagePaginator,
    meeting_tables,
    page_asked,
    table_prefix,
)
from governance.meetings.views.common import ObjectMixin, add_service_errors, refuse_conflict
from governance.models import Board, Membership

MEETINGS_PER_PAGE = 25


class BoardListView(PermissionRequiredMixin, TemplateView):
    """Every board: its kind, members today and next meeting."""

    permission_required = "governance.view_meetings"
    template_name = "governance/board_list.html"

    def get_context_data(self, **kwargs):
        boards = board_rows(today=timezone.localdate(), now=timezone.now())
        return super().get_context_data(
            rows=[(b, b.next_meeting and when_in_words(b.next_meeting)) for b in boards],
            can_manage=self.request.user.has_perm("governance.manage_boards"),
            nav_section="meetings",
            **kwargs,
        )


class BoardMixin(ObjectMixin):
    lookup_field = "slug"

    def get_queryset(self):
        return Board.objects.all()

    def get_context_data(self, **kwargs):
        return super().get_context_data(board=self.get_object(), **kwargs)


class BoardDetailView(BoardMixin, TemplateView):
    """A board: terms of reference, members current and past, meetings upcoming and past,
    MEETINGS_PER_PAGE of each to a page."""

    permission_required = "governance.view_meetings"
    template_name = "governance/board_detail.html"

    def get_context_data(self, **kwargs):
        user, board, request = self.request.user, self.get_object(), self.request
        asked = (page_asked(request, table_prefix(board, "Upcoming")),
                 page_asked(request, table_prefix(board, "Past")))  # fmt: skip
        page = board_page(
            board, today=timezone.localdate(), now=timezone.now(), pages=asked,
            per_page=MEETINGS_PER_PAGE,
        )  # fmt: skip
        upcoming_table, past_table = meeting_tables(board, page.upcoming, page.past)
        for table, count, number in (
            (upcoming_table, page.upcoming_count, page.upcoming_page),
            (past_table, page.past_count, page.past_page),
        ):
            table.paginate(ReadPagePaginator, MEETINGS_PER_PAGE, number, count=count)
        return super().get_context_data(
            page=page,
            upcoming_table=upcoming_table,
            past_table=past_table,
            can_manage_board=user.has_perm("governance.manage_boards"),
            can_manage_meetings=user.has_perm("governance.manage_meetings"),
            **kwargs,
        )


def _fields(form, names) -> dict:
    return {name: form.cleaned_data[name] for name in names if name in form.cleaned_data}


def _versions(form) -> dict:
    """What an edit form tells its service: the values it was opened on and the fields
    this person changed (governance.meetings.versions)."""
    return {"opened": form.opened_values, "changed": form.changed_fields}


class BoardFormMixin:
    form_class = BoardForm
    template_name = "governance/board_form.html"

    def save(self, form) -> Board:
        raise NotImplementedError

    def form_valid(self, form):
        try:
            board = self.save(form)
        except EditConflict as conflict:
            return refuse_conflict(self, form, conflict)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"The {board.name} is saved")
        return redirect("board_detail", slug=board.slug)


class BoardCreateView(PermissionRequiredMixin, BoardFormMixin, FormView):
    permission_required = "governance.manage_boards"
    initial = {"items_start_on_odd_pages": True, "is_public": True}

    def get_context_data(self, **kwargs):
        return super().get_context_data(nav_section="meetings", **kwargs)

    def save(self, form):
        data = _fields(form, services.BOARD_FIELDS)
        return services.board_create(user=self.request.user, **data)


class BoardUpdateView(BoardMixin, BoardFormMixin, FormView):
    """Changes a board: only the fields changed, never over someone else's change."""

    permission_required = "governance.manage_boards"
    form_class = BoardEditForm

    def get_initial(self):
        board = self.get_object()
        return {name: getattr(board, name) for name in services.BOARD_FIELDS}

    def save(self, form):
        data = _fields(form, services.BOARD_FIELDS)
        return services.board_update(
            board=self.get_object(), user=self.request.user, **_versions(form), **data
        )


class MembershipFormMixin:
    form_class = MembershipForm
    template_name = "governance/membership_form.html"
    permission_required = "governance.manage_boards"

    def save(self, form) -> Membership:
        raise NotImplementedError

    def form_valid(self, form):
        try:
            membership = self.save(form)
        except EditConflict as conflict:
            return refuse_conflict(self, form, conflict)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{membership.person} is saved as a member")
        return redirect("board_detail", slug=membership.board.slug)


class MembershipAddView(BoardMixin, MembershipFormMixin, FormView):
    permission_required = "governance.manage_boards"
    initial = {"role": Membership.Role.MEMBER}

    def save(self, form):
        data = _fields(form, services.MEMBERSHIP_FIELDS)
        return services.membership_add(board=self.get_object(), user=self.request.user, **data)


class MembershipUpdateView(MembershipFormMixin, ObjectMixin, FormView):
    """Changes a membership: only the fields changed, never over someone else's change."""

    form_class = MembershipEditForm

    def get_queryset(self):
        return Membership.objects.filter(board__slug=self.kwargs["slug"]).select_related(
            "board", "person"
        )

    def get_context_data(self, **kwargs):
        membership = self.get_object()
        return super().get_context_data(board=membership.board, membership=membership, **kwargs)

    def get_initial(self):
        membership = self.get_object()
        return {name: getattr(membership, name) for name in services.MEMBERSHIP_FIELDS}

    def save(self, form):
        data = _fields(form, services.MEMBERSHIP_FIELDS)
        return services.membership_update(
            membership=self.get_object(), user=self.request.user, **_versions(form), **data
        )
