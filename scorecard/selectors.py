"""Reads for the performance scorecard."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from scorecard.models import Indicator, IndicatorValue, ServiceArea, Target


def service_areas_overview() -> QuerySet[ServiceArea]:
    """Service areas in order, each with its head of service, how many indicators it has,
    and the latest period for which any of its indicators has a value (not a missing one).
    """
    indicator_count = (
        Indicator.objects.filter(service_area=OuterRef("pk"))
        .order_by()
        .values("service_area")
        .annotate(n=Count("pk"))
        .values("n")
    )
    latest_period = (
        IndicatorValue.objects.filter(indicator__service_area=OuterRef("pk"), value__isnull=False)
        .order_by("-period")
        .values("period")[:1]
    )
    return (
        ServiceArea.objects.select_related("head_of_service")
        .annotate(
            indicator_count=Coalesce(
                Subquery(indicator_count, output_field=IntegerField()), Value(0)
            ),
            latest_period=Subquery(latest_period),
        )
        .order_by("order", "prefix")
    )


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator as its service area's page shows it."""

    indicator: Indicator
    latest: IndicatorValue | None
    previous: IndicatorValue | None
    target: Target | None


def target_in_force(targets_newest_first: list[Target], *, period: datetime.date) -> Target | None:
    """The target that applies to a period: the latest one in force on or before it."""
    return next((t for t in targets_newest_first if t.effective_from <= period), None)


def _area_indicators(area: ServiceArea) -> QuerySet[Indicator]:
    """An area's indicators in order, each with its two latest values and its targets."""
    return (
        Indicator.objects.filter(service_area=area)
        .order_by("order", "ref")
        .prefetch_related(
            Prefetch(
                "values",
                queryset=IndicatorValue.objects.order_by("-period")[:2],
                to_attr="latest_two_values",
            ),
            Prefetch(
                "targets",
                queryset=Target.objects.order_by("-effective_from"),
                to_attr="targets_newest_first",
            ),
        )
    )


def indicator_rows(area: ServiceArea, *, today: datetime.date) -> list[IndicatorRow]:
    """Each indicator's latest value (reported or missing), the one before, and the target
    in force for the latest value's period (for today's date when nothing is reported yet).

    The number of queries does not grow with the number of indicators.
    """
    rows = []
    for indicator in _area_indicators(area):
        values = indicator.latest_two_values
        latest = values[0] if values else None
        rows.append(
            IndicatorRow(
                indicator=indicator,
                latest=latest,
                previous=values[1] if len(values) > 1 else None,
                target=target_in_force(
                    indicator.targets_newest_first,
                    period=latest.period if latest else today,
                ),
            )
        )
    return rows
