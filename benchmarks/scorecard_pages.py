"""The scorecard's generator, for the benchmarks and the query-count tests: 300
indicators over the 6 service areas (INDICATORS), 10 years of
monthly approved values, targets and benchmarks.

seed_area() is also what the query-count tests use to build an area of any size fast:
everything goes in with bulk_create.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction

from governance.models import Post, PostHolder, User
from scorecard.domain.references import DEFAULT_SERVICE_AREAS
from scorecard.judgement_services import indicator_judgements_refresh
from scorecard.models import (
    Benchmark,
    Commentary,
    Indicator,
    IndicatorValue,
    Section,
    ServiceArea,
    Target,
)

LAST_MONTH = datetime.date(2023, 6, 1)
MONTHS = 120
INDICATORS = {"FD": 80, "EH": 40, "CIN": 60, "CF": 50, "SG": 40, "WF": 30}
SECTIONS = ("Where We Live", "Outcomes", "Caseloads")
YEARS = ("2021/22", "2022/23")


def months_back(last: datetime.date, count: int) -> list[datetime.date]:
    """`count` months to `last`, oldest first."""
    index = last.year * 12 + last.month - 1
    return [datetime.date(i // 12, i % 12 + 1, 1) for i in range(index - count + 1, index + 1)]


def _indicators(area: ServiceArea, count: int, first: int, rng) -> list[Indicator]:
    sections = [
        Section.objects.get_or_create(service_area=area, title=title, defaults={"order": n})[0]
        for n, title in enumerate(SECTIONS)
    ]
    units = (Indicator.Unit.PERCENTAGE, Indicator.Unit.COUNT, Indicator.Unit.RATE_PER_10K)
    return Indicator.objects.bulk_create(
        Indicator(
            service_area=area,
            section=sections[(n * len(SECTIONS)) // (first + count)],
            ref=f"{area.prefix}{n}",
            title=f"{area.title} indicator {n}: contacts with a decision in timescale",
            unit=units[n % 3],
            polarity=rng.choice(["higher", "lower", "neither"]),
            decimal_places=1,
            order=n,
        )
        for n in range(first, first + count)
    )


def _targets_and_benchmarks(indicators: list[Indicator], first_month: datetime.date) -> None:
    Target.objects.bulk_create(
        Target(indicator=i, written=f"{figure}%", kind="single", low=figure, high=figure,
               effective_from=start)
        for i in indicators
        for figure, start in ((70, first_month), (80, datetime.date(2022, 4, 1)))
    )  # fmt: skip
    Benchmark.objects.bulk_create(
        Benchmark(indicator=i, comparator=comparator, value=Decimal(60 + n), year=year)
        for i in indicators
        for n, comparator in enumerate(Benchmark.Comparator.values)
        for year in YEARS
    )


def _values(indicators: list[Indicator], periods: list[datetime.date], rng) -> None:
    rows = []
    for indicator in indicators:
        level = rng.uniform(50, 90)
        for period in periods:
            level = min(100.0, max(0.0, level + rng.gauss(0, 3)))
            missing = rng.random() < 0.02
            rows.append(
                IndicatorValue(
                    indicator=indicator,
                    period=period,
                    value=None if missing else Decimal(f"{level:.1f}"),
                    missing_reason="n/a" if missing else "",
                    state=IndicatorValue.State.APPROVED,
                    reported_rag=rng.choice(["R", "A", "G", ""]),
                )
            )
    IndicatorValue.objects.bulk_create(rows, batch_size=2000)


@transaction.atomic
def seed_area(
    prefix: str, *, indicators: int, months: int, last: datetime.date = LAST_MONTH,
    first: int = 1, seed: int = 7,
) -> ServiceArea:  # fmt: skip
    """A service area (made if new) with a head of service, three sections, commentary for
    `last`, and `indicators` more indicators numbered from `first`, each with `months`
    approved monthly values to `last`, two targets and benchmarks for two years, and
    their stored SPC judgements (scorecard.judgement_services)."""
    rng = random.Random(seed + first)
    title = dict(DEFAULT_SERVICE_AREAS).get(prefix, prefix)
    post, _ = Post.objects.get_or_create(name=f"HoS {title}")
    area, made = ServiceArea.objects.get_or_create(
        prefix=prefix, defaults={"title": title, "head_of_service": post}
    )
    if made:
        head = User.objects.create_user(f"hos.{prefix.lower()}@example.gov.uk", "x",
                                        full_name=f"Head of {title}")  # fmt: skip
        PostHolder.objects.create(post=post, person=head, start_date=datetime.date(2020, 1, 1))
        Commentary.objects.create(service_area=area, period=last, text="Timeliness improved.",
                                  state=Commentary.State.APPROVED)  # fmt: skip
    periods = months_back(last, months)
    made_indicators = _indicators(area, indicators, first, rng)
    _targets_and_benchmarks(made_indicators, periods[0])
    _values(made_indicators, periods, rng)
    indicator_judgements_refresh(indicator_ids=[i.pk for i in made_indicators])
    return area
