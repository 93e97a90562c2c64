"""The performance scorecard: service areas, indicators, monthly values, targets, benchmarks."""

from django.db import models

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
        NEITHER = "neither", "Neither"

    service_area = models.ForeignKey(
        ServiceArea, on_delete=models.PROTECT, related_name="indicators"
    )
    ref = models.CharField(max_length=20, unique=True)
    title = models.CharField(max_length=400)
    definition = models.TextField(blank=True)
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.COUNT)
    polarity = models.CharField(max_length=10, choices=Polarity.choices, default=Polarity.NEITHER)
    decimal_places = models.PositiveSmallIntegerField(default=0)
    owner = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators"
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["service_area__order", "order", "ref"]

    def __str__(self):
        return f"{self.ref} {self.title}"


class IndicatorValue(models.Model):
    """One period's figure. No value with a reason means the figure was reported missing."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period = models.DateField(help_text="The first day of the month the value describes.")
    value = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    missing_reason = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["indicator", "period"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="indicator_period_unique")
        ]

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
