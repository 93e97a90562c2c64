"""Celery tasks of the governance domain. Each calls one service and is idempotent."""

from celery import shared_task

from governance import services


@shared_task(name="governance.record_worker_heartbeat")
def record_worker_heartbeat(name: str = "worker") -> str:
    """Proves a worker can reach the database; /healthz shows when it last ran."""
    beat = services.worker_heartbeat_record(name=name)
    return beat.last_seen.isoformat()
