import datetime

import factory

from scorecard.judgement_services import indicator_judgements_refresh
from scorecard.models import Benchmark, Indicator, IndicatorValue, ServiceArea, Target


class ServiceAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceArea
        django_get_or_create = ["prefix"]

    prefix = "FD"
    title = "Front Door"


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    service_area = factory.SubFactory(ServiceAreaFactory)
    ref = factory.Sequence(lambda n: f"FD{n + 1}")
    title = factory.Sequence(lambda n: f"Indicator {n}")
    unit = Indicator.Unit.PERCENTAGE
    polarity = Indicator.Polarity.HIGHER_IS_BETTER
    decimal_places = 1


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue
        skip_postgeneration_save = True

    indicator = factory.SubFactory(IndicatorFactory)
    period = datetime.date(2023, 6, 1)
    value = 78.1

    @factory.post_generation
    def judgements(obj, create, extracted, **kwargs):
        """An approved value made here reaches the stored SPC judgements, as the services
        that approve values keep them (scorecard.judgement_services, issue 13)."""
        if create and obj.state == IndicatorValue.State.APPROVED:
            indicator_judgements_refresh(indicator_ids=[obj.indicator_id])


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    indicator = factory.SubFactory(IndicatorFactory)
    written = "85-90%"
    kind = Target.Kind.BAND
    low = 85
    high = 90
    effective_from = datetime.date(2022, 4, 1)


class BenchmarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Benchmark

    indicator = factory.SubFactory(IndicatorFactory)
    comparator = Benchmark.Comparator.ENGLAND
    value = 82
    year = "2022/23"
