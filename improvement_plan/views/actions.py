"""One action: its page, the lead's progress form, linked indicators, evidence downloads.

Every view checks its rule (improvement_plan.rules) against the object: people signed
out are sent to sign in, people signed in without the permission get 403.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.generic import DetailView, FormView
from rules.contrib.views import PermissionRequiredMixin

from common.concurrency import EditConflict, read_opened_token
from common.forms import OPENED_FIELD
from improvement_plan import link_services, services
from improvement_plan.action_selectors import action_page, action_queryset, open_challenges
from improvement_plan.forms import ActionIndicatorsForm, ProgressUpdateForm
from improvement_plan.link_selectors import link_rows, link_rows_for
from improvement_plan.models import Evidence
from improvement_plan.rag_selectors import judge
from improvement_plan.versions import progress_form_values

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
}


class ActionMixin(PermissionRequiredMixin):
    """The action in the URL, read once: the rules and the page share the same object."""

    def get_object(self, queryset=None):
        if not hasattr(self, "_action"):
            self._action = get_object_or_404(action_queryset(), pk=self.kwargs["pk"])
        return self._action

    def get_context_data(self, **kwargs):
        return super().get_context_data(action=self.get_object(), nav_section="plan", **kwargs)


def add_service_errors(form, error: ValidationError) -> None:
    """Puts a service's ValidationError(dict) on the form's fields (or the form)."""
    for name, field_messages in error.message_dict.items():
        form.add_error(name if name in form.fields else None, field_messages)


def impact_url(action) -> str:
    """The impact page of the action's own plan, which need not be the current one."""
    plan_id = action.objective.priority.plan_id
    return f"{reverse('plan_impact')}?{urlencode({'plan': plan_id})}"


class ActionDetailView(ActionMixin, DetailView):
    permission_required = "improvement_plan.view_action"
    template_name = "improvement_plan/action_detail.html"
    context_object_name = "action"

    def get_context_data(self, **kwargs):
        action, user = self.object, self.request.user
        return super().get_context_data(
            page=action_page(
                action, today=timezone.localdate(), page_number=self.request.GET.get("page")
            ),
            can_update=user.has_perm("improvement_plan.add_progressupdate", action),
            can_review=user.has_perm("improvement_plan.add_directorreview", action),
            can_link=user.has_perm("improvement_plan.link_indicators", action),
            can_download=user.has_perm("improvement_plan.view_evidence", action),
            impact_url=impact_url(action),
            **kwargs,
        )


class ProgressUpdateView(ActionMixin, FormView):
    """A lead records progress: text, reported RAG, status, a new due date, evidence."""

    permission_required = "improvement_plan.add_progressupdate"
    template_name = "improvement_plan/progressupdate_form.html"
    form_class = ProgressUpdateForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "action": self.get_object(), "today": self.today}

    def dispatch(self, request, *args, **kwargs):
        self.today = timezone.localdate()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        action = self.get_object()
        return super().get_context_data(
            judgement=judge(action, today=self.today),
            challenges=open_challenges(action),
            **kwargs,
        )

    def form_valid(self, form):
        action, data = self.get_object(), form.cleaned_data
        try:
            services.progress_update_record(
                action=action, author=self.request.user, text=data["text"],
                reported_rag=data["reported_rag"], rag_reason=data["rag_reason"],
                status=data["status"], new_due_date=data["new_due_date"],
                due_date_reason=data["due_date_reason"], evidence_files=data["evidence"],
                today=self.today, opened=form.opened_values, changed=form.changed_fields,
            )  # fmt: skip
        except EditConflict as conflict:
            form.show_conflict(conflict, progress_form_values(action))
            return self.form_invalid(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Progress on action {action.reference} is saved")
        return redirect("action_detail", pk=action.pk)


class ActionIndicatorsView(ActionMixin, FormView):
    """The action's leads, the Director or an administrator link the action to the
    scorecard indicators it should move, with the effect expected on each. A search
    (?q=) narrows the indicators shown; the links already made are always shown."""

    permission_required = "improvement_plan.link_indicators"
    template_name = "improvement_plan/actionindicators_form.html"
    form_class = ActionIndicatorsForm

    def search(self) -> str:
        return " ".join(self.request.GET.get("q", "").split())[:100]

    def rows(self):
        """On a save, the indicators the form showed (its opened token names them)."""
        action = self.get_object()
        if self.request.method == "POST":
            opened = read_opened_token(self.request.POST.get(OPENED_FIELD, "")) or {}
            pks = [int(pk) for pk in opened if pk.isdigit()]
            if pks:
                return link_rows_for(action, pks=pks)
        rows, self.left_out = link_rows(action, search=self.search())
        return rows

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "rows": self.rows()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(search=self.search(), **kwargs)
        return {**context, "left_out": getattr(self, "left_out", False)}  # known once rows read

    def form_valid(self, form):
        action = self.get_object()
        try:
            links = link_services.action_indicator_links_save(
                action=action, wanted=form.wanted(), user=self.request.user,
                opened=form.opened_links(),
            )  # fmt: skip
        except EditConflict as conflict:
            now = link_rows_for(action, pks=[row.indicator.pk for row in form.rows])
            form.show_conflict(conflict, ActionIndicatorsForm(rows=now).opened_snapshot())
            return self.form_invalid(form)
        count = len(links)
        messages.success(
            self.request,
            f"Action {action.reference} is linked to {count} indicator{'' if count == 1 else 's'}",
        )
        return redirect("action_detail", pk=action.pk)


class EvidenceDownloadView(PermissionRequiredMixin, DetailView):
    """Sends an evidence file as a download, never shown inline, with its type fixed."""

    permission_required = "improvement_plan.view_evidence"
    model = Evidence

    def get(self, request, *args, **kwargs):
        evidence = self.get_object()
        try:
            handle = evidence.file.open("rb")
        except FileNotFoundError as exc:
            raise Http404("The file is missing from storage") from exc
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=evidence.original_name,
            content_type=CONTENT_TYPES.get(evidence.kind, "application/octet-stream"),
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response

    def get_object(self, queryset=None):
        if not hasattr(self, "_evidence"):
            self._evidence = super().get_object(queryset)
        return self._evidence
