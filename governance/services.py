"""Writes for the governance domain."""

import socket

from django.db import transaction
from django.utils import timezone

from governance.models import WorkerHeartbeat


@transaction.atomic
def worker_heartbeat_record(*, name: str) -> WorkerHeartbeat:
    """Records that a worker ran just now. Running it twice leaves one row, newer time."""
    beat, _ = WorkerHeartbeat.objects.update_or_create(
        name=name,
        defaults={"last_seen": timezone.now(), "hostname": socket.gethostname()[:255]},
    )
    return beat
