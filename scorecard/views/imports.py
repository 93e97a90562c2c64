"""Importing a scorecard from an upload: the form, the dry run to check, then the import.

Only performance officers and administrators may import (scorecard.import_scorecard);
other roles are refused with 403 and people not signed in go to sign in. The uploaded
bytes wait server-side (scorecard.importing.pending) between the dry run and "Confirm
import", so the import confirmed is the file previewed.
"""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from scorecard.import_forms import ScorecardUploadForm
from scorecard.importing import ScorecardFileError, scorecard_import
from scorecard.importing.pending import pending_discard, pending_get, pending_keep

UPLOAD_AGAIN = "The file to import is no longer here: upload it again."


class ImportPermissionMixin(PermissionRequiredMixin):
    permission_required = "scorecard.import_scorecard"


def _run(request, pending, *, dry_run: bool):
    """The import of the kept file, as a dry run or for real."""
    return scorecard_import(
        source=pending.read(),
        filename=pending.read_as,
        period=pending.period,
        dry_run=dry_run,
        user=request.user,
    )


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
        try:
            report = _run(request, pending, dry_run=True)
        except ScorecardFileError as exc:
            pending_discard(request.session)
            messages.error(request, f"The file cannot be imported. {exc}")
            return redirect("scorecard_import")
        return self.render_to_response(self.get_context_data(report=report, pending=pending))


class ScorecardImportConfirmView(ImportPermissionMixin, View):
    """Step 3: the real import of the same file, then the scorecard with a success banner."""

    def post(self, request, *args, **kwargs):
        pending = pending_get(request.session)
        report, error = None, UPLOAD_AGAIN
        if pending is not None:
            try:
                report = _run(request, pending, dry_run=False)
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
