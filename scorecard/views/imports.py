"""Importing a scorecard from an upload: the form, the dry run to check, then the import.

Only performance officers and administrators may import (scorecard.import_scorecard);
other roles are refused with 403 and people not signed in go to sign in. The uploaded
bytes wait server-side (scorecard.importing.pending) between the dry run and "Confirm
import", so the import confirmed is the file previewed. A big file is checked and
imported by a Celery task (scorecard.importing.background), never in the request: the
pages show its progress until it has finished.
"""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from common.import_pages import UPLOAD_AGAIN, ImportPages
from scorecard.import_forms import ScorecardUploadForm
from scorecard.importing import ScorecardFileError
from scorecard.importing.background import kept_scorecard_import
from scorecard.importing.pending import JOBS, pending_discard, pending_get, pending_keep
from scorecard.importing.report import report_from_data
from scorecard.tasks import import_scorecard_file

PAGES = ImportPages(
    jobs=JOBS, task=import_scorecard_file, discard=pending_discard, rows="indicator rows",
    form="scorecard_import", status_url="scorecard_import_status",
    overview="scorecard_overview", section="Performance scorecard", what="the scorecard",
)  # fmt: skip


class ImportPermissionMixin(PermissionRequiredMixin):
    permission_required = "scorecard.import_scorecard"


class ScorecardImportView(ImportPermissionMixin, FormView):
    """Step 1: the file and its month. A valid file is kept and its dry run shown."""

    template_name = "scorecard/scorecard_import_form.html"
    form_class = ScorecardUploadForm
    success_url = reverse_lazy("scorecard_import_preview")

    def form_valid(self, form):
        pending_keep(
            self.request.session,
            data=form.file_bytes,
            kind=form.file_kind,
            filename=form.cleaned_data["file"].name,
            period=form.cleaned_data["period"],
        )
        return super().form_valid(form)


class ScorecardImportPreviewView(ImportPermissionMixin, TemplateView):
    """Step 2: what the import will create and change, and every problem by row."""

    template_name = "scorecard/scorecard_import_preview.html"

    def get(self, request, *args, **kwargs):
        pending = pending_get(request.session)
        if pending is None:
            messages.error(request, UPLOAD_AGAIN)
            return redirect("scorecard_import")
        if pending.in_background:
            return self._checked_by_a_task(request, pending)
        try:
            report = kept_scorecard_import(pending, dry_run=True, user=request.user)
        except ScorecardFileError as exc:
            pending_discard(request.session)
            messages.error(request, f"The file cannot be imported. {exc}")
            return redirect("scorecard_import")
        return self.render_to_response(self.get_context_data(report=report, pending=pending))

    def _checked_by_a_task(self, request, pending):
        def show(data):
            report = report_from_data(data)
            return self.render_to_response(self.get_context_data(report=report, pending=pending))

        return PAGES.checked(request, pending, show)


class ScorecardImportConfirmView(ImportPermissionMixin, View):
    """Step 3: the real import of the same file, then the scorecard with a success banner."""

    def post(self, request, *args, **kwargs):
        pending = pending_get(request.session)
        if pending is not None and pending.in_background:
            return PAGES.confirmed(request, pending, "scorecard_import_progress")
        report, error = None, UPLOAD_AGAIN
        if pending is not None:
            try:
                report = kept_scorecard_import(pending, dry_run=False, user=request.user)
            except ScorecardFileError as exc:
                error = f"The file cannot be imported. {exc}"
        pending_discard(request.session)
        if report is None:
            messages.error(request, error)
            return redirect("scorecard_import")
        messages.success(request, f"{pending.filename} imported: {report.summary}.")
        return redirect("scorecard_overview")


class ScorecardImportCancelView(ImportPermissionMixin, View):
    """Cancel: the kept file is deleted and nothing is imported."""

    def post(self, request, *args, **kwargs):
        pending_discard(request.session)
        messages.info(request, "Import cancelled: nothing was changed.")
        return redirect("scorecard_import")


class ScorecardImportProgressView(ImportPermissionMixin, View):
    """Step 3 for a big file: the task's progress, then the scorecard with a banner."""

    def get(self, request, *args, **kwargs):
        pending = pending_get(request.session)

        def done(data):
            return f"{pending.filename} imported: {report_from_data(data).summary}."

        return PAGES.imported(request, pending, done)


class ScorecardImportStatusView(ImportPermissionMixin, View):
    """The task's progress as JSON, asked every two seconds by the progress page's script."""

    def get(self, request, *args, **kwargs):
        return PAGES.status(request, pending_get(request.session))
