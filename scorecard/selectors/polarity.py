"""Indicators not judged for want of a polarity (issue 12: polarity is known, or nothing
is judged; scorecard.domain.polarity). The scorecard pages count them and link to them,
so a performance officer can set each one."""

from django.db.models import F, QuerySet

from scorecard.models import Indicator, ServiceArea


def not_set_indicators(area: ServiceArea | None = None) -> QuerySet[Indicator]:
    """Every indicator whose polarity is not set, in scorecard order (area, section,
    order); one area's only when `area` is given."""
    found = Indicator.objects.filter(polarity=Indicator.Polarity.NOT_SET)
    if area is not None:
        found = found.filter(service_area=area)
    return found.select_related("service_area", "section").order_by(
        "service_area__order",
        "service_area__prefix",
        F("section__order").asc(nulls_first=True),
        "order",
        "ref",
    )
