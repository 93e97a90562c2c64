"""Importing a scorecard from an upload: the form, the dry run to check, then the import.

Only performance officers and administrators may import (scorecard.import_scorecard);
other roles are refused with 403 and people not signed in go to sign in. The uploaded
bytes wait server-side (scorecard.importing.pending) between the dry run and "Confirm
import", so the import confirmed is the file previewed. A big file is checked and
imported by a Celery task (scorecard.importing.background), never in the request: the
pages show its progress until it has finished.
"""

import logging

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from scorecard.import_forms import ScorecardUploadForm
from scorecard.importing import ScorecardFileError, scorecard_import
from scorecard.importing.background import FINISHED, background_queue, progress_words
from scorecard.importing.pending import (
    MODES,
    pending_discard,
    pending_get,
    pending_keep,
    status_path,
    status_read,
)
from scorecard.importing.report import report_from_data
from scorecard.tasks import import_scorecard_file

logger = logging.getLogger(__name__)
UPLOAD_AGAIN = "The file to import is no longer here: upload it again."
NOT_STARTED = "The import could not be started just now: nothing was saved. Try again shortly."


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


def _start(request, pending, mode: str) -> dict:
    """The task's status for the kept file, starting the task the first time."""
    status = status_read(pending.token, mode)
    if status is not None:
        return status
    background_queue(pending, mode)
    try:
        import_scorecard_file.delay(pending.token, mode, request.user.pk)
    except Exception:  # noqa: BLE001 - the broker is down: say so, keep the file
        logger.exception("Could not start the scorecard import task")
        status_path(pending.token, mode).unlink(missing_ok=True)
        return {"state": "not started", "error": NOT_STARTED}
    return status_read(pending.token, mode) or {"state": "queued"}


def _progress_page(request, mode: str, status: dict, pending):
    percent, words = progress_words(status)
    return render(
        request,
        "scorecard/scorecard_import_progress.html",
        {
            "mode": mode, "percent": percent, "words": words, "pending": pending,
            "status_url": f"{reverse('scorecard_import_status')}?mode={mode}",
        },
    )  # fmt: skip


def _unfinished(request, status: dict):
    """A refused, failed or unstarted task: the reason, and back to the form."""
    if status.get("state") != "not started":
        pending_discard(request.session)
    messages.error(request, f"The file cannot be imported. {status.get('error', '')}".strip())
    return redirect("scorecard_import")


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
            report = _run(request, pending, dry_run=True)
        except ScorecardFileError as exc:
            pending_discard(request.session)
            messages.error(request, f"The file cannot be imported. {exc}")
            return redirect("scorecard_import")
        return self.render_to_response(self.get_context_data(report=report, pending=pending))

    def _checked_by_a_task(self, request, pending):
        status = _start(request, pending, "check")
        if status.get("state") == "done":
            report = report_from_data(status["report"])
            return self.render_to_response(self.get_context_data(report=report, pending=pending))
        if status.get("state") in (*FINISHED, "not started"):
            return _unfinished(request, status)
        return _progress_page(request, "check", status, pending)


class ScorecardImportConfirmView(ImportPermissionMixin, View):
    """Step 3: the real import of the same file, then the scorecard with a success banner."""

    def post(self, request, *args, **kwargs):
        pending = pending_get(request.session)
        if pending is not None and pending.in_background:
            status = _start(request, pending, "import")
            if status.get("state") == "not started":
                return _unfinished(request, status)
            return redirect("scorecard_import_progress")
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


class ScorecardImportProgressView(ImportPermissionMixin, View):
    """Step 3 for a big file: the task's progress, then the scorecard with a banner."""

    def get(self, request, *args, **kwargs):
        pending = pending_get(request.session)
        status = status_read(pending.token, "import") if pending else None
        if status is None:
            messages.error(request, UPLOAD_AGAIN)
            return redirect("scorecard_import")
        if status.get("state") != "done":
            if status.get("state") in FINISHED:
                return _unfinished(request, status)
            return _progress_page(request, "import", status, pending)
        pending_discard(request.session)
        report = report_from_data(status["report"])
        messages.success(request, f"{pending.filename} imported: {report.summary}.")
        return redirect("scorecard_overview")


class ScorecardImportStatusView(ImportPermissionMixin, View):
    """The task's progress as JSON, asked every two seconds by the progress page's script."""

    def get(self, request, *args, **kwargs):
        pending = pending_get(request.session)
        mode = request.GET.get("mode")
        if pending is None or mode not in MODES:
            return JsonResponse({"progress": 0, "step": UPLOAD_AGAIN, "finished": True})
        status = status_read(pending.token, mode)
        percent, words = progress_words(status)
        finished = status is None or status.get("state") in FINISHED
        return JsonResponse(
            {"progress": percent, "step": words, "state_words": words, "finished": finished}
        )
