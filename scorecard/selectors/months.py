"""Which month a scorecard page shows.

Rules:
- A month is asked for as ?period=YYYY-MM ("2023-06").
- The months offered are those holding at least one approved value (only approved
  values reach the scorecard), newest first.
- No month asked for: the latest month held. A malformed month, or one with no
  approved values, falls back to the latest month held, and the page says why.
"""

import datetime
import re
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.formats import date_format

from scorecard.domain.periods import add_months
from scorecard.models import IndicatorValue, ServiceArea

__all__ = ["MonthChoice", "add_months", "choose_month", "months_held", "parse_period"]

PERIOD_RE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")


@dataclass(frozen=True)
class MonthChoice:
    """The month shown (None when nothing is approved yet), the months held newest
    first, and, when the month asked for could not be shown, why in words."""

    period: datetime.date | None
    held: tuple[datetime.date, ...]
    problem: str = ""


def parse_period(text: str | None) -> datetime.date | None:
    """A YYYY-MM month as its first day, or None when the text is not one."""
    match = PERIOD_RE.match((text or "").strip())
    if not match:
        return None
    try:
        return datetime.date(int(match["year"]), int(match["month"]), 1)
    except ValueError:  # month 00 or 13, year 0000
        return None


def period_param(period: datetime.date) -> str:
    """A month as the query string writes it: "2023-06"."""
    return f"{period:%Y-%m}"


def approved_values(area: ServiceArea | None = None) -> QuerySet[IndicatorValue]:
    values = IndicatorValue.objects.filter(state=IndicatorValue.State.APPROVED)
    return values.filter(indicator__service_area=area) if area is not None else values


def months_held(area: ServiceArea | None = None) -> tuple[datetime.date, ...]:
    """Months with at least one approved value (in one area, or anywhere), newest first.
    Periods are stored as the first day of their month, so distinct periods are months."""
    periods = approved_values(area).order_by("-period").values_list("period", flat=True)
    return tuple(periods.distinct())


def choose_month(asked: str | None, held: tuple[datetime.date, ...]) -> MonthChoice:
    """The month to show for ?period=`asked` (module docstring)."""
    latest = held[0] if held else None
    if not asked:
        return MonthChoice(latest, held)
    period = parse_period(asked)
    if period is not None and period in held:
        return MonthChoice(period, held)
    if period is None:
        why = f"“{asked[:20]}” is not a month written as year and month, such as 2023-06."
    else:
        why = f"There are no approved figures for {date_format(period, 'F Y')}."
    if latest is None:
        return MonthChoice(None, held, why)
    showing = f" Showing {date_format(latest, 'F Y')}, the latest month with approved figures."
    return MonthChoice(latest, held, why + showing)
