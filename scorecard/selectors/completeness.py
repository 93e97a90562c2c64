"""Reads for completeness before judgement (scorecard.domain.completeness has the rules).

Each read runs a fixed number of queries whatever the number of indicators, figures or
months: the indicators with the month of their first figure (one query), the newest
month holding any figure (one), and the figures of the months asked for (one). A page
counts only the months it shows (scorecard_months, CountedMonths), not every month held.

- month_completeness / completeness_by_month: a month's expected figures counted by
  status, in all service areas or one, and per service area.
- months_with_figures: every month holding any figure (of any state), newest first:
  the month picker's months.
- opening: the month a page shows when none is asked for (the latest complete month).
- no_figure_rows: the "No figure" exceptions, by service area.
"""

import datetime
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Exists, Max, OuterRef, Q, Subquery
from django.utils import timezone

from scorecard.domain import completeness as rules
from scorecard.domain.completeness import Completeness, Held, Opening
from scorecard.models import Indicator, IndicatorValue, ServiceArea


@dataclass(frozen=True)
class MonthCompleteness:
    """A month's completeness in all the areas read, and per service area (by id)."""

    total: Completeness
    by_area: dict[int, Completeness] = field(default_factory=dict)


@dataclass(frozen=True)
class NoFigure:
    """An expected indicator with no approved value for the month, and what is held."""

    indicator: Indicator
    status: str
    held: IndicatorValue | None

    @property
    def words(self) -> str:
        reason = self.held.missing_reason if self.held is not None else ""
        return rules.no_figure_in_words(self.status, reason)


def indicators_with_first_figure(area: ServiceArea | None = None):
    """Indicators (in one area, or all) with `first_figure`: the month of their first
    figure of any state, None when they have none; and `added_at`: when the indicator
    was added, from its history (None when not recorded)."""
    added = Indicator.history.model.objects.filter(id=OuterRef("pk"), history_type="+")
    first = IndicatorValue.objects.filter(indicator_id=OuterRef("pk")).order_by("period")
    indicators = Indicator.objects.annotate(
        # the first figure's month through the (indicator, period) index, not a GROUP BY
        first_figure=Subquery(first.values("period")[:1]),
        added_at=Subquery(added.order_by("history_date").values("history_date")[:1]),
    )
    return indicators.filter(service_area=area) if area is not None else indicators


def added_on(added_at: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(added_at) if added_at is not None else None


def newest_month() -> datetime.date | None:
    """The newest month holding any figure, in any area."""
    return IndicatorValue.objects.aggregate(newest=Max("period"))["newest"]


# Every month held, newest first, as a loose index scan: each step asks the (period,
# state) index for the newest month before the last one found, so the database reads
# one index entry a month instead of every figure held (issue 13). Portable SQL: SQLite
# and PostgreSQL both run recursive common table expressions.
MONTHS_HELD_SQL = """
WITH RECURSIVE held(period) AS (
    SELECT MAX(period) FROM {table}
    UNION ALL
    SELECT (SELECT MAX(v.period) FROM {table} v WHERE v.period < held.period)
    FROM held WHERE held.period IS NOT NULL
)
SELECT period FROM held WHERE period IS NOT NULL ORDER BY period DESC
"""


def months_with_figures(area: ServiceArea | None = None) -> tuple[datetime.date, ...]:
    """Every month holding any figure (in one area, or anywhere), newest first."""
    if area is not None:
        values = IndicatorValue.objects.filter(indicator__service_area=area)
        return tuple(values.order_by("-period").values_list("period", flat=True).distinct())
    period = IndicatorValue._meta.get_field("period")
    with connection.cursor() as cursor:
        cursor.execute(MONTHS_HELD_SQL.format(table=IndicatorValue._meta.db_table))
        return tuple(period.to_python(month) for (month,) in cursor.fetchall())


def held_figures(periods, area: ServiceArea | None = None) -> dict[tuple, Held]:
    """What is held for each (indicator id, month) of `periods`, in one query."""
    values = IndicatorValue.objects.filter(period__in=list(periods))
    if area is not None:
        values = values.filter(indicator__service_area=area)
    rows = values.order_by().values_list(  # unordered: the models' order joins two tables
        "indicator_id", "period", "state", "value", "missing_reason"
    )
    return {
        (pk, period): Held(state, value is not None, bool(reason.strip()))
        for pk, period, state, value, reason in rows.iterator(chunk_size=5000)
    }


def _indicator_facts(area: ServiceArea | None) -> list[tuple]:
    """(id, area id, frequency, first figure's month, added on) of each indicator (in one
    area, or all), the day added worked out once, not once a month counted. One query."""
    rows = (
        indicators_with_first_figure(area)
        .order_by()  # unordered: the model's order joins the areas and sorts
        .values_list("pk", "service_area_id", "frequency", "first_figure", "added_at")
    )
    return [(*facts, added_on(added_at)) for *facts, added_at in rows]


def completeness_by_month(
    periods, *, area: ServiceArea | None = None
) -> dict[datetime.date, MonthCompleteness]:
    """Each month of `periods` counted (scorecard.domain.completeness), in all areas or
    `area`, and per service area; three queries however many months and indicators."""
    periods = sorted(set(periods))
    indicators = _indicator_facts(area)
    newest = newest_month() if periods else None
    held = held_figures(periods, area) if periods else {}
    found = {}
    for period in periods:
        statuses: dict[int, list[str]] = defaultdict(list)
        for pk, area_id, frequency, first, added in indicators:
            if rules.is_expected(
                period, frequency=frequency, first_figure=first, added=added, newest_month=newest
            ):
                statuses[area_id].append(rules.figure_status(held.get((pk, period))))
        found[period] = MonthCompleteness(
            rules.count(period, (s for area_statuses in statuses.values() for s in area_statuses)),
            {area_id: rules.count(period, found_here) for area_id, found_here in statuses.items()},
        )
    return found


def month_completeness(
    period: datetime.date, *, area: ServiceArea | None = None
) -> MonthCompleteness:
    """One month's completeness, in all areas or `area`, and per service area."""
    return completeness_by_month([period], area=area)[period]


RECENT = 3  # the newest months counted first: the opening month is usually among them


class CountedMonths(Mapping):
    """Each month held (newest first) to its completeness, counted when first asked for
    and in batches (completeness_by_month, three queries a batch), so a page counts the
    few months it shows rather than every month held (issue 13)."""

    def __init__(self, held: tuple[datetime.date, ...], area: ServiceArea | None):
        self.held, self.area, self._known = held, area, set(held)
        self._counted: dict[datetime.date, MonthCompleteness] = {}

    def count(self, periods) -> None:
        """Counts, in one batch, those of `periods` held and not counted yet."""
        missing = [p for p in periods if p in self._known and p not in self._counted]
        if missing:
            self._counted |= completeness_by_month(missing, area=self.area)

    def __getitem__(self, period: datetime.date) -> MonthCompleteness:
        if period not in self._known:
            raise KeyError(period)
        self.count([period])
        return self._counted[period]

    def __iter__(self):
        return iter(self.held)

    def __len__(self) -> int:
        return len(self.held)

    def values(self) -> list[MonthCompleteness]:
        self.count(self.held)
        return [self._counted[period] for period in self.held]


def _opening(months: CountedMonths) -> Opening:
    """Rule: the latest complete month (rules.opening_month). Counted over the newest
    RECENT months first: a complete one among them is the latest; else over them all."""
    recent = months.held[:RECENT]
    months.count(recent)
    found = [months[period].total for period in recent]
    if any(month.complete for month in found) or len(recent) == len(months):
        return rules.opening_month(found)
    return rules.opening_month([month.total for month in months.values()])


@dataclass(frozen=True)
class ScorecardMonths:
    """The months a scorecard page offers (newest first), each month's completeness
    (counted when asked for: CountedMonths), and the month it opens on when none is
    asked for."""

    held: tuple[datetime.date, ...]
    months: CountedMonths
    opening: Opening

    def later_than(self, period: datetime.date | None) -> list[Completeness]:
        """The months after `period`, newest first, each with what it lacks."""
        if period is None:
            return []
        later = [month for month in self.held if month > period]
        self.months.count(later)
        return rules.later_months([self.months[month].total for month in later], period)


def scorecard_months(area: ServiceArea | None = None) -> ScorecardMonths:
    """Every month with figures (one query), and the opening month: the latest complete
    one (scorecard.domain.completeness.opening_month), counting the newest months first
    (three queries more when one of them is complete)."""
    held = months_with_figures(area)
    months = CountedMonths(held, area)
    return ScorecardMonths(held, months, _opening(months))


def _figure_at(period: datetime.date) -> Q:
    """An approved figure with a value: the only thing that is not "No figure"."""
    return Q(period=period, state=IndicatorValue.State.APPROVED, value__isnull=False)


def no_figure_rows(
    period: datetime.date, *, area: ServiceArea | None = None
) -> list[tuple[ServiceArea, list[NoFigure]]]:
    """Indicators expected in the month with no approved value ("No figure"), each with
    what is held, grouped by service area in the areas' order; three queries. Only the
    indicators without an approved figure, and what they hold, are read (an approved
    figure is never "No figure": rules.figure_status)."""
    approved = IndicatorValue.objects.filter(_figure_at(period), indicator_id=OuterRef("pk"))
    indicators = (
        indicators_with_first_figure(area)
        .filter(~Exists(approved))
        .select_related("service_area")
        .order_by("service_area__order", "service_area__prefix", "order", "ref")
    )
    newest = newest_month()
    values = IndicatorValue.objects.filter(period=period).exclude(_figure_at(period))
    if area is not None:
        values = values.filter(indicator__service_area=area)
    held = {value.indicator_id: value for value in values.order_by()}
    by_area: dict[int, tuple[ServiceArea, list[NoFigure]]] = {}
    for indicator in indicators:
        if not rules.is_expected(
            period,
            frequency=indicator.frequency,
            first_figure=indicator.first_figure,
            added=added_on(indicator.added_at),
            newest_month=newest,
        ):
            continue
        value = held.get(indicator.pk)
        status = rules.figure_status(_held(value))
        if status != rules.APPROVED:
            entry = by_area.setdefault(indicator.service_area_id, (indicator.service_area, []))
            entry[1].append(NoFigure(indicator, status, value))
    return list(by_area.values())


def _held(value: IndicatorValue | None) -> Held | None:
    if value is None:
        return None
    return Held(value.state, value.value is not None, bool(value.missing_reason.strip()))
