"""Celery tasks of the governance domain. Each calls one service and is idempotent."""

import datetime

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from governance import services
from governance.packs import services as pack_services
from governance.reminders import services as reminder_services


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


@shared_task(name="governance.send_reminders", acks_late=True)
def send_reminders(today: str | None = None) -> int:
    """The beat's daily run (governance.reminders.services.reminders_schedule): records
    the day's reminders and starts their delivery. Idempotent: a reminder already
    recorded is not recorded again, and delivery sends each once."""
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    return len(reminder_services.reminders_schedule(today=day))


@shared_task(
    name="governance.deliver_reminder",
    acks_late=True,
    autoretry_for=(reminder_services.DeliveryFailed,),
    retry_backoff=60,
    retry_backoff_max=60 * 60,
    retry_jitter=True,
    max_retries=settings.REMINDER_MAX_ATTEMPTS - 1,
)
def deliver_reminder(reminder_ids: list[int] | int) -> dict[str, int]:
    """Renders and sends a batch of reminders (reminders_deliver): each never twice. When
    the mail server refuses any, the task is retried with back-off, and the retry sends
    only those still waiting. (A single id, as tasks queued before batches carried, is
    a batch of one.)"""
    ids = [reminder_ids] if isinstance(reminder_ids, int) else list(reminder_ids)
    delivered = reminder_services.reminders_deliver(reminder_ids=ids)
    if delivered.failed:
        raise reminder_services.DeliveryFailed(
            f"{len(delivered.failed)} of {len(ids)} reminders not sent"
        )
    return {"sent": len(delivered.sent), "failed": 0}


@shared_task(name="governance.announce_pack", acks_late=True)
def announce_pack(pack_id: int) -> int:
    """Tells the board's members that a pack is published (pack_announce); idempotent."""
    return len(reminder_services.pack_announce(pack_id=pack_id, today=timezone.localdate()))
