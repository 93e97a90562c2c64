"""Reads for the scorecard pages: a service area's month, the overview and exceptions.

Each runs a fixed number of queries whatever the number of indicators: the indicators,
their areas, sections, approved values, targets and benchmarks read light
(scorecard.selectors.light: plain records, not models), plus the area's head of
service and commentary; RAG and direction are judged in Python (selectors.rows), SPC is
read from the stored judgements (scorecard.models.IndicatorJudgement).

Rules:
- Head of service: the area's head_of_service post and whoever holds it today
  (governance.selectors.current_holdings); acting holders are marked.
- Commentary: the area's commentary for the month, only when approved.
- Overview: per area, how many indicators are Red, Amber, Green or have no RAG
  (scorecard.selectors.rags, read light).
- Exceptions: an indicator is an exception for the month when it is Red, worsening on
  its previous period (scorecard.domain.periods), or its month's SPC point is special cause concern.
  An indicator expected in the month with no approved figure is a "No figure" exception
  (scorecard.selectors.completeness.no_figure_rows), which the pages count with these.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, replace

from django.db.models import QuerySet

from governance.models import PostHolder
from governance.selectors import current_holdings
from scorecard.domain.direction import WORSENING
from scorecard.domain.rag import RED
from scorecard.domain.spc import CONCERN
from scorecard.models import Commentary, Section, ServiceArea
from scorecard.selectors.light import indicator_records, judgement_records
from scorecard.selectors.months import add_months
from scorecard.selectors.rags import rag_counts
from scorecard.selectors.rows import ScorecardRow, judged_months, months_shown, scorecard_row
from scorecard.selectors.spc import stored_spc

RED_REASON, WORSENING_REASON, CONCERN_REASON = "red", "worsening", "concern"


@dataclass(frozen=True)
class RowGroup:
    """A section of a service area's table (section None: indicators not in one)."""

    section: Section | None
    rows: list[ScorecardRow]


@dataclass(frozen=True)
class AreaMonth:
    area: ServiceArea
    period: datetime.date
    groups: list[RowGroup]
    head_holders: list[PostHolder]
    commentary: Commentary | None


@dataclass(frozen=True)
class AreaCounts:
    area: ServiceArea
    head_holders: list[PostHolder]
    indicators: int
    rag: Counter


@dataclass(frozen=True)
class ExceptionRow:
    row: ScorecardRow
    reasons: tuple[str, ...]


def holders_by_post(post_ids, *, today: datetime.date) -> dict[int, list[PostHolder]]:
    """Who holds each post today, in one query."""
    found: dict[int, list[PostHolder]] = {}
    holders = (
        PostHolder.objects.filter(current_holdings(today=today), post_id__in=post_ids)
        .select_related("person")
        .order_by("post_id", "-start_date")
    )
    for holder in holders:
        found.setdefault(holder.post_id, []).append(holder)
    return found


def _groups(rows: list[ScorecardRow]) -> list[RowGroup]:
    groups: list[RowGroup] = []
    for row in rows:
        if not groups or groups[-1].section != row.indicator.section:
            groups.append(RowGroup(row.indicator.section, []))
        groups[-1].rows.append(row)
    return groups


def area_month(
    area: ServiceArea,
    *,
    period: datetime.date,
    today: datetime.date,
    with_spc: bool,
    with_benchmarks: bool = True,
) -> AreaMonth:
    """A service area's table for a month, in sections, with head of service and
    approved commentary (module docstring): only the months the table shows and those
    RAG, direction and the previous year compare (seven of the 13 to a year before), SPC
    the stored judgements (scorecard.selectors.light.judgement_records), and without
    benchmarks for a table that does not show them."""
    shown = {*months_shown(period), *judged_months(period)}
    indicators = indicator_records(
        period=period, since=min(shown), only=shown, with_benchmarks=with_benchmarks, area=area
    )
    stored = judgement_records(period=period, area=area) if with_spc else None
    rows = [scorecard_row(i, period=period, history=None, judgements=stored) for i in indicators]
    holders = holders_by_post([area.head_of_service_id], today=today)
    commentary = Commentary.objects.filter(
        service_area=area, period=period, state=Commentary.State.APPROVED
    ).first()
    return AreaMonth(
        area, period, _groups(rows), holders.get(area.head_of_service_id, []), commentary
    )


def areas_in_order() -> QuerySet[ServiceArea]:
    return ServiceArea.objects.select_related("head_of_service").order_by("order", "prefix")


def overview(*, period: datetime.date, today: datetime.date) -> list[AreaCounts]:
    """Every service area in order with its count of indicators by RAG for the month."""
    areas = list(areas_in_order())
    found = rag_counts(period=period)
    counts = {area.pk: found.get(area.pk, Counter()) for area in areas}
    holders = holders_by_post([a.head_of_service_id for a in areas], today=today)
    return [
        AreaCounts(
            area,
            holders.get(area.head_of_service_id, []),
            sum(counts[area.pk].values()),
            counts[area.pk],
        )
        for area in areas
    ]


def exception_reasons(row: ScorecardRow) -> tuple[str, ...]:
    """Why a row is an exception, strongest first (module docstring); () when it is not."""
    latest = row.spc.latest if row.spc is not None else None
    concern = latest is not None and latest.period == row.period and latest.label == CONCERN
    return _reasons(row, concern=concern)


def _reasons(row: ScorecardRow, *, concern: bool) -> tuple[str, ...]:
    reasons = []
    if row.judgement.rag.rag == RED:
        reasons.append(RED_REASON)
    travel = row.judgement.on_previous_period
    if travel is not None and travel.judgement == WORSENING:
        reasons.append(WORSENING_REASON)
    if concern:
        reasons.append(CONCERN_REASON)
    return tuple(reasons)


def _stored_concern(judgement, period: datetime.date) -> bool:
    """exception_reasons()'s SPC rule read from a stored judgement itself: its latest
    point is the month's, and a special cause concern."""
    return judgement is not None and judgement.point_period == period and judgement.label == CONCERN


def exceptions(
    *, period: datetime.date, with_spc: bool
) -> list[tuple[ServiceArea, list[ExceptionRow]]]:
    """Exceptions for the month across all areas, grouped by area in the areas' order.
    Only indicators whose polarity is judged are read: Red, worsening and concern are
    judgements, never given without a known better (scorecard.domain.polarity). Each
    exception's SPC (stored_spc) is made for it alone, not for every indicator."""
    stored = judgement_records(period=period, judged_only=True) if with_spc else None
    by_area: dict[int, tuple[ServiceArea, list[ExceptionRow]]] = {}
    indicators = indicator_records(
        period=period, since=add_months(period, -12), only=judged_months(period),
        with_benchmarks=False, judged_only=True,
    )  # fmt: skip
    for indicator in indicators:
        row = scorecard_row(indicator, period=period, history=None)
        judgement = stored.get(indicator.pk) if stored is not None else None
        reasons = _reasons(row, concern=_stored_concern(judgement, period))
        if reasons:
            if stored is not None:
                row = replace(row, spc=stored_spc(judgement, indicator, row.target))
            area = indicator.service_area
            by_area.setdefault(area.pk, (area, []))[1].append(ExceptionRow(row, reasons))
    return sorted(by_area.values(), key=lambda item: (item[0].order, item[0].prefix))
