"""The performance scorecard: service areas, indicators, monthly values, targets, benchmarks."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from governance.models import Post


class ServiceArea(models.Model):
    """A table of the scorecard, named by the letters its references start with ("FD")."""

    prefix = models.CharField(max_length=10, unique=True)
    title = models.CharField(max_length=200)
    head_of_service = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="service_areas"
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "prefix"]

    def __str__(self):
        return self.title


class Section(models.Model):
    """A heading within a service area's table: "Where We Live", "Outcomes", "Caseloads"."""

    service_area = models.ForeignKey(ServiceArea, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["service_area", "order", "title"]
        constraints = [
            models.UniqueConstraint(fields=["service_area", "title"], name="section_title_unique")
        ]

    def __str__(self):
        return self.title


class Indicator(models.Model):
    class Unit(models.TextChoices):
        PERCENTAGE = "percentage", "Percentage"
        COUNT = "count", "Count"
        RATE_PER_10K = "rate_10k", "Rate per 10,000"
        DAYS = "days", "Days"
        AVERAGE = "average", "Average"

    class Polarity(models.TextChoices):
        HIGHER_IS_BETTER = "higher", "Higher is better"
        LOWER_IS_BETTER = "lower", "Lower is better"
        WITHIN_BAND = "band", "Within a band"
        NEITHER = "neither", "Neither: tracked, not judged"
        NOT_SET = "not_set", "Not set"

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        QUARTERLY = "quarterly", "Quarterly"
        ANNUAL = "annual", "Annual"

    class Measure(models.TextChoices):
        IN_MONTH = "in_month", "In month"
        SNAPSHOT = "snapshot", "Snapshot"
        YEAR_TO_DATE = "ytd", "Year to date"
        ROLLING_12_MONTHS = "rolling_12", "Rolling 12 months"

    service_area = models.ForeignKey(
        ServiceArea, on_delete=models.PROTECT, related_name="indicators"
    )
    ref = models.CharField(max_length=20, unique=True)
    title = models.CharField(max_length=400)
    definition = models.TextField(blank=True)
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.COUNT)
    polarity = models.CharField(
        max_length=10,
        choices=Polarity.choices,
        default=Polarity.NOT_SET,
        help_text="Whether higher or lower is better. While it is not set, nothing is judged; "
        "neither: the indicator is tracked, never judged.",
    )
    polarity_reason = models.CharField(
        max_length=300,
        blank=True,
        help_text="Why the polarity is what it is: learned from evidence at import "
        '("Learned from the target `>65%`"), or who set it and why.',
    )
    decimal_places = models.PositiveSmallIntegerField(default=0)
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators"
    )
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default="monthly")
    measure = models.CharField(max_length=12, choices=Measure.choices, default="in_month")
    owner = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators"
    )
    amber_tolerance = models.DecimalField(
        max_digits=10,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="How far short of target is still Amber. Empty: 5 percentage points "
        "for a percentage, 5% of the target otherwise.",
    )
    amber_tolerance_reason = models.CharField(
        max_length=300,
        blank=True,
        help_text="Why the amber tolerance is what it is: learned from the council's RAG "
        "at import, or who set it and why.",
    )
    spc_baseline_from = models.DateField(
        null=True, blank=True, help_text="Fix the SPC limits on the values from this month."
    )
    spc_baseline_to = models.DateField(
        null=True, blank=True, help_text="The last month of the fixed SPC baseline."
    )
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()  # who set its polarity, and why (issue 12)

    class Meta:
        ordering = ["service_area__order", "order", "ref"]

    def __str__(self):
        return f"{self.ref} {self.title}"


class IndicatorValue(models.Model):
    """One period's figure. No value with a reason means the figure was reported missing.

    Entered values go draft, submitted, approved; only approved values reach board reports.
    Imported values come from a published scorecard and arrive approved.
    """

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        APPROVED = "approved", "Approved"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period = models.DateField(help_text="The first day of the month the value describes.")
    value = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    numerator = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    missing_reason = models.CharField(max_length=100, blank=True)
    note = models.TextField(blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    previous_year = models.DecimalField(
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="The comparator the council quoted for a year earlier, as imported.",
    )
    last_12_months = models.DecimalField(
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="The council's figure for the 12 months to this period, kept as given.",
    )
    reported_rag = models.CharField(
        max_length=3, blank=True, help_text="The council's own RAG letter, as imported."
    )
    reported_direction = models.CharField(
        max_length=3, blank=True, help_text="The council's own arrow, as imported; never used."
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    approved_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="indicator_period_unique")
        ]
        indexes = [models.Index(fields=["period", "state"])]

    def __str__(self):
        shown = self.value if self.value is not None else (self.missing_reason or "none")
        return f"{self.indicator.ref} {self.period:%b %Y}: {shown}"


class Target(models.Model):
    class Kind(models.TextChoices):
        MIN = "min", "At least"
        MAX = "max", "At most"
        BAND = "band", "Within a band"
        SINGLE = "single", "Single figure"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    written = models.CharField(max_length=60, help_text='As the council writes it: "85-90%"')
    kind = models.CharField(max_length=10, choices=Kind.choices)
    low = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    high = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    effective_from = models.DateField()

    class Meta:
        ordering = ["indicator", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "effective_from"], name="target_effective_unique"
            )
        ]

    def __str__(self):
        return f"{self.indicator.ref} target {self.written} from {self.effective_from:%b %Y}"


class Benchmark(models.Model):
    class Comparator(models.TextChoices):
        GREATER_MANCHESTER = "gm", "Greater Manchester average"
        NORTH_WEST = "nw", "North West average"
        STATISTICAL_NEIGHBOURS = "sn", "Statistical neighbour average"
        ENGLAND = "england", "England average"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="benchmarks")
    comparator = models.CharField(max_length=10, choices=Comparator.choices)
    value = models.DecimalField(max_digits=14, decimal_places=4)
    year = models.CharField(max_length=9, blank=True, help_text='The year described: "2022/23"')

    class Meta:
        ordering = ["indicator", "comparator", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "comparator", "year"], name="benchmark_unique"
            )
        ]

    def __str__(self):
        return f"{self.indicator.ref} {self.get_comparator_display()} {self.year}: {self.value}"


class Commentary(models.Model):
    """The head of service's words on a service area's month, shown with its table."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        APPROVED = "approved", "Approved"

    service_area = models.ForeignKey(
        ServiceArea, on_delete=models.CASCADE, related_name="commentaries"
    )
    period = models.DateField()
    text = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["service_area", "-period"]
        verbose_name_plural = "commentaries"
        constraints = [
            models.UniqueConstraint(
                fields=["service_area", "period"], name="commentary_period_unique"
            )
        ]

    def __str__(self):
        return f"{self.service_area.prefix} {self.period:%b %Y} commentary"


class IndicatorJudgement(models.Model):
    """The SPC judgement of an indicator's approved values up to one month, stored so the
    pages read it instead of re-running SPC over the whole series (issue 13). One per
    approved value's month; a page showing a month reads the newest one on or before
    it. Written only by scorecard.judgement_services.indicator_judgements_refresh, from
    scorecard.domain.spc_months (the same as scorecard.domain.spc.spc() gives)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="judgements")
    period = models.DateField(help_text="The month judged: approved values up to it count.")
    limits = models.JSONField(
        null=True, blank=True, help_text="The XmR limits as exact decimal text; none: too few."
    )
    message = models.CharField(max_length=200, blank=True, help_text="Why there are no limits.")
    baseline = models.JSONField(null=True, blank=True, help_text="The fixed baseline's indices.")
    point_index = models.PositiveIntegerField(null=True, blank=True)
    point_period = models.DateField(null=True, blank=True, help_text="The latest figure's month.")
    point_value = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    label = models.CharField(max_length=20, blank=True)
    side = models.CharField(max_length=4, blank=True)
    rules = models.JSONField(default=list, blank=True)
    in_baseline = models.BooleanField(default=True)

    class Meta:
        ordering = ["indicator", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period"], name="indicator_judgement_period_unique"
            )
        ]

    def __str__(self):
        return f"{self.indicator_id} {self.period:%b %Y}: {self.label or self.message}"
