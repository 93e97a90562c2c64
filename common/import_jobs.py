"""A big uploaded file checked or imported by a Celery task: the bookkeeping both
importers share (the improvement plan's and the scorecard's).

Rule (issue 11): a file over an importer's BACKGROUND_OVER_BYTES is never read in a
request. The page writes a "queued" status naming the kept file and starts the task
with ids only (the token, check or import, the user's id). The task writes "running"
with the rows done, then "done" with the report, "refused" with the reason the file
cannot be imported, or "failed". Idempotent: a task finding its status done, refused
or failed does nothing, so a task delivered twice imports once.

Each status is a file <token>.<check|import>.json beside the kept file, replaced at
once so a page never reads half of one. The path is built from the session's token,
never from anything the browser sends. Files older than a session are swept away.
Each importer keeps only what differs: its kept file, its task, its service call.
"""

import json
import logging
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
MODES = ("check", "import")
FINISHED = ("done", "refused", "failed")
FAILED = "The import stopped with an error and saved nothing. Try again, or ask an administrator."
NOT_STARTED = "The import could not be started just now: nothing was saved. Try again shortly."


class JobRefused(Exception):
    """The kept file cannot be imported (e.g. its plan has gone): the message says why."""


@dataclass(frozen=True)
class ImportJobs:
    """One importer's folder of kept files and its tasks' status files.

    folder: where the kept files go (a function, so MEDIA_ROOT is read when used);
    name: the importer in the council's words, for the log ("Plan", "Scorecard").
    """

    folder: Callable[[], Path]
    name: str

    def status_path(self, token: str, mode: str) -> Path:
        if not TOKEN_RE.match(token) or mode not in MODES:
            raise ValueError("Not a kept import.")
        return self.folder() / f"{token}.{mode}.json"

    def status_write(self, token: str, mode: str, status: dict) -> None:
        """Replaces the task's status file at once, so a page never reads half of one."""
        path = self.status_path(token, mode)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_text(json.dumps(status), encoding="utf-8")
        os.replace(partial, path)

    def status_read(self, token: str, mode: str) -> dict | None:
        """The task's status ("queued", "running", "done", "refused", "failed"), or None."""
        try:
            return json.loads(self.status_path(token, mode).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def forget(self, pending) -> None:
        """Deletes a kept file and its tasks' status files."""
        pending.path.unlink(missing_ok=True)
        for mode in MODES:
            self.status_path(pending.token, mode).unlink(missing_ok=True)

    def sweep(self) -> None:
        """Removes kept files older than a session: their uploaders can no longer confirm them."""
        folder = self.folder()
        if not folder.is_dir():
            return
        too_old = time.time() - settings.SESSION_COOKIE_AGE
        for path in folder.iterdir():
            if path.is_file() and path.stat().st_mtime < too_old:
                path.unlink(missing_ok=True)

    def start(self, pending, mode: str, *, task, user_id: int | None) -> dict:
        """The task's status for the kept file, starting the task the first time.

        When the broker is down the status is "not started" and the file is kept."""
        status = self.status_read(pending.token, mode)
        if status is not None:
            return status
        queued = {"state": "queued", "pending": pending.as_data(), "done": 0, "total": 0}
        self.status_write(pending.token, mode, queued)
        try:
            task.delay(pending.token, mode, user_id)
        except Exception:  # noqa: BLE001 - the broker is down: say so, keep the file
            logger.exception("Could not start the %s import task", self.name.lower())
            self.status_path(pending.token, mode).unlink(missing_ok=True)
            return {"state": "not started", "error": NOT_STARTED}
        return self.status_read(pending.token, mode) or {"state": "queued"}

    def run(self, *, token: str, mode: str, load, work, refused=()) -> str:
        """The task's work: checks (mode "check") or imports ("import") the kept file.

        load(data) gives the kept file back (None when it has gone); work(pending,
        dry_run=, progress=) returns the report as data; refused names the importer's
        errors that mean "this file cannot be imported"."""
        status = self.status_read(token, mode)
        if status is None or status.get("state") in FINISHED:
            return status.get("state", "gone") if status else "gone"
        pending = load(status.get("pending", {}))
        if pending is None:
            return self._finish(token, mode, status, state="refused", error="The file has gone.")

        def progress(done: int, total: int) -> None:
            self.status_write(
                token, mode, status | {"state": "running", "done": done, "total": total}
            )

        try:
            report = work(pending, dry_run=mode == "check", progress=progress)
        except (JobRefused, *refused) as exc:
            return self._finish(token, mode, status, state="refused", error=str(exc))
        except Exception:  # noqa: BLE001 - shown as a message; the traceback goes to the log
            logger.exception("%s import task %s (%s) failed", self.name, token, mode)
            return self._finish(token, mode, status, state="failed", error=FAILED)
        return self._finish(token, mode, status, state="done", report=report)

    def _finish(self, token: str, mode: str, status: dict, **outcome) -> str:
        self.status_write(token, mode, status | outcome)
        return outcome["state"]


def progress_words(status: dict | None, *, rows: str) -> tuple[int, str]:
    """(percent done, words) for the progress page and its status URL; rows names what
    the file holds ("actions", "indicator rows")."""
    if not status or status.get("state") == "queued":
        return 0, "Waiting to start"
    if status.get("state") in FINISHED:
        return 100, "Finished"
    done, total = status.get("done", 0), status.get("total", 0)
    return (100 * done // total if total else 0), f"{done:,} of {total:,} {rows} read"
