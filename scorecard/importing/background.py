"""A big scorecard file checked or imported by a Celery task, with its progress shown.

Rule (issue 11): a file over pending.BACKGROUND_OVER_BYTES is never read in a request.
The page writes a "queued" status naming the kept file and starts the task with ids
only (the token, check or import, the user's id). The task writes "running" with the
rows done, then "done" with the report, "refused" with the reason the file cannot be
imported, or "failed". Idempotent: a task finding its status done, refused or failed
does nothing, so a task delivered twice imports once.
"""

import logging

from django.contrib.auth import get_user_model

from scorecard.importing.pending import (
    PendingImport,
    pending_from_data,
    status_read,
    status_write,
)
from scorecard.importing.reading import ScorecardFileError
from scorecard.importing.report import report_as_data
from scorecard.importing.service import scorecard_import

logger = logging.getLogger(__name__)
FINISHED = ("done", "refused", "failed")
FAILED = "The import stopped with an error and saved nothing. Try again, or ask an administrator."


def background_queue(pending: PendingImport, mode: str) -> dict:
    """Records that the kept file waits for its task; returns the status written."""
    status = {"state": "queued", "pending": pending.as_data(), "done": 0, "total": 0}
    status_write(pending.token, mode, status)
    return status


def background_run(*, token: str, mode: str, user_id: int | None) -> str:
    """The task's work: checks (mode "check") or imports ("import") the kept file."""
    status = status_read(token, mode)
    if status is None or status.get("state") in FINISHED:
        return status.get("state", "gone") if status else "gone"
    pending = pending_from_data(status.get("pending", {}))
    if pending is None:
        return _finish(token, mode, status, state="refused", error="The file has gone.")

    def progress(done: int, total: int) -> None:
        status_write(token, mode, status | {"state": "running", "done": done, "total": total})

    try:
        report = scorecard_import(
            source=pending.read(), filename=pending.read_as, period=pending.period,
            dry_run=mode == "check", user=get_user_model().objects.filter(pk=user_id).first(),
            progress=progress,
        )  # fmt: skip
    except ScorecardFileError as exc:
        return _finish(token, mode, status, state="refused", error=str(exc))
    except Exception:  # noqa: BLE001 - shown as a message; the traceback goes to the log
        logger.exception("Scorecard import task %s (%s) failed", token, mode)
        return _finish(token, mode, status, state="failed", error=FAILED)
    return _finish(token, mode, status, state="done", report=report_as_data(report))


def _finish(token: str, mode: str, status: dict, **outcome) -> str:
    status_write(token, mode, status | outcome)
    return outcome["state"]


def progress_words(status: dict | None) -> tuple[int, str]:
    """(percent done, words) for the progress page and its status URL."""
    if not status or status.get("state") == "queued":
        return 0, "Waiting to start"
    if status.get("state") in FINISHED:
        return 100, "Finished"
    done, total = status.get("done", 0), status.get("total", 0)
    return (100 * done // total if total else 0), f"{done:,} of {total:,} indicator rows read"
