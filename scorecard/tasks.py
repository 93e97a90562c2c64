"""Celery tasks of the scorecard. Each takes ids, calls one service, is idempotent."""

from celery import shared_task

from scorecard.importing.background import background_run


@shared_task(name="scorecard.import_scorecard_file", acks_late=True)
def import_scorecard_file(token: str, mode: str, user_id: int | None = None) -> str:
    """Checks (mode "check") or imports ("import") a big kept scorecard file
    (scorecard.importing.background). Idempotent: a finished one is left as it is."""
    return background_run(token=token, mode=mode, user_id=user_id)
