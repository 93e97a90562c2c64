"""An uploaded scorecard file kept between the dry run and "Confirm import".

The bytes go to MEDIA_ROOT/imports/scorecard/<token>.<tsv|txt|csv|xlsx>, the token a
random string kept in the uploader's session with the file's name and the period
named for its Current columns. The path is built here from the session's token, never
from anything the browser sends. Files older than a session are swept away when the
next file is kept.

A file over BACKGROUND_OVER_BYTES is checked and imported by a Celery task
(scorecard.tasks.import_scorecard_file), never in the request: the task writes its
progress and then its report to <token>.<check|import>.json beside the file, which the
pages read while they show the progress.
"""

import datetime
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from common.import_jobs import TOKEN_RE, ImportJobs

SESSION_KEY = "scorecard.pending_import"
KINDS = ("tsv", "txt", "csv", "xlsx")
BACKGROUND_OVER_BYTES = 200 * 1024  # some thousands of indicator rows: bigger go to a task


@dataclass(frozen=True)
class PendingImport:
    token: str
    kind: str
    filename: str
    period: datetime.date | None

    @property
    def path(self) -> Path:
        return imports_dir() / f"{self.token}.{self.kind}"

    @property
    def read_as(self) -> str:
        """The name to read the file by: its kind, never the uploader's own name."""
        return f"scorecard.{self.kind}"

    def read(self) -> bytes:
        return self.path.read_bytes()

    @property
    def in_background(self) -> bool:
        """Rule: a file over BACKGROUND_OVER_BYTES is checked and imported by a task."""
        return self.path.stat().st_size > BACKGROUND_OVER_BYTES

    def as_data(self) -> dict:
        period = self.period.isoformat() if self.period else ""
        return {"token": self.token, "kind": self.kind, "filename": self.filename, "period": period}


def pending_from_data(data: dict) -> PendingImport | None:
    """The kept file a task or a session was given, or None when it has gone."""
    token, kind = str(data.get("token", "")), data.get("kind")
    if not TOKEN_RE.match(token) or kind not in KINDS:
        return None
    try:
        period = datetime.date.fromisoformat(data["period"]) if data.get("period") else None
    except (TypeError, ValueError):
        return None
    pending = PendingImport(token, kind, str(data.get("filename", "")), period)
    return pending if pending.path.is_file() else None


def imports_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "imports" / "scorecard"


JOBS = ImportJobs(folder=imports_dir, name="Scorecard")


def pending_keep(session, *, data: bytes, kind: str, filename: str, period) -> None:
    """Keeps the file and its period for this session, replacing any kept before."""
    if kind not in KINDS:
        raise ValueError(f"Unknown kind of scorecard file: {kind}")
    pending_discard(session)
    JOBS.sweep()
    pending = PendingImport(secrets.token_urlsafe(32), kind, filename[:200], period)
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
