"""Celery tasks of the improvement plan. Each takes ids, calls one service, is idempotent."""

from celery import shared_task

from improvement_plan.importing.background import background_run


@shared_task(name="improvement_plan.import_plan_file", acks_late=True)
def import_plan_file(token: str, mode: str, user_id: int | None = None) -> str:
    """Checks (mode "check") or imports ("import") a big kept plan file
    (improvement_plan.importing.background). Idempotent: a finished one is left as it is."""
    return background_run(token=token, mode=mode, user_id=user_id)
