"""Which month a scorecard page shows.

Rules:
- A month is asked for as ?period=YYYY-MM ("2023-06").
- The scorecard pages offer every month holding any figure, approved or not, newest
  first (scorecard.selectors.completeness.months_with_figures): a month whose figures
  wait for approval is offered, and says so in its completeness line. months_held()
  (months with an approved value) stays for the pack's choice of month.
- No month asked for: the opening month the page gives (the latest complete month,
  scorecard.domain.completeness.opening_month), naming it; else the latest month held.
  A malformed month, or one with no figures, falls back to the same month, and the
  page says why.
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
    """The month shown (None when no month has figures yet), the months held newest
    first, when the month asked for could not be shown, why in words, and when no
    month was asked for, the words naming the month opened on."""

    period: datetime.date | None
    held: tuple[datetime.date, ...]
    problem: str = ""
    opened: str = ""


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
    """A month as the query string writes it: "2023-06" (without strftime: the month
    pickers write every month held)."""
    return f"{period.year:04d}-{period.month:02d}"


def approved_values(area: ServiceArea | None = None) -> QuerySet[IndicatorValue]:
    values = IndicatorValue.objects.filter(state=IndicatorValue.State.APPROVED)
    return values.filter(indicator__service_area=area) if area is not None else values


def months_held(area: ServiceArea | None = None) -> tuple[datetime.date, ...]:
    """Months with at least one approved value (in one area, or anywhere), newest first.
    Periods are stored as the first day of their month, so distinct periods are months."""
    periods = approved_values(area).order_by("-period").values_list("period", flat=True)
    return tuple(periods.distinct())


def choose_month(
    asked: str | None,
    held: tuple[datetime.date, ...],
    *,
    opening: datetime.date | None = None,
    opening_words: str = "",
) -> MonthChoice:
    """The month to show for ?period=`asked` (module docstring); `opening` and its words
    when no month, or no month held, is asked for."""
    if opening is None:
        opening = held[0] if held else None
        opening_words = ""
    if not asked:
        return MonthChoice(opening, held, opened=opening_words)
    period = parse_period(asked)
    if period is not None and period in held:
        return MonthChoice(period, held)
    if period is None:
        why = f"“{asked[:20]}” is not a month written as year and month, such as 2023-06."
    else:
        why = f"There are no figures for {date_format(period, 'F Y')}."
    if opening is None:
        return MonthChoice(None, held, why)
    showing = opening_words or f"Showing {date_format(opening, 'F Y')}, the latest month held."
    return MonthChoice(opening, held, f"{why} {showing}")
