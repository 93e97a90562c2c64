"""The SPC chart's time axis (scorecard.charts): where each point stands in time.

Rule: a point stands at its month, not at its place in the series, so a month with no
figure is a gap: the line never joins two points with an expected figure between them.
Figures are expected every `step` months (1 monthly, 3 quarterly, 12 annual), from the
indicator's frequency, else from the two nearest points. A series without months is
placed by index, as before.
"""

import datetime
import math
from dataclasses import dataclass

MAX_X_LABELS = 12
LABEL_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)


@dataclass(frozen=True)
class Timeline:
    """Where each point stands in time. `places` are months counted from year 0 (or the
    points' indices when the series has no months); `step` is how far apart figures are
    expected (1 monthly, 3 quarterly), so a longer distance is a gap."""

    places: tuple[int, ...]
    step: int
    dated: bool

    def joined(self, before: int, after: int) -> bool:
        """Rule: two points are joined by the line only when no expected figure lies
        between them."""
        return after - before <= self.step

    def missing(self) -> list[int]:
        """The places between the first and last point where a figure was expected."""
        if not self.places:
            return []
        held = set(self.places)
        expected = range(self.places[0], self.places[-1] + 1, self.step)
        return [place for place in expected if place not in held]


def month_number(period) -> int:
    return period.year * 12 + period.month - 1


def month_of(number: int) -> datetime.date:
    return datetime.date(number // 12, number % 12 + 1, 1)


def timeline(points, months_apart: int | None = None) -> Timeline:
    """The points placed by month when every one has a month, else by index. Without
    `months_apart` (the indicator's frequency in months), the nearest two points say
    how far apart figures come."""
    dated = bool(points) and all(hasattr(p.period, "year") for p in points)
    places = tuple(month_number(p.period) if dated else p.index for p in points)
    gaps = [b - a for a, b in zip(places, places[1:], strict=False) if b > a]
    step = months_apart or (min(gaps) if gaps else 1)
    return Timeline(places, step, dated)


def missing_months(points, months_apart: int | None = None) -> list[datetime.date]:
    """The months between the first and last point with no figure (none without months)."""
    time = timeline(points, months_apart)
    return [month_of(place) for place in time.missing()] if time.dated else []


def x_labels(first: int, last: int, time: Timeline) -> list[tuple[int, str]]:
    """The x axis's labels: with months, every month when at most 12 fit, else every
    2, 3, 6 or 12 months on the calendar (January, April...); without, positions."""
    if not time.dated:
        every = math.ceil(len(time.places) / MAX_X_LABELS)
        final = len(time.places) - 1
        return [
            (place, str(place + 1))
            for position, place in enumerate(time.places)
            if position % every == 0 or position == final
        ]
    span = last - first + 1
    every = next((n for n in LABEL_STEPS if math.ceil(span / n) <= MAX_X_LABELS), 120)
    months = range(first, last + 1)
    if every > 1:
        months = [m for m in months if m % every == 0] or [first]
    return [(m, month_of(m).strftime("%b %y")) for m in months]
