"""Reads for the page setting many indicators' polarity, tolerance and target at once:
indicators whose polarity is not set first (they are not judged until it is), then in
scorecard order (service area, order, reference), each with its targets, in a fixed
number of queries."""

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from scorecard.models import Indicator, Target


def settings_indicators() -> QuerySet[Indicator]:
    """Every indicator, not set first, then by service area and reference, with its
    service area and its targets newest first (`targets_newest_first`)."""
    return (
        Indicator.objects.select_related("service_area")
        .annotate(
            not_set_first=Case(
                When(polarity=Indicator.Polarity.NOT_SET, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("not_set_first", "service_area__order", "service_area__prefix", "order", "ref")
        .prefetch_related(
            Prefetch(
                "targets",
                queryset=Target.objects.order_by("-effective_from"),
                to_attr="targets_newest_first",
            )
        )
    )


def newest_target(indicator: Indicator) -> Target | None:
    """The target set last (the one the latest months go by), from settings_indicators()."""
    targets = getattr(indicator, "targets_newest_first", None)
    if targets is None:
        targets = list(indicator.targets.order_by("-effective_from"))
    return targets[0] if targets else None
