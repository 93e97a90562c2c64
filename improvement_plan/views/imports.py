"""Importing a plan from an upload: the form, the dry run to check, then the real import.

Only administrators and the Director may import (improvement_plan.import_plan); other
roles are refused with 403 and people not signed in go to sign in. The uploaded bytes
wait server-side (improvement_plan.importing.pending) between the dry run and
"Confirm import", so the import confirmed is the file previewed. A big file is checked
and imported by a Celery task (improvement_plan.importing.background), never in the
request: the pages show its progress until it has finished.
"""

import logging

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView

from improvement_plan.import_forms import PlanUploadForm
from improvement_plan.importing import PlanFileError, PlanLayoutError, plan_import
from improvement_plan.importing.background import (
    FINISHED,
    background_queue,
    progress_words,
)
from improvement_plan.importing.pending import (
    MODES,
    pending_discard,
    pending_get,
    pending_keep,
    status_path,
    status_read,
)
from improvement_plan.importing.report import report_from_data
from improvement_plan.models import Plan
from improvement_plan.tasks import import_plan_file

logger = logging.getLogger(__name__)
UPLOAD_AGAIN = "The file to import is no longer here: upload it again."
NOT_STARTED = "The import could not be started just now: nothing was saved. Try again shortly."


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


def _start(request, pending, mode: str) -> dict:
    """The task's status for the kept file, starting the task the first time."""
    status = status_read(pending.token, mode)
    if status is not None:
        return status
    background_queue(pending, mode)
    try:
        import_plan_file.delay(pending.token, mode, request.user.pk)
    except Exception:  # noqa: BLE001 - the broker is down: say so, keep the file
        logger.exception("Could not start the plan import task")
        status_path(pending.token, mode).unlink(missing_ok=True)
        return {"state": "not started", "error": NOT_STARTED}
    return status_read(pending.token, mode) or {"state": "queued"}


def _progress_page(request, mode: str, status: dict, pending):
    percent, words = progress_words(status)
    return render(
        request,
        "improvement_plan/plan_import_progress.html",
        {
            "mode": mode, "percent": percent, "words": words, "pending": pending,
            "status_url": f"{reverse('plan_import_status')}?mode={mode}",
        },
    )  # fmt: skip


def _unfinished(request, status: dict):
    """A refused, failed or unstarted task: the reason, and back to the form."""
    if status.get("state") != "not started":
        pending_discard(request.session)
    messages.error(request, f"The file cannot be imported. {status.get('error', '')}".strip())
    return redirect("plan_import")


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

    def _checked_by_a_task(self, request, pending):
        status = _start(request, pending, "check")
        if status.get("state") == "done":
            report = report_from_data(status["report"])
            return self.render_to_response(self.get_context_data(report=report, pending=pending))
        if status.get("state") in (*FINISHED, "not started"):
            return _unfinished(request, status)
        return _progress_page(request, "check", status, pending)


class PlanImportConfirmView(ImportPermissionMixin, View):
    """Step 3: the real import of the same file, then the plan with a success banner."""

    def post(self, request, *args, **kwargs):
        pending = pending_get(request.session)
        if pending is not None and pending.in_background:
            status = _start(request, pending, "import")
            if status.get("state") == "not started":
                return _unfinished(request, status)
            return redirect("plan_import_progress")
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


class PlanImportProgressView(ImportPermissionMixin, View):
    """Step 3 for a big file: the task's progress, then the plan with a success banner."""

    def get(self, request, *args, **kwargs):
        pending = pending_get(request.session)
        status = status_read(pending.token, "import") if pending else None
        if status is None:
            messages.error(request, UPLOAD_AGAIN)
            return redirect("plan_import")
        if status.get("state") != "done":
            if status.get("state") in FINISHED:
                return _unfinished(request, status)
            return _progress_page(request, "import", status, pending)
        pending_discard(request.session)
        report = report_from_data(status["report"])
        messages.success(request, f"{report.plan_title} imported: {report.summary}.")
        return redirect("plan_overview")


class PlanImportStatusView(ImportPermissionMixin, View):
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
