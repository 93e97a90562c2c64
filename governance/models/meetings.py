"""Boards, who sits on them, their meetings and the items on each agenda."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from governance.models.people import Organisation


class Board(models.Model):
    class Kind(models.TextChoices):
        IMPROVEMENT_BOARD = "improvement_board", "Improvement board"
        SCRUTINY_PANEL = "scrutiny_panel", "Scrutiny panel"
        CORPORATE_PARENTING = "corporate_parenting", "Corporate parenting board"
        SAFEGUARDING_PARTNERSHIP = "safeguarding_partnership", "Safeguarding partnership"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=40, choices=Kind.choices)
    terms_of_reference = models.TextField(blank=True)
    contact_name = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)
    default_place = models.CharField(max_length=200, blank=True)
    items_start_on_odd_pages = models.BooleanField(
        "start each item on a right-hand page",
        default=True,
        help_text="Adds a page saying “This page is intentionally left blank” before an item "
        "that would otherwise start on an even page, as the council's printed packs do.",
    )
    is_public = models.BooleanField(
        default=True, help_text="Shown on the public pages, with its published meetings."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-chair"
        MEMBER = "member", "Member"
        ADVISER = "adviser", "Adviser"
        OFFICER = "officer", "Officer"

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deputising_memberships",
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["board__name", "role", "person__full_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="membership_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()}), {self.board}"


class Meeting(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        AGENDA_PUBLISHED = "agenda_published", "Agenda published"
        HELD = "held", "Held"
        MINUTES_APPROVED = "minutes_approved", "Minutes approved"
        CANCELLED = "cancelled", "Cancelled"

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="meetings")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(null=True, blank=True)
    place = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    municipal_year = models.CharField(
        max_length=7, blank=True, help_text="Such as 2022/23: May to the following April."
    )
    papers_deadline = models.DateField(null=True, blank=True)
    agenda_published_at = models.DateTimeField(null=True, blank=True)
    minutes_published_at = models.DateTimeField(null=True, blank=True)
    minutes_approved_at = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approved_minutes_of",
        help_text="The meeting at which these minutes were approved as a correct record.",
    )
    commenced_at = models.TimeField(null=True, blank=True)
    terminated_at = models.TimeField(null=True, blank=True)
    board_record = models.OneToOneField(
        "improvement_plan.BoardRecord",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="meeting",
        help_text="The plan's and scorecard's judgements as presented, kept when the "
        "meeting's pack was first published.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["board", "starts_at"])]

    def __str__(self):
        return f"{self.board}, {self.starts_at:%d %B %Y}"


class AgendaItem(models.Model):
    """An item on a meeting's agenda. Exempt items (Schedule 12A) never reach the public."""

    class ExemptParagraph(models.IntegerChoices):
        P1 = 1, "1. Information relating to any individual"
        P2 = 2, "2. Information likely to reveal the identity of an individual"
        P3 = 3, "3. Financial or business affairs of any particular person"
        P4 = 4, "4. Labour relations consultations or negotiations"
        P5 = 5, "5. Legal professional privilege"
        P6 = 6, "6. Notices, orders or directions under any enactment"
        P7 = 7, "7. Prevention, investigation or prosecution of crime"

    class Standard(models.TextChoices):
        APOLOGIES = "apologies", "Apologies for absence"
        DECLARATIONS = "declarations", "Declarations of interest"
        MINUTES = "minutes", "Minutes of the last meeting"
        URGENT_ITEMS = "urgent_items", "Urgent items"
        NEXT_MEETING = "next_meeting", "Date of next meeting"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    presenters = models.CharField(max_length=500, blank=True)
    standard = models.CharField(max_length=20, choices=Standard.choices, blank=True)
    report_author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items_to_write",
        help_text="Who writes the item's report; reminded before the papers deadline.",
    )
    history = HistoricalRecords()
    exempt_paragraph = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=ExemptParagraph.choices,
        help_text="Set only for an exempt item under Schedule 12A to the "
        "Local Government Act 1972.",
    )

    class Meta:
        ordering = ["meeting", "order"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "order"], name="agenda_item_order_unique")
        ]

    def __str__(self):
        return f"{self.order}. {self.title}"

    @property
    def is_exempt(self) -> bool:
        return self.exempt_paragraph is not None
