"""Importing a plan from an upload: the form, the dry run to check, then the real import.

Only administrators and the Director may import (improvement_plan.import_plan); other
roles are refused with 403 and people not signed in go to sign in. The uploaded bytes
wait server-side (improvement_plan.importing.pending) between the dry run and
"Confirm import", so the import confirmed is the file previewed. A big file is checked
and imported by a Celery task (improvement_plan.importing.background), never in the
request: the pages show its progress until it has finished.
"""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from common.import_pages import UPLOAD_AGAIN, ImportPages
from improvement_plan.import_forms import PlanUploadForm
from improvement_plan.importing import PlanFileError, PlanLayoutError
from improvement_plan.importing.background import kept_plan_import
from improvement_plan.importing.pending import JOBS, pending_discard, pending_get, pending_keep
from improvement_plan.importing.report import report_from_data
from improvement_plan.tasks import import_plan_file

PAGES = ImportPages(
    jobs=JOBS, task=import_plan_file, discard=pending_discard, rows="actions",
    form="plan_import", status_url="plan_import_status", overview="plan_overview",
    section="Improvement plan", what="the plan",
)  # fmt: skip


class ImportPermissionMixin(PermissionRequiredMixin):
    permission_required = "improvement_plan.import_plan"


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
        if pending is not None and pending.in_background:
            return self._checked_by_a_task(request, pending)
        try:
            report = kept_plan_import(pending, dry_run=True, user=request.user) if pending else None
        except (PlanFileError, PlanLayoutError) as exc:
            pending_discard(request.session)
            messages.error(request, f"The file cannot be imported. {exc}")
            return redirect("plan_import")
        if report is None:
            pending_discard(request.session)
            messages.error(request, UPLOAD_AGAIN)
            return redirect("plan_import")
        return self.render_to_response(self.get_context_data(report=report, pending=pending))

    def _checked_by_a_task(self, request, pending):
        def show(data):
            report = report_from_data(data)
            return self.render_to_response(self.get_context_data(report=report, pending=pending))

        return PAGES.checked(request, pending, show)


class PlanImportConfirmView(ImportPermissionMixin, View):
    """Step 3: the real import of the same file, then the plan with a success banner."""

    def post(self, request, *args, **kwargs):
        pending = pending_get(request.session)
        if pending is not None and pending.in_background:
            return PAGES.confirmed(request, pending, "plan_import_progress")
        try:
            report = (
                kept_plan_import(pending, dry_run=False, user=request.user) if pending else None
            )
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


class PlanImportProgressView(ImportPermissionMixin, View):
    """Step 3 for a big file: the task's progress, then the plan with a success banner."""

    def get(self, request, *args, **kwargs):
        def done(data):
            report = report_from_data(data)
            return f"{report.plan_title} imported: {report.summary}."

        return PAGES.imported(request, pending_get(request.session), done)


class PlanImportStatusView(ImportPermissionMixin, View):
    """The task's progress as JSON, asked every two seconds by the progress page's script."""

    def get(self, request, *args, **kwargs):
        return PAGES.status(request, pending_get(request.session))
