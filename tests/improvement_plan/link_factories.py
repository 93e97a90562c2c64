"""Factories for links between actions and indicators, and indicators with a history
of approved figures (issue 12, section 3)."""

import datetime
from decimal import Decimal

import factory

from improvement_plan.models import ActionIndicatorLink
from scorecard.models import IndicatorValue
from tests.improvement_plan.factories import ActionFactory
from tests.scorecard.factories import IndicatorFactory


class ActionIndicatorLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionIndicatorLink

    action = factory.SubFactory(ActionFactory)
    indicator = factory.SubFactory(IndicatorFactory)


def month(first: datetime.date, offset: int) -> datetime.date:
    index = first.year * 12 + first.month - 1 + offset
    return datetime.date(index // 12, index % 12 + 1, 1)


def approved_figures(indicator, first: datetime.date, values) -> None:
    """Approved figures month by month from `first` (None: no figure that month)."""
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            indicator=indicator, period=month(first, n), value=Decimal(value),
            state=IndicatorValue.State.APPROVED,
        )
        for n, value in enumerate(values)
        if value is not None
    )  # fmt: skip
