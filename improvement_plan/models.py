"""The improvement plan: priorities, objectives (the "Item" column), actions, progress.

An action is led by posts, not people, so it stays put when a post changes hands.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

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
    due_date = models.DateField(
        null=True, blank=True, help_text="The last milestone; none for a recurring action."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    reported_rag = models.CharField(
        max_length=10, choices=Rag.choices, blank=True, help_text="As the lead last reported it."
    )
    reported_rag_reason = models.TextField(blank=True)
    indicators = models.ManyToManyField(
        "scorecard.Indicator",
        through="ActionIndicatorLink",
        related_name="actions",
        blank=True,
        help_text="The scorecard indicators this action should move.",
    )
    # The two facts the computed RAG reads besides the action's own fields, kept here so
    # lists judge thousands of actions over plain columns (issue 13). Written only by
    # improvement_plan.tracking.tracking_refresh, which the services that add progress
    # updates or move due dates call; never edited by hand.
    last_update_at = models.DateTimeField(
        null=True, blank=True, editable=False,
        help_text="The latest lead's progress update (imported entries do not count).",
    )  # fmt: skip
    rebaseline_count = models.PositiveIntegerField(
        default=0, editable=False, help_text="How many times the due date has moved."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(  # links: ActionIndicatorLink.history
        m2m_fields=[lead_posts], excluded_fields=["last_update_at", "rebaseline_count"]
    )

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


class ActionIndicatorLink(models.Model):
    """An action joined to a scorecard indicator it should move, with the effect expected:
    which way, optionally to what value, by when. Its history records every link added,
    changed or removed, by whom and why (issue 12, section 3)."""

    class Direction(models.TextChoices):
        AS_POLARITY = "polarity", "As the polarity says"
        UP = "up", "Up"
        DOWN = "down", "Down"
        INTO_BAND = "band", "Into the target band"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="indicator_links")
    indicator = models.ForeignKey(
        "scorecard.Indicator", on_delete=models.CASCADE, related_name="action_links"
    )
    expected_direction = models.CharField(
        max_length=10, choices=Direction.choices, default=Direction.AS_POLARITY
    )
    expected_value = models.DecimalField(
        max_digits=14, decimal_places=4, null=True, blank=True,
        help_text="The value the indicator should reach, if one is expected.",
    )  # fmt: skip
    expected_by = models.DateField(
        null=True, blank=True, help_text="The first day of the month it should be reached by."
    )
    reason = models.CharField(max_length=300, blank=True, help_text="Why the action moves it.")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "indicator"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "indicator"], name="action_indicator_link_unique"
            )
        ]

    def __str__(self):
        return f"{self.action.reference} should move {self.indicator.ref}"

    @property
    def expected_words(self) -> str:
        """The effect in words: "Up, to 85 by March 2024" (domain.link_effects)."""
        from improvement_plan.domain.link_effects import Effect

        effect = Effect(self.expected_direction, self.expected_value, self.expected_by)
        return effect.words()


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
    rag_reason = models.TextField(blank=True)
    computed_rag = models.CharField(
        max_length=10, choices=Rag.choices, blank=True, help_text="The RAG the rules gave then."
    )
    status = models.CharField(max_length=20, choices=Action.Status.choices, blank=True)
    status_as_written = models.CharField(max_length=60, blank=True)
    is_imported = models.BooleanField(
        default=False, help_text="Carried over from the plan document; it had no date of its own."
    )

    class Meta:
        ordering = ["action", "created_at", "id"]

    def __str__(self):
        return f"{self.action.reference}: {self.text[:60]}"


class Milestone(models.Model):
    """A dated step of an action, read from "Lead/ Timeframe" or set by a lead."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    due_date = models.DateField()
    written = models.CharField(max_length=120, blank=True, help_text='As written: "Sept 22"')

    class Meta:
        ordering = ["action", "due_date", "id"]

    def __str__(self):
        return f"{self.action.reference} milestone {self.due_date:%d %b %Y}"


class DueDateChange(models.Model):
    """A re-baselined due date: from, to, why, who, when. Never edited or deleted."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="due_date_changes")
    from_date = models.DateField(null=True, blank=True)
    to_date = models.DateField(null=True, blank=True)
    reason = models.TextField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["action", "changed_at", "id"]

    def __str__(self):
        return f"{self.action.reference}: {self.from_date} to {self.to_date}"


def evidence_path(instance, filename):
    """A generated name with the extension of the kind the content showed, never the
    uploader's (governance.uploads.stored_name); the uploader's is kept in original_name."""
    from governance.uploads import stored_name

    return f"evidence/action-{instance.action_id}/{stored_name(instance.kind)}"


class Evidence(models.Model):
    """A file a lead attaches to show progress; its type was checked by its content."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="evidence")
    progress_update = models.ForeignKey(
        ProgressUpdate, null=True, blank=True, on_delete=models.SET_NULL, related_name="evidence"
    )
    file = models.FileField(upload_to=evidence_path, max_length=300)
    original_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=10, help_text="pdf, docx, xlsx, png, jpeg or gif")
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["action", "uploaded_at", "id"]
        verbose_name_plural = "evidence"

    def __str__(self):
        return self.original_name


class DirectorReview(models.Model):
    """The Director confirms an action's RAG or challenges it; leads see open challenges."""

    class Decision(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmed"
        CHALLENGED = "challenged", "Challenged"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision = models.CharField(max_length=12, choices=Decision.choices)
    rag = models.CharField(
        max_length=10, choices=Rag.choices, help_text="The computed RAG when reviewed."
    )
    reported_rag = models.CharField(
        max_length=10, choices=Rag.choices, blank=True, help_text="The lead's RAG when reviewed."
    )
    comment = models.TextField(blank=True)
    reviewed_at = models.DateTimeField()
    answered_by = models.ForeignKey(
        ProgressUpdate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answers",
        help_text="The lead's progress update that answered a challenge.",
    )

    class Meta:
        ordering = ["action", "-reviewed_at", "-id"]

    def __str__(self):
        return f"{self.action.reference} {self.get_decision_display()} {self.reviewed_at:%d %b %Y}"

    @property
    def is_open_challenge(self) -> bool:
        return self.decision == self.Decision.CHALLENGED and self.answered_by_id is None


class BoardRecord(models.Model):
    """A meeting's record: the plan's and scorecard's judgements as presented at a board,
    kept when the meeting's pack is first published (improvement_plan.records). Never
    edited: later changes to actions or figures leave it as it was."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="board_records")
    occasion = models.CharField(max_length=300, help_text='"Improvement Board, 11 January 2023"')
    presented_on = models.DateField(help_text="The day of the meeting it was presented at.")
    scorecard_period = models.DateField(
        null=True, blank=True, help_text="The scorecard month presented, if any was held."
    )
    taken_at = models.DateTimeField()
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actions = models.JSONField(default=list, help_text="Each action's RAG, status and due date.")
    indicators = models.JSONField(
        default=list, help_text="Each indicator's value, RAG, direction and SPC label."
    )

    class Meta:
        ordering = ["plan", "presented_on", "taken_at", "id"]

    def __str__(self):
        return f"{self.occasion}: as presented"
