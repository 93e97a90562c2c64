"""The pages of a big file's import, shared by both importers: its progress page
(templates/common/import_progress.html, followed by static/src/app.mjs through
data-app-progress-url), the status URL that page asks, and where a finished,
refused or unstarted task takes the uploader.

Each importer gives its own task, its "forget the kept file", its URLs and words.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from common.import_jobs import FINISHED, MODES, ImportJobs, progress_words

UPLOAD_AGAIN = "The file to import is no longer here: upload it again."


@dataclass(frozen=True)
class ImportPages:
    """One importer's pages for a big file.

    task: its Celery task; discard(session): forgets the kept file; rows: what the
    file holds ("actions"); form, status_url, overview: URL names; section: the
    overview's name ("Improvement plan"); what: the thing imported ("the plan").
    """

    jobs: ImportJobs
    task: object
    discard: Callable
    rows: str
    form: str
    status_url: str
    overview: str
    section: str
    what: str

    def start(self, request, pending, mode: str) -> dict:
        return self.jobs.start(pending, mode, task=self.task, user_id=request.user.pk)

    def progress_page(self, request, mode: str, status: dict, pending):
        percent, words = progress_words(status, rows=self.rows)
        return render(
            request,
            "common/import_progress.html",
            {
                "mode": mode, "percent": percent, "words": words, "pending": pending,
                "status_url": f"{reverse(self.status_url)}?mode={mode}",
                "overview_url": reverse(self.overview), "section": self.section,
                "what": self.what,
            },
        )  # fmt: skip

    def unfinished(self, request, status: dict):
        """A refused, failed or unstarted task: the reason, and back to the form."""
        if status.get("state") != "not started":
            self.discard(request.session)
        messages.error(request, f"The file cannot be imported. {status.get('error', '')}".strip())
        return redirect(self.form)

    def checked(self, request, pending, show):
        """Step 2 for a big file: its progress, then show(report data) once checked."""
        status = self.start(request, pending, "check")
        if status.get("state") == "done":
            return show(status["report"])
        if status.get("state") in (*FINISHED, "not started"):
            return self.unfinished(request, status)
        return self.progress_page(request, "check", status, pending)

    def confirmed(self, request, pending, progress: str):
        """Step 3 for a big file: starts the import and goes to its progress page."""
        status = self.start(request, pending, "import")
        if status.get("state") == "not started":
            return self.unfinished(request, status)
        return redirect(progress)

    def imported(self, request, pending, done):
        """The import's progress, then the overview with done(report data)'s banner."""
        status = self.jobs.status_read(pending.token, "import") if pending else None
        if status is None:
            messages.error(request, UPLOAD_AGAIN)
            return redirect(self.form)
        if status.get("state") != "done":
            if status.get("state") in FINISHED:
                return self.unfinished(request, status)
            return self.progress_page(request, "import", status, pending)
        self.discard(request.session)
        messages.success(request, done(status["report"]))
        return redirect(self.overview)

    def status(self, request, pending):
        """The task's progress as JSON, asked every two seconds by the progress page."""
        mode = request.GET.get("mode")
        if pending is None or mode not in MODES:
            return JsonResponse({"progress": 0, "step": UPLOAD_AGAIN, "finished": True})
        status = self.jobs.status_read(pending.token, mode)
        percent, words = progress_words(status, rows=self.rows)
        finished = status is None or status.get("state") in FINISHED
        return JsonResponse(
            {"progress": percent, "step": words, "state_words": words, "finished": finished}
        )
