"""The Director's review: the actions to look at, and confirming or challenging a RAG.

Only the Director and administrators (improvement_plan.add_directorreview) may use
these pages; anyone else signed in gets 403.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin
from rules.contrib.views import PermissionRequiredMixin

from common.concurrency import EditConflict
from improvement_plan import services
from improvement_plan.action_selectors import action_page, actions_to_review
from improvement_plan.forms import DirectorReviewForm
from improvement_plan.models import DirectorReview
from improvement_plan.review_tables import ReviewFilter, ReviewTable
from improvement_plan.selectors import current_plan
from improvement_plan.timeline_selectors import latest_update
from improvement_plan.versions import review_basis
from improvement_plan.views.actions import ActionMixin, add_service_errors
from improvement_plan.views.lists import PER_PAGE


class ReviewListView(PermissionRequiredMixin, SingleTableMixin, FilterView):
    """The current plan's actions worst first: disagreements, then Red, then Amber."""

    permission_required = "improvement_plan.add_directorreview"
    template_name = "improvement_plan/review_list.html"
    filterset_class = ReviewFilter
    table_class = ReviewTable
    table_pagination = {"per_page": PER_PAGE}

    def get(self, request, *args, **kwargs):
        self.today, self.plan = timezone.localdate(), current_plan()
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return actions_to_review(today=self.today, plan=self.plan)

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "plan": self.plan}

    def get_table_kwargs(self):
        return {"today": self.today}

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, nav_section="plan", **kwargs)


class DirectorReviewView(ActionMixin, FormView):
    """Confirm the action's RAG, or challenge it with a comment the leads will see."""

    permission_required = "improvement_plan.add_directorreview"
    template_name = "improvement_plan/directorreview_form.html"
    form_class = DirectorReviewForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "action": self.get_object()}

    def get_context_data(self, **kwargs):
        page = action_page(self.get_object(), today=timezone.localdate())
        latest = next((e.record for e in page.entries if e.kind == "progress"), None)
        if latest is None:  # not on the timeline's first page: older than PER_PAGE entries
            latest = latest_update(self.get_object())
        return super().get_context_data(page=page, latest_update=latest, **kwargs)

    def form_valid(self, form):
        action = self.get_object()
        try:
            review = services.director_review_record(
                action=action, reviewer=self.request.user, decision=form.cleaned_data["decision"],
                comment=form.cleaned_data["comment"], today=timezone.localdate(),
                opened=form.opened_values,
            )  # fmt: skip
        except EditConflict as conflict:
            form.show_conflict(conflict, review_basis(action))
            return self.form_invalid(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if review.decision == DirectorReview.Decision.CHALLENGED:
            done = f"You challenged the RAG of action {action.reference}: its leads will see why"
        else:
            done = f"You confirmed the RAG of action {action.reference}"
        messages.success(self.request, done)
        return redirect("review_list")
