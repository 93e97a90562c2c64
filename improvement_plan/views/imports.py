"""Importing a plan from an upload: the form, the dry run to check, then the real import.

Only administrators and the Director may import (improvement_plan.import_plan); other
roles are refused with 403 and people not signed in go to sign in. The uploaded bytes
wait server-side (improvement_plan.importing.pending) between the dry run and
"Confirm import", so the import confirmed is the file previewed.
"""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView

from improvement_plan.import_forms import PlanUploadForm
from improvement_plan.importing import PlanFileError, PlanLayoutError, plan_import
from improvement_plan.importing.pending import pending_discard, pending_get, pending_keep
from improvement_plan.models import Plan

UPLOAD_AGAIN = "The file to import is no longer here: upload it again."


class ImportPermissionMixin(PermissionRequiredMixin):
    permission_required = "improvement_plan.import_plan"


def _run(request, pending, *, dry_run: bool):
    """The import of the kept file into the plan chosen; None when the file has gone."""
    title = pending.plan_title
    if pending.plan_id is not None:
        title = Plan.objects.filter(pk=pending.plan_id).values_list("title", flat=True).first()
        if title is None:
            return None
    return plan_import(
        source=pending.read(),
        filename=pending.filename,
        plan_title=title,
        dry_run=dry_run,
        user=request.user,
        today=timezone.localdate(),
    )


class PlanImportView(ImportPermissionMixin, FormView):
    """Step 1: the plan and the file. A valid file is kept and its dry run shown."""

    template_name = "improvement_plan/plan_import_form.html"
    form_class = PlanUploadForm
    success_url = reverse_lazy("plan_import_preview")

    def form_valid(self, form):
        plan_id, title = form.plan_choice()
        pending_keep(
            self.request.session,
            data=form.file_bytes,
            kind=form.file_kind,
            filename=form.cleaned_data["file"].name,
            plan_id=plan_id,
            plan_title=title,
        )
        return super().form_valid(form)


class PlanImportPreviewView(ImportPermissionMixin, TemplateView):
    """Step 2: what the import will create and update, every warning by row, new posts."""

    template_name = "improvement_plan/plan_import_preview.html"

    def get(self, request, *args, **kwargs):
        pending = pending_get(request.session)
        try:
            report = _run(request, pending, dry_run=True) if pending else None
        except (PlanFileError, PlanLayoutError) as exc:
            pending_discard(request.session)
            messages.error(request, f"The file cannot be imported. {exc}")
            return redirect("plan_import")
        if report is None:
            pending_discard(request.session)
            messages.error(request, UPLOAD_AGAIN)
            return redirect("plan_import")
        return self.render_to_response(self.get_context_data(report=report, pending=pending))


class PlanImportConfirmView(ImportPermissionMixin, View):
    """Step 3: the real import of the same file, then the plan with a success banner."""

    def post(self, request, *args, **kwargs):
        pending = pending_get(request.session)
        try:
            report = _run(request, pending, dry_run=False) if pending else None
        except (PlanFileError, PlanLayoutError) as exc:
            report, error = None, f"The file cannot be imported. {exc}"
        else:
            error = UPLOAD_AGAIN
        pending_discard(request.session)
        if report is None:
            messages.error(request, error)
            return redirect("plan_import")
        messages.success(
            request,
            f"{report.plan_title} imported: {report.summary}.",
        )
        return redirect("plan_overview")


class PlanImportCancelView(ImportPermissionMixin, View):
    """Cancel: the kept file is deleted and nothing is imported."""

    def post(self, request, *args, **kwargs):
        pending_discard(request.session)
        messages.info(request, "Import cancelled: nothing was changed.")
        return redirect("plan_import")
