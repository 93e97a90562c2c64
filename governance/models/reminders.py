"""Reminders: every message the service sends, recorded before it is sent.

A reminder's key names its recipient, what it is about, its kind and its date
(governance.domain.reminders says which date), and is unique: planning the same
reminder twice finds the one recorded, so a rerun or a task delivered twice never sends
a second copy. A reminder is marked sent only once the mail server has taken it.
"""

from django.conf import settings
from django.db import models


class Reminder(models.Model):
    class Kind(models.TextChoices):
        ACTION_DUE_SOON = "action_due_soon", "Action due soon"
        ACTION_OVERDUE = "action_overdue", "Action overdue"
        DIGEST = "digest", "Weekly digest"
        ESCALATION = "escalation", "Escalation to the Director"
        SCORECARD_DUE = "scorecard_due", "Scorecard figures due"
        SCORECARD_LATE = "scorecard_late", "Scorecard figures late"
        PAPERS_DUE = "papers_due", "Papers due for a meeting"
        PACK_PUBLISHED = "pack_published", "Agenda pack published"

    class State(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Not sent: failed"

    key = models.CharField(max_length=255, unique=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    about = models.CharField(max_length=300, help_text="What the reminder is about, in words.")
    reason = models.CharField(max_length=300, help_text="Why it was sent, in words.")
    for_date = models.DateField(help_text="The date in its key (governance.domain.reminders).")
    subject = models.CharField(max_length=300)
    content = models.JSONField(
        null=True, blank=True,
        help_text="The mail's intro and sections as planned, until a worker renders it.",
    )  # fmt: skip
    body_text = models.TextField(blank=True, help_text="The rendered mail; empty until sent.")
    body_html = models.TextField(blank=True, help_text="The rendered mail; empty until sent.")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.recipient}: {self.about}"
