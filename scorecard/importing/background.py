"""A big scorecard file checked or imported by a Celery task, with its progress shown.

The rule and its bookkeeping (status files, idempotent runs) are common.import_jobs;
here is only the scorecard's own work, the same in a request and in the task: the
file read by the scorecard's import service for the period chosen.
"""

from django.contrib.auth import get_user_model

from scorecard.importing.pending import JOBS, PendingImport, pending_from_data
from scorecard.importing.reading import ScorecardFileError
from scorecard.importing.report import report_as_data
from scorecard.importing.service import scorecard_import


def kept_scorecard_import(pending: PendingImport, *, dry_run: bool, user, progress=None):
    """The import of the kept file for its period, as a dry run or for real."""
    return scorecard_import(
        source=pending.read(), filename=pending.read_as, period=pending.period,
        dry_run=dry_run, user=user, progress=progress,
    )  # fmt: skip


def background_run(*, token: str, mode: str, user_id: int | None) -> str:
    """The task's work: checks (mode "check") or imports ("import") the kept file."""

    def work(pending: PendingImport, *, dry_run: bool, progress) -> dict:
        user = get_user_model().objects.filter(pk=user_id).first()
        report = kept_scorecard_import(pending, dry_run=dry_run, user=user, progress=progress)
        return report_as_data(report)

    return JOBS.run(
        token=token, mode=mode, load=pending_from_data, work=work, refused=(ScorecardFileError,)
    )
