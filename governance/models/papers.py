"""An agenda item's papers, and the agenda packs built from them.

A paper is an uploaded PDF or a report the system generates as at the meeting. A pack
is one build of a meeting's papers into a PDF; a rebuild is a new version, and earlier
versions are kept.
"""

from django.conf import settings
from django.db import models

from governance.models.meetings import AgendaItem, Meeting


class Paper(models.Model):
    class Kind(models.TextChoices):
        UPLOADED = "uploaded", "Uploaded PDF"
        PLAN_REPORT = "plan_report", "Improvement plan progress report"
        SCORECARD_REPORT = "scorecard_report", "Performance scorecard"
        ACTION_LOG = "action_log", "Actions arising from previous meetings"
        PREVIOUS_MINUTES = "previous_minutes", "Minutes of the previous meeting"

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="papers")
    order = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    file = models.FileField(upload_to="papers/%Y/%m/", blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    scorecard_period = models.DateField(
        null=True, blank=True, help_text="The month a scorecard paper shows."
    )
    plan = models.ForeignKey(
        "improvement_plan.Plan", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agenda_item", "order", "pk"]

    def __str__(self):
        return self.title


class Pack(models.Model):
    class Audience(models.TextChoices):
        FULL = "full", "Full pack, with exempt items"
        PUBLIC = "public", "Public pack"

    class State(models.TextChoices):
        QUEUED = "queued", "Waiting to be built"
        BUILDING = "building", "Building"
        BUILT = "built", "Built"
        FAILED = "failed", "Failed"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="packs")
    audience = models.CharField(max_length=10, choices=Audience.choices)
    version = models.PositiveIntegerField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent done.")
    step = models.CharField(max_length=200, blank=True, help_text="What the build is doing.")
    file = models.FileField(upload_to="packs/%Y/", blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    item_pages = models.JSONField(
        default=list, blank=True, help_text="Each item's number, title and first and last page."
    )
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    built_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    held_items = models.JSONField(
        default=list,
        blank=True,
        help_text="The agenda items (of this meeting or, in its previous minutes and action "
        "log, of earlier ones) whose words or papers this pack shows.",
    )
    withdrawn_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set when the pack may no longer be served: an item it holds was made exempt.",
    )
    withdrawn_reason = models.CharField(max_length=300, blank=True)
    publish_when_built = models.BooleanField(
        default=False,
        help_text="A corrected public pack, started when a published one was withdrawn: "
        "published as soon as it is built.",
    )

    class Meta:
        ordering = ["meeting", "audience", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "audience", "version"], name="pack_version_unique"
            )
        ]

    def __str__(self):
        return f"{self.meeting}: {self.get_audience_display()}, version {self.version}"
