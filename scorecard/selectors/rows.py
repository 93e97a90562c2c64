"""One indicator's month as the scorecard shows it, computed in Python from prefetched
data so a page's number of queries does not grow with its number of indicators.

Rules:
- Only approved values count; a month without an approved value is "not reported".
- Previous year: the figure the council quoted for a year earlier, else the approved
  value for the same month a year before.
- Target: the latest one in force on or before the month (effective_from).
- Benchmarks: for each comparator, the newest year that ended before the month's
  financial year (April to March) began; a benchmark without a year counts as older
  than any with one. June 2023 shows 2022/23 but never 2023/24.
- RAG and direction come from scorecard.judgements.judge(), direction on the previous
  period: the month, quarter or year before, by the indicator's frequency.
- SPC: the stored judgement on or before the month (scorecard.selectors.spc.stored_spc,
  issue 13); or, for a caller holding the series (spc_history),
  scorecard.selectors.spc.indicator_spc() over every approved value up to the month.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from django.db.models import F, Prefetch, QuerySet

from scorecard.domain.periods import PERIOD_MONTHS, previous_period
from scorecard.judgements import Judgement, judge
from scorecard.models import Benchmark, Indicator, IndicatorJudgement, IndicatorValue, Target
from scorecard.selectors.months import add_months
from scorecard.selectors.spc import indicator_spc, stored_spc

MONTHS_SHOWN = 6


@dataclass(frozen=True)
class ScorecardRow:
    """An indicator for one month: the last MONTHS_SHOWN months' approved values (oldest
    first, None where not reported), comparators, and our judgements."""

    indicator: Indicator
    period: datetime.date
    months: tuple[tuple[datetime.date, IndicatorValue | None], ...]
    current: IndicatorValue | None
    previous: IndicatorValue | None
    previous_year: Decimal | None
    target: Target | None
    benchmarks: dict[str, Benchmark]
    judgement: Judgement
    spc: object | None = field(default=None)

    @property
    def value(self) -> Decimal | None:
        return self.current.value if self.current else None


class Point(NamedTuple):
    """An approved value as SPC reads it: its month and figure (None when missing)."""

    period: datetime.date
    value: Decimal | None


def spc_history(*, period: datetime.date, area=None) -> dict[int, list[Point]]:
    """Every approved value up to `period` (in one area, or all), by indicator id, oldest
    first, in one query."""
    values = IndicatorValue.objects.filter(state=IndicatorValue.State.APPROVED, period__lte=period)
    if area is not None:
        values = values.filter(indicator__service_area=area)
    history: dict[int, list[Point]] = defaultdict(list)
    rows = values.order_by("indicator_id", "period").values_list("indicator_id", "period", "value")
    for indicator_id, month, value in rows.iterator(chunk_size=5000):
        history[indicator_id].append(Point(month, value))
    return history


def target_in_force(targets_newest_first: list[Target], *, period: datetime.date) -> Target | None:
    """The target that applies to a period: the latest one in force on or before it."""
    return next((t for t in targets_newest_first if t.effective_from <= period), None)


def _start_year(year: str) -> int | None:
    digits = year.strip()[:4]
    return int(digits) if digits.isdigit() else None


def benchmarks_for(ordered: list[Benchmark], *, period: datetime.date) -> dict[str, Benchmark]:
    """Per comparator, the newest benchmark year ended before the month's financial year
    (module docstring). `ordered` is by comparator, then year newest first."""
    financial_year = period.year if period.month >= 4 else period.year - 1
    chosen: dict[str, Benchmark] = {}
    for benchmark in ordered:
        start = _start_year(benchmark.year)
        if benchmark.comparator not in chosen and (start is None or start < financial_year):
            chosen[benchmark.comparator] = benchmark
    return chosen


def scorecard_indicators(
    *,
    period: datetime.date,
    since: datetime.date,
    only: Iterable[datetime.date] | None = None,
    with_benchmarks: bool = True,
) -> QuerySet[Indicator]:
    """Indicators in the scorecard's order (section, then indicator order and ref) with
    their approved values from `since` to `period` (only the months `only`, when given)
    oldest first, their targets newest first and, `with_benchmarks`, their benchmarks by
    comparator, newest year first (without: none, for a page that shows none)."""
    values = IndicatorValue.objects.filter(
        state=IndicatorValue.State.APPROVED, period__gte=since, period__lte=period
    ).order_by("period")
    if only is not None:
        values = values.filter(period__in=list(only))
    benchmarks = Benchmark.objects.order_by("comparator", "-year")
    return (
        Indicator.objects.select_related("service_area", "section")
        .order_by(F("section__order").asc(nulls_first=True), "section__title", "order", "ref")
        .prefetch_related(
            Prefetch("values", queryset=values, to_attr="approved_values"),
            Prefetch(
                "targets",
                queryset=Target.objects.order_by("-effective_from"),
                to_attr="targets_newest_first",
            ),
            Prefetch(
                "benchmarks",
                queryset=benchmarks if with_benchmarks else benchmarks.none(),
                to_attr="benchmarks_ordered",
            ),
        )
    )


@lru_cache(maxsize=256)
def months_shown(period: datetime.date) -> tuple[datetime.date, ...]:
    """The MONTHS_SHOWN months to `period`, oldest first (worked out once per month, not
    once per row)."""
    return tuple(add_months(period, n) for n in range(1 - MONTHS_SHOWN, 1))


def judged_months(period: datetime.date) -> list[datetime.date]:
    """The months a row's RAG and direction read: the month, the one before by each
    frequency (scorecard.domain.periods.previous_period) and the same month a year before."""
    back = {1, 12, *PERIOD_MONTHS.values()}
    return [period, *(add_months(period, -months) for months in sorted(back))]


def _previous_year(current, year_ago) -> Decimal | None:
    if current is not None and current.previous_year is not None:
        return current.previous_year
    return year_ago.value if year_ago is not None else None


def _spc(indicator: Indicator, target: Target | None, history, judgements):
    if judgements is not None:
        return stored_spc(judgements.get(indicator.pk), indicator, target)
    if history is not None:
        return indicator_spc(indicator, history.get(indicator.pk, []), target)
    return None


def scorecard_row(
    indicator: Indicator,
    *,
    period: datetime.date,
    history: dict[int, list[Point]] | None,
    judgements: dict[int, IndicatorJudgement] | None = None,
) -> ScorecardRow:
    """One indicator's row for `period` from its prefetched data (module docstring);
    SPC from the stored `judgements` (selectors.spc.stored_judgements), else from
    `history` (spc_history()), none when both are None."""
    by_period = {value.period: value for value in indicator.approved_values}
    current = by_period.get(period)
    previous = by_period.get(previous_period(period, indicator.frequency))
    previous_year = _previous_year(current, by_period.get(add_months(period, -12)))
    target = target_in_force(indicator.targets_newest_first, period=period)
    months = tuple((month, by_period.get(month)) for month in months_shown(period))
    judgement = judge(
        indicator=indicator,
        value=current.value if current else None,
        previous=previous.value if previous else None,
        year_earlier=previous_year,
        target=target,
    )
    return ScorecardRow(
        indicator=indicator,
        period=period,
        months=months,
        current=current,
        previous=previous,
        previous_year=previous_year,
        target=target,
        benchmarks=benchmarks_for(indicator.benchmarks_ordered, period=period),
        judgement=judgement,
        spc=_spc(indicator, target, history, judgements),
    )
