"""What happens at and after a meeting: attendance, declarations of interest, numbered
minutes, actions arising that are tracked to completion, and the work programme."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from governance.models.meetings import AgendaItem, Board, Meeting, Membership
from governance.models.people import Organisation


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"
        DEPUTY_ATTENDED = "deputy", "Deputy attended"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    membership = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="attendances"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="attendances"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="attendances"
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendances_as_deputy",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once"),
            models.CheckConstraint(
                condition=~models.Q(status="deputy") | models.Q(deputy__isnull=False),
                name="attendance_deputy_named",
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_status_display()}"


class Declaration(models.Model):
    class Kind(models.TextChoices):
        PECUNIARY = "pecuniary", "Disclosable pecuniary interest"
        REGISTRABLE = "registrable", "Other registrable interest"
        NON_REGISTRABLE = "non_registrable", "Non-registrable interest"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="declarations"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="declarations"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    interest = models.TextField(help_text="The nature of the interest, as declared.")

    class Meta:
        ordering = ["meeting", "agenda_item__order", "person__full_name"]

    def __str__(self):
        return f"{self.person}, item {self.agenda_item.order}: {self.get_kind_display()}"


class Minute(models.Model):
    """A numbered minute. Numbers run on through the board's municipal year (16, 17,
    18...); board and municipal_year are copied from the meeting so that the database
    itself refuses a number used twice."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes")
    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="+")
    municipal_year = models.CharField(max_length=7)
    number = models.PositiveIntegerField()
    agenda_item = models.OneToOneField(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="minute"
    )
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True, help_text="What was considered and said.")
    resolved = models.TextField(blank=True, help_text="The resolutions, as agreed.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "municipal_year", "number"], name="minute_number_unique"
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class ActionArising(models.Model):
    """An action agreed in a minute, tracked with an owner and a due date until done, and
    shown in the board's next packs until it is."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"
        DROPPED = "dropped", "No longer needed"

    minute = models.ForeignKey(Minute, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="actions_arising"
    )
    due_date = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    progress = models.TextField(blank=True)
    completed_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name_plural = "actions arising"

    def __str__(self):
        return self.description[:80]


class WorkProgrammeItem(models.Model):
    """A topic planned for a future meeting of a board."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        ON_AGENDA = "on_agenda", "On an agenda"
        DONE = "done", "Considered"
        DEFERRED = "deferred", "Deferred"

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="work_programme")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="planned_topics"
    )
    planned_month = models.DateField(
        null=True, blank=True, help_text="The month planned, when no meeting is set yet."
    )
    topic = models.CharField(max_length=300)
    lead = models.CharField(max_length=300, blank=True)
    purpose = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)

    class Meta:
        ordering = ["board", "planned_month", "pk"]

    def __str__(self):
        return self.topic
