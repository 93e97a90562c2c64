"""Celery tasks of the governance domain. Each calls one service and is idempotent."""

from celery import shared_task

from governance import services
from governance.packs import services as pack_services


@shared_task(name="governance.record_worker_heartbeat")
def record_worker_heartbeat(name: str = "worker") -> str:
    """Proves a worker can reach the database; /healthz shows when it last ran."""
    beat = services.worker_heartbeat_record(name=name)
    return beat.last_seen.isoformat()


@shared_task(name="governance.build_pack", acks_late=True)
def build_pack(pack_id: int) -> str:
    """Builds an agenda pack (governance.packs.services.pack_build). Idempotent: a pack
    already built is left as it is, so a redelivered task does no harm. Acknowledged
    late, so a worker lost mid-build leaves the task to be run again."""
    pack = pack_services.pack_build(pack_id=pack_id)
    return pack.state
