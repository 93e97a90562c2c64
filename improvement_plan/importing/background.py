"""A big plan file checked or imported by a Celery task, with its progress on the page.

The rule and its bookkeeping (status files, idempotent runs) are common.import_jobs;
here is only the plan's own work, the same in a request and in the task: the plan
chosen must still be there, and the file is read by the plan's import service.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone

from common.import_jobs import JobRefused
from improvement_plan.importing.layout import PlanLayoutError
from improvement_plan.importing.pending import JOBS, PendingImport, pending_from_data
from improvement_plan.importing.reading import PlanFileError
from improvement_plan.importing.report import report_as_data
from improvement_plan.importing.service import plan_import
from improvement_plan.models import Plan


def kept_plan_import(pending: PendingImport, *, dry_run: bool, user, progress=None):
    """The import of the kept file into the plan chosen; None when that plan has gone."""
    title = pending.plan_title
    if pending.plan_id is not None:
        title = Plan.objects.filter(pk=pending.plan_id).values_list("title", flat=True).first()
        if title is None:
            return None
    return plan_import(
        source=pending.read(), filename=pending.filename, plan_title=title, dry_run=dry_run,
        user=user, today=timezone.localdate(), progress=progress,
    )  # fmt: skip


def background_run(*, token: str, mode: str, user_id: int | None) -> str:
    """The task's work: checks (mode "check") or imports ("import") the kept file."""

    def work(pending: PendingImport, *, dry_run: bool, progress) -> dict:
        user = get_user_model().objects.filter(pk=user_id).first()
        report = kept_plan_import(pending, dry_run=dry_run, user=user, progress=progress)
        if report is None:
            raise JobRefused("The plan has gone.")
        return report_as_data(report)

    return JOBS.run(
        token=token, mode=mode, load=pending_from_data, work=work,
        refused=(PlanFileError, PlanLayoutError),
    )  # fmt: skip
