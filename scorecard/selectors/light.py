"""The scorecard pages' indicators read light: plain records from values() queries, not
model instances with prefetched model instances (issue 13: a page of hundreds of
indicators at ten times a council's size builds thousands of models otherwise).

Each record carries what scorecard.selectors.rows.scorecard_row() and the tables read
of an Indicator, a Target, an IndicatorValue, a Benchmark and an IndicatorJudgement,
under the same names, so a row is judged the same whichever read it came from.

Rules: as scorecard.selectors.rows.scorecard_indicators: approved values only, from
`since` to `period` (only the months `only`, when given) oldest first; targets newest
first; benchmarks by comparator, newest year first (none without `with_benchmarks`);
the scorecard's order (section, then indicator order and ref). Stored SPC judgements:
each indicator's newest on or before the month (scorecard.selectors.spc.stored_judgements).
A fixed number of queries whatever the number of indicators or months.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.db.models import F

from scorecard.domain.polarity import JUDGED
from scorecard.models import (
    Benchmark,
    Indicator,
    IndicatorJudgement,
    IndicatorValue,
    Section,
    ServiceArea,
    Target,
)
from scorecard.selectors.spc import newest_judgement_ids


class ValueRecord(NamedTuple):
    """An approved IndicatorValue as the pages read it."""

    indicator_id: int
    period: datetime.date
    value: Decimal | None
    missing_reason: str
    previous_year: Decimal | None
    reported_rag: str
    reported_direction: str


class TargetRecord(NamedTuple):
    indicator_id: int
    written: str
    kind: str
    low: Decimal | None
    high: Decimal | None
    effective_from: datetime.date


class BenchmarkRecord(NamedTuple):
    indicator_id: int
    comparator: str
    value: Decimal
    year: str


class JudgementRecord(NamedTuple):
    """A stored SPC judgement as scorecard.selectors.spc.stored_spc() reads it."""

    indicator_id: int
    period: datetime.date
    limits: dict | None
    message: str
    baseline: list | None
    point_index: int | None
    point_period: datetime.date | None
    point_value: Decimal | None
    label: str
    side: str
    rules: list
    in_baseline: bool


INDICATOR_FIELDS = (
    "pk", "ref", "title", "service_area_id", "section_id", "unit", "polarity",
    "decimal_places", "frequency", "amber_tolerance", "spc_baseline_from", "spc_baseline_to",
)  # fmt: skip


@dataclass(slots=True, eq=False)
class IndicatorRecord:
    """An indicator with its area, section, approved values, targets and benchmarks."""

    pk: int
    ref: str
    title: str
    service_area_id: int
    section_id: int | None
    unit: str
    polarity: str
    decimal_places: int
    frequency: str
    amber_tolerance: Decimal | None
    spc_baseline_from: datetime.date | None
    spc_baseline_to: datetime.date | None
    service_area: ServiceArea | None = None
    section: Section | None = None
    approved_values: list[ValueRecord] = field(default_factory=list)
    targets_newest_first: list[TargetRecord] = field(default_factory=list)
    benchmarks_ordered: list[BenchmarkRecord] = field(default_factory=list)

    @property
    def id(self) -> int:
        return self.pk


def _by_indicator(rows, record) -> dict[int, list]:
    found: dict[int, list] = defaultdict(list)
    for row in rows:
        found[row[0]].append(record(*row))
    return found


def _scope(area: ServiceArea | None, judged_only: bool) -> dict[str, object]:
    """The indicators read, as filters on Indicator: one area's or every area's, and
    only those judged (scorecard.domain.polarity.JUDGED) or all."""
    scope: dict[str, object] = {"service_area": area} if area is not None else {}
    return scope | ({"polarity__in": sorted(JUDGED)} if judged_only else {})


def _scoped(queryset, scope: dict[str, object], path: str = "indicator__"):
    return queryset.filter(**{f"{path}{name}": value for name, value in scope.items()})


def _values(period, since, only, scope) -> dict[int, list[ValueRecord]]:
    values = IndicatorValue.objects.filter(
        state=IndicatorValue.State.APPROVED, period__gte=since, period__lte=period
    )
    if only is not None:
        values = values.filter(period__in=list(only))
    rows = _scoped(values, scope).order_by("period").values_list(*ValueRecord._fields)
    return _by_indicator(rows, ValueRecord)


def _targets(scope) -> dict[int, list[TargetRecord]]:
    rows = _scoped(Target.objects.all(), scope).order_by("indicator_id", "-effective_from")
    return _by_indicator(rows.values_list(*TargetRecord._fields), TargetRecord)


def target_records() -> dict[int, list[TargetRecord]]:
    """Every indicator's targets, newest first, by indicator id. One query."""
    return _targets({})


def _benchmarks(scope, with_benchmarks: bool) -> dict[int, list[BenchmarkRecord]]:
    if not with_benchmarks:
        return {}
    rows = _scoped(Benchmark.objects.all(), scope).order_by("comparator", "-year")
    return _by_indicator(rows.values_list(*BenchmarkRecord._fields), BenchmarkRecord)


def _section(sections: dict, record: IndicatorRecord, title: str, order: int) -> Section | None:
    """A record's section, from its row: one instance a section, none for no section."""
    if record.section_id is not None and record.section_id not in sections:
        sections[record.section_id] = Section(
            id=record.section_id, service_area_id=record.service_area_id, title=title, order=order
        )
    return sections.get(record.section_id)


def indicator_records(
    *,
    period: datetime.date,
    since: datetime.date,
    only: Iterable[datetime.date] | None = None,
    with_benchmarks: bool = True,
    area: ServiceArea | None = None,
    judged_only: bool = False,
) -> list[IndicatorRecord]:
    """The indicators (in `area`, or all; `judged_only`: only those whose polarity is
    judged) in the scorecard's order, with their area, section, approved values, targets
    and benchmarks (module docstring); four queries for one area without benchmarks,
    five with, one more for every area."""
    scope = _scope(area, judged_only)
    indicators = _scoped(Indicator.objects.all(), scope, "").order_by(
        F("section__order").asc(nulls_first=True), "section__title", "order", "ref"
    )
    areas = {area.pk: area} if area is not None else {a.pk: a for a in ServiceArea.objects.all()}
    values = _values(period, since, only, scope)
    targets, benchmarks = _targets(scope), _benchmarks(scope, with_benchmarks)
    sections: dict[int, Section] = {}
    records = []
    for *row, section_title, section_order in indicators.values_list(
        *INDICATOR_FIELDS, "section__title", "section__order"
    ):
        record = IndicatorRecord(*row)
        record.service_area = areas.get(record.service_area_id)
        record.section = _section(sections, record, section_title, section_order)
        record.approved_values = values.get(record.pk, [])
        record.targets_newest_first = targets.get(record.pk, [])
        record.benchmarks_ordered = benchmarks.get(record.pk, [])
        records.append(record)
    return records


def judgement_records(
    *, period: datetime.date, area: ServiceArea | None = None, judged_only: bool = False
) -> dict[int, JudgementRecord]:
    """Each indicator's (in one area, or all; judged only, or all) newest stored
    judgement on or before `period`, by indicator id, in one query; an indicator with
    none is left out."""
    indicators = _scoped(Indicator.objects.all(), _scope(area, judged_only), "")
    chosen = newest_judgement_ids(indicators, period=period)
    rows = IndicatorJudgement.objects.filter(pk__in=chosen).order_by()  # no joins to sort
    rows = rows.values_list(*JudgementRecord._fields)
    return {row[0]: JudgementRecord(*row) for row in rows}
