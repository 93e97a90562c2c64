"""What the running service records about itself."""

from django.db import models


class WorkerHeartbeat(models.Model):
    """The last time a Celery worker ran the heartbeat task; /healthz reports it."""

    name = models.CharField(max_length=100, unique=True)
    last_seen = models.DateTimeField()
    hostname = models.CharField(max_length=255, blank=True)

    def __str__(self):
        return f"{self.name} at {self.last_seen:%d %b %Y %H:%M:%S}"
