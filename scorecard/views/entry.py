"""Entering a month's values and commentary, and approving them.

Every view checks its rule (scorecard.rules): people signed out are sent to sign in,
people signed in without the permission get 403. The entry pages offer only the
indicators the user may enter, and the service checks each one again, so a crafted form
cannot write another indicator's value.

Entry saves each figure on its own: the figures that can be saved are saved, and the page
comes back with an error on each one that could not (a broken rule, or someone else's
change shown beside yours), with everything typed kept. Chosen over refusing the whole
page because the people entering a month's figures get them at different times: one
figure not yet ready must not hold back the others.
"""

import datetime
from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from common.concurrency import EditConflict
from scorecard import approval_services, commentary_services, services
from scorecard.domain.entry import period_problem
from scorecard.entry_selectors import (
    approval_groups,
    commentary_areas,
    commentary_for,
    entry_list,
    entry_rows,
    last_return_reason,
    may_enter_any,
    month_progress,
)
from scorecard.forms import ApprovalForm, CommentaryForm, MonthForm, ValueEntryForm
from scorecard.models import ServiceArea
from scorecard.views.paging import page_of


def add_service_errors(form, error: ValidationError) -> None:
    """Puts a service's ValidationError(dict) on the form's fields (or the form)."""
    for name, field_messages in error.message_dict.items():
        form.add_error(name if name in form.fields else None, field_messages)


def figures_in_words(count: int) -> str:
    return f"{count} figure{'' if count == 1 else 's'}"


def outcome_in_words(outcome: services.EntryOutcome, *, where: str) -> str:
    """What a save did, and what is still to enter: "Front Door, June 2023: 2 figures
    saved, 2 figures submitted for approval. Still to enter: FD3"."""
    done = [f"{figures_in_words(len(outcome.saved))} saved"] if outcome.saved else []
    if outcome.submitted:
        done.append(f"{figures_in_words(outcome.submitted)} submitted for approval")
    words = f"{where}: {', '.join(done) or 'no figure changed'}"
    if outcome.still_to_enter:
        words += f". Still to enter: {', '.join(outcome.still_to_enter)}"
    return words


def moved_in_words(values: int, commentaries: int, done: str) -> str:
    """ "3 values and 1 commentary approved"."""
    parts = [f"{values} value{'' if values == 1 else 's'}"] if values or not commentaries else []
    if commentaries:
        parts.append(f"{commentaries} commentar{'y' if commentaries == 1 else 'ies'}")
    return f"{' and '.join(parts)} {done}"


class ScorecardPageMixin(PermissionRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        self.today = timezone.localdate()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(nav_section="scorecard", **kwargs)


class AreaMonthMixin(ScorecardPageMixin):
    """The service area and month in the URL; a month after this one is not found."""

    @cached_property
    def area(self) -> ServiceArea:
        return get_object_or_404(ServiceArea, prefix=self.kwargs["prefix"])

    @cached_property
    def period(self) -> datetime.date:
        if period_problem(self.kwargs["month"], today=self.today):
            raise Http404("Values cannot be entered for a month that has not started")
        return self.kwargs["month"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(area=self.area, period=self.period, **kwargs)


class EntryListView(ScorecardPageMixin, TemplateView):
    """The areas and indicators the user may enter, with each one's state for the month."""

    template_name = "scorecard/entry_list.html"

    def has_permission(self):
        user = self.request.user
        return user.is_authenticated and (may_enter_any(user) or bool(commentary_areas(user)))

    def get_context_data(self, **kwargs):
        form = MonthForm(self.request.GET or None, today=self.today)
        period = form.period()
        areas = entry_list(self.request.user, period=period)
        return super().get_context_data(form=form, period=period, areas=areas, **kwargs)


class ValueEntryView(AreaMonthMixin, FormView):
    """One service area's month: a row per indicator the user may enter."""

    template_name = "scorecard/value_entry_form.html"
    form_class = ValueEntryForm

    def has_permission(self):
        user = self.request.user
        if not user.is_authenticated:
            return False
        return self.period is not None and may_enter_any(user, area=self.area)

    @cached_property
    def rows(self):
        return entry_rows(self.request.user, period=self.period, area=self.area)

    def get_form_kwargs(self):
        submit = self.request.POST.get("action") == "submit"
        return {**super().get_form_kwargs(), "rows": self.rows, "submit": submit}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "progress": month_progress(context["form"].entry_rows)}

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid() and form.non_field_errors():
            return self.form_invalid(form)  # opened on no version: nothing is saved
        outcome = services.values_enter(
            indicators=[row.indicator for row in self.rows], period=self.period,
            entries=form.entries(), user=request.user, today=self.today,
            submit=form.submit, opened=form.opened_values, changed=form.changed_fields,
        )  # fmt: skip
        where = f"{self.area.title}, {self.period:%B %Y}"
        if form.errors or not outcome.complete:
            form.show_outcome(outcome)
            form.entry_rows = entry_rows(request.user, period=self.period, area=self.area)
            return self.render_to_response(self.get_context_data(form=form, outcome=outcome))
        messages.success(request, outcome_in_words(outcome, where=where))
        if form.submit:
            return redirect(f"{reverse('scorecard_entry_list')}?month={self.period:%Y-%m}")
        return redirect("scorecard_value_entry", prefix=self.area.prefix, month=self.period)


class CommentaryView(AreaMonthMixin, FormView):
    """The head of service's commentary on the area's month."""

    permission_required = "scorecard.write_commentary"
    template_name = "scorecard/commentary_form.html"
    form_class = CommentaryForm

    def get_permission_object(self):
        return self.area

    def has_permission(self):
        return self.request.user.is_authenticated and self.period and super().has_permission()

    @cached_property
    def commentary(self):
        return commentary_for(self.area, period=self.period)

    def get_initial(self):
        return {"text": self.commentary.text} if self.commentary else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            commentary=self.commentary,
            returned_because=last_return_reason(self.commentary),
            **kwargs,
        )

    def form_valid(self, form):
        submit = self.request.POST.get("action") == "submit"
        try:
            commentary_services.commentary_save(
                area=self.area, period=self.period, text=form.cleaned_data["text"],
                user=self.request.user, today=self.today, submit=submit,
                opened=form.opened_values, changed=form.changed_fields,
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        except EditConflict as conflict:
            saved = commentary_for(self.area, period=self.period)
            form.show_conflict(conflict, {"text": saved.text if saved else ""})
            return self.form_invalid(form)
        where = f"{self.area.title}, {self.period:%B %Y}"
        if submit:
            messages.success(self.request, f"Commentary for {where} is submitted for approval")
            return redirect(f"{reverse('scorecard_entry_list')}?month={self.period:%Y-%m}")
        messages.success(self.request, f"Draft commentary for {where} is saved")
        return redirect("scorecard_commentary", prefix=self.area.prefix, month=self.period)


GROUPS_PER_PAGE = 10


class ApprovalsView(ScorecardPageMixin, FormView):
    """Submitted values and commentaries by area and month, to approve or return."""

    permission_required = "scorecard.approve_values"
    template_name = "scorecard/approval_list.html"
    form_class = ApprovalForm

    @cached_property
    def page(self):
        """GROUPS_PER_PAGE area-months a page (scorecard.views.paging): a page's form
        decides only what it shows, and posts back to the same page."""
        return page_of(self.request, approval_groups(self.request.user), per_page=GROUPS_PER_PAGE)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "groups": list(self.page[0].object_list)}

    def get_context_data(self, **kwargs):
        page, page_query = self.page
        return super().get_context_data(page_obj=page, page_query=page_query, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            values, commentaries = approval_services.approvals_decide(
                value_ids=data["values"], commentary_ids=data["commentaries"],
                approve=form.approving, user=self.request.user, reason=data["reason"],
                seen=form.seen_values,
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        done = "approved" if form.approving else "returned"
        messages.success(self.request, moved_in_words(values, commentaries, done))
        return redirect("scorecard_approvals")
