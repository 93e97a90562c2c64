"""Checks behind /healthz: the database always, the broker when one is configured."""

from django.conf import settings
from django.db import DatabaseError, connection

from governance.models import WorkerHeartbeat


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return {"status": "unreachable", "error": exc.__class__.__name__}
    return {"status": "ok", "vendor": connection.vendor}


def check_broker() -> dict:
    """Connects to the broker with a short timeout; never raises."""
    if not settings.CELERY_BROKER_URL:
        return {"status": "not configured", "tasks": "run in-process"}
    from governance.celery import app

    try:
        with app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:  # any transport error means the broker is unusable
        return {"status": "unreachable", "error": exc.__class__.__name__}
    return {"status": "ok"}


def last_worker_heartbeat() -> str | None:
    try:
        beat = WorkerHeartbeat.objects.filter(name="worker").first()
    except DatabaseError:
        return None
    return beat.last_seen.isoformat() if beat else None
