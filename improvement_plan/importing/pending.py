"""An uploaded plan file kept between the dry run and "Confirm import".

The bytes go to MEDIA_ROOT/imports/<token>.<csv|xlsx>, the token a random string kept
in the uploader's session with the plan chosen. The path is built here from the
session's token, never from anything the browser sends. Files older than a session
are swept away when the next file is kept.

A file over BACKGROUND_OVER_BYTES is checked and imported by a Celery task
(improvement_plan.tasks.import_plan_file), never in the request: the task writes its
progress and then its report to <token>.<check|import>.json beside the file, which the
pages read while they show the progress.
"""

import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from common.import_jobs import TOKEN_RE, ImportJobs

SESSION_KEY = "improvement_plan.pending_import"
KINDS = ("csv", "xlsx")
BACKGROUND_OVER_BYTES = 200 * 1024  # about 800 actions: bigger files go to a task


@dataclass(frozen=True)
class PendingImport:
    token: str
    kind: str
    filename: str
    plan_id: int | None
    plan_title: str

    @property
    def path(self) -> Path:
        return imports_dir() / f"{self.token}.{self.kind}"

    def read(self) -> bytes:
        return self.path.read_bytes()

    @property
    def in_background(self) -> bool:
        """Rule: a file over BACKGROUND_OVER_BYTES is checked and imported by a task."""
        return self.path.stat().st_size > BACKGROUND_OVER_BYTES

    def as_data(self) -> dict:
        return {
            "token": self.token, "kind": self.kind, "filename": self.filename,
            "plan_id": self.plan_id, "plan_title": self.plan_title,
        }  # fmt: skip


def pending_from_data(data: dict) -> PendingImport | None:
    """The kept file a task or a session was given, or None when it has gone."""
    pending = PendingImport(
        str(data.get("token", "")), data.get("kind"), str(data.get("filename", "")),
        data.get("plan_id"), str(data.get("plan_title", "")),
    )  # fmt: skip
    if not TOKEN_RE.match(pending.token) or pending.kind not in KINDS:
        return None
    return pending if pending.path.is_file() else None


def imports_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "imports"


JOBS = ImportJobs(folder=imports_dir, name="Plan")


def pending_keep(session, *, data: bytes, kind: str, filename: str, plan_id, plan_title) -> None:
    """Keeps the file and the plan chosen for this session, replacing any kept before."""
    pending_discard(session)
    JOBS.sweep()
    pending = PendingImport(secrets.token_urlsafe(32), kind, filename[:200], plan_id, plan_title)
    imports_dir().mkdir(parents=True, exist_ok=True)
    pending.path.write_bytes(data)
    session[SESSION_KEY] = pending.as_data()


def pending_get(session) -> PendingImport | None:
    """The file kept for this session, or None when there is none (or it has gone)."""
    stored = session.get(SESSION_KEY)
    return pending_from_data(stored) if isinstance(stored, dict) else None


def pending_discard(session) -> None:
    """Deletes the kept file, if any, and forgets it."""
    pending = pending_get(session)
    if pending is not None:
        JOBS.forget(pending)
    session.pop(SESSION_KEY, None)
