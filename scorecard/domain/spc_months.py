"""The SPC judgement of each month of a series, as spc() gives it for the series up to
that month, without running spc() once per month (issue 13: stored judgements).

Rules (the rules themselves are scorecard.domain.spc's, unchanged):
- Month k's judgement is spc() of the values up to and including k: its limits (from
  the baseline points held by then), its message when there is not enough data, and
  its latest point: label, side and rules.
- A fixed baseline (baseline_from, baseline_to) is found among the periods held by then
  (domain.spc.baseline_by_period); one holding none leaves the limits to every point.
- Every rule flags the latest point from the points just before it only: outside a
  limit (itself), 2 of 3 (the two before), a run of 7 and a trend of 7 points (the six
  before). So the latest point is judged on its last TAIL points against the limits:
  the same answer as over the whole series, at a fraction of the work.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from scorecard.domain.spc import (
    MIN_POINTS,
    RUN_LENGTH,
    TREND_LENGTH,
    Limits,
    SpcPoint,
    as_decimal,
    baseline_by_period,
    judge_points,
    label_for,
    limits_around,
    not_enough_data,
    xmr_limits,
)

TAIL = max(RUN_LENGTH, TREND_LENGTH, 3) + 1


@dataclass(frozen=True)
class MonthSpc:
    """SPC as of one month: limits (None without enough data, then `message` says why),
    the fixed baseline's (first, last) indices, and the latest point (None: no figures)."""

    period: Any
    limits: Limits | None
    message: str
    baseline: tuple[int, int] | None
    latest: SpcPoint | None


def _baseline(periods, upto: int, start, end) -> tuple[int, int] | None:
    if start is None and end is None:
        return None
    return baseline_by_period(periods[: upto + 1], start, end)


def month_spc(
    values: Sequence[Decimal | None],
    periods: Sequence[Any],
    upto: int,
    *,
    polarity: str,
    baseline_from=None,
    baseline_to=None,
) -> MonthSpc:
    """The judgement of month `upto` (an index into `values`): spc() of values[:upto + 1]."""
    baseline = _baseline(periods, upto, baseline_from, baseline_to)
    first, last = baseline if baseline is not None else (0, upto)
    present = [(i, as_decimal(v)) for i, v in enumerate(values[: upto + 1]) if v is not None]
    base = [v for i, v in present if first <= i <= last]
    if len(base) < MIN_POINTS:
        latest = None
        if present:
            latest = SpcPoint(present[-1][0], periods[present[-1][0]], present[-1][1])
        message = not_enough_data(len(base), fixed=baseline is not None)
        return MonthSpc(periods[upto], None, message, baseline, latest)
    limits = xmr_limits(base)
    index, value = present[-1]
    side, rules = judge_points([v for _, v in present[-TAIL:]], limits)[-1]
    latest = SpcPoint(
        index, periods[index], value, label_for(side, polarity), side, rules,
        first <= index <= last,
    )  # fmt: skip
    return MonthSpc(periods[upto], limits, "", baseline, latest)


def _judged(present, periods, limits: Limits, polarity: str) -> SpcPoint:
    """The latest of `present` judged against `limits` on its last TAIL points."""
    index, value = present[-1]
    side, rules = judge_points([v for _, v in present[-TAIL:]], limits)[-1]
    return SpcPoint(index, periods[index], value, label_for(side, polarity), side, rules)


def _running(values, periods, *, polarity: str) -> list[MonthSpc]:
    """Every month's judgement without a fixed baseline: the limits from running sums of
    the points and of their moving ranges, the same Decimal sums xmr_limits() makes in
    the same order (exact: figures have at most four decimal places)."""
    present = [(i, as_decimal(v)) for i, v in enumerate(values) if v is not None]
    judged, held, total, ranges = [], 0, Decimal(0), Decimal(0)
    for upto in range(len(values)):
        while held < len(present) and present[held][0] <= upto:
            total += present[held][1]
            if held:
                ranges += abs(present[held][1] - present[held - 1][1])
            held += 1
        if held < MIN_POINTS:
            latest = SpcPoint(present[held - 1][0], periods[present[held - 1][0]],
                              present[held - 1][1]) if held else None  # fmt: skip
            judged.append(MonthSpc(periods[upto], None, not_enough_data(held), None, latest))
            continue
        limits = limits_around(total / held, ranges / (held - 1))
        latest = _judged(present[max(0, held - TAIL) : held], periods, limits, polarity)
        judged.append(MonthSpc(periods[upto], limits, "", None, latest))
    return judged


def months_spc(
    values: Sequence[Decimal | None],
    periods: Sequence[Any],
    *,
    polarity: str,
    baseline_from=None,
    baseline_to=None,
) -> list[MonthSpc]:
    """Every month's judgement of a series (oldest first), one per value given: from
    running sums without a fixed baseline, else month by month (month_spc)."""
    if baseline_from is None and baseline_to is None:
        return _running(values, periods, polarity=polarity)
    return [
        month_spc(
            values, periods, upto, polarity=polarity,
            baseline_from=baseline_from, baseline_to=baseline_to,
        )
        for upto in range(len(values))
    ]  # fmt: skip
