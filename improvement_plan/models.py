"""The improvement plan: priorities, objectives (the "Item" column), actions, progress.

An action is led by posts, not people, so it stays put when a post changes hands.
"""

from django.conf import settings
from django.db import models

from governance.models import Post


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    BLUE = "blue", "Blue"


class Plan(models.Model):
    title = models.CharField(max_length=250, unique=True)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    vision = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "title"]

    def __str__(self):
        return self.title


class Priority(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="priorities")
    number = models.PositiveSmallIntegerField()
    title = models.TextField()

    class Meta:
        ordering = ["plan", "number"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="priority_number_unique")
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Objective(models.Model):
    """An "Item" of the plan: the outcome a group of actions works towards."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="objectives")
    order = models.PositiveSmallIntegerField()
    title = models.TextField()

    class Meta:
        ordering = ["priority", "order"]
        constraints = [
            models.UniqueConstraint(fields=["priority", "order"], name="objective_order_unique")
        ]

    def __str__(self):
        return self.title


class Action(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETE = "complete", "Complete"
        COMPLETE_AND_EMBEDDING = "complete_embedding", "Complete and embedding"

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="actions")
    order = models.PositiveSmallIntegerField()
    reference = models.CharField(max_length=20, help_text='Like "3.2.1": priority.item.action')
    description = models.TextField()
    lead_posts = models.ManyToManyField(Post, related_name="actions", blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_actions",
        help_text="An optional named person answerable for the action.",
    )
    timeframe_as_written = models.TextField(blank=True)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["objective", "order"]
        indexes = [models.Index(fields=["due_date", "status"])]
        constraints = [
            models.UniqueConstraint(fields=["objective", "order"], name="action_order_unique")
        ]

    def __str__(self):
        return f"{self.reference} {self.description[:60]}"

    @property
    def is_complete(self) -> bool:
        return self.status in (self.Status.COMPLETE, self.Status.COMPLETE_AND_EMBEDDING)


class ProgressUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="progress_updates")
    text = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="progress_updates",
    )
    created_at = models.DateTimeField()
    reported_rag = models.CharField(max_length=10, choices=Rag.choices, blank=True)
    status_as_written = models.CharField(max_length=60, blank=True)
    is_imported = models.BooleanField(
        default=False, help_text="Carried over from the plan document; it had no date of its own."
    )

    class Meta:
        ordering = ["action", "created_at", "id"]

    def __str__(self):
        return f"{self.action.reference}: {self.text[:60]}"
