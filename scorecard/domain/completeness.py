"""Completeness before judgement (issue 12, section 2): which figures a month expects,
how many of them are approved or explained, and which month the scorecard opens on.

Rules:
- Expected: an indicator is expected in a month from when it started: the month of its
  first figure (of any state: an entered draft counts) or, if earlier, the month before
  the one it was added in (on the 3rd of December the returns being made are
  November's, so an indicator added then is first expected for November). One with no
  figure and no record of when it was added is expected from the newest month with any
  figure. From then, in the months its frequency reports:
  - monthly: every month;
  - quarterly: every third month counted from its first figure, as its direction of
    travel compares each figure with the one three months before
    (scorecard.domain.periods.previous_period); before any figure, the financial
    year's quarter ends: June, September, December and March;
  - annual: every twelfth month from its first figure; before any, March.
  Before any figure at all, nothing is expected.
- Each expected figure is counted once, by what is held for the month:
  - approved: an approved figure with a value;
  - explained (missing with a reason): an approved figure with no value and a reason;
  - waiting: a figure entered but not yet approved (draft or submitted, with a value or
    a reason): someone has to approve it;
  - unexplained (missing without one): nothing held, or an approved figure with neither
    a value nor a reason.
- A month is complete when every expected figure is approved or explained, and it
  expects at least one figure. A judgement read from an incomplete month would pass
  over the figures it lacks, so the scorecard opens on the latest complete month.
- "No figure" (an exception): an expected indicator with no approved value, for
  whatever reason, since nothing can be judged for it.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from scorecard.domain.periods import PERIOD_MONTHS, add_months

APPROVED, EXPLAINED, WAITING, UNEXPLAINED = "approved", "explained", "waiting", "unexplained"
APPROVED_STATE = "approved"
QUARTER_ENDS = frozenset({3, 6, 9, 12})  # the financial year's quarters end Jun, Sep, Dec, Mar
YEAR_END = 3  # the financial year ends in March


def months_between(start: datetime.date, end: datetime.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def started(
    *,
    first_figure: datetime.date | None,
    added: datetime.date | None,
    newest_month: datetime.date | None,
) -> datetime.date | None:
    """Rule "Expected": the first month an indicator is expected in, before its
    frequency is applied; None when it is expected nowhere yet."""
    starts = [first_figure] if first_figure is not None else []
    if added is not None:
        starts.append(add_months(added.replace(day=1), -1))
    if not starts:
        return newest_month
    return min(starts)


def is_expected(
    period: datetime.date,
    *,
    frequency: str,
    first_figure: datetime.date | None,
    added: datetime.date | None = None,
    newest_month: datetime.date | None = None,
) -> bool:
    """Rule "Expected" (module docstring): whether an indicator reported at `frequency`,
    whose first figure is for `first_figure` (None: never had one), added on `added`
    (None: not known), is expected in `period`, when `newest_month` is the newest month
    holding any figure."""
    start = started(first_figure=first_figure, added=added, newest_month=newest_month)
    if start is None or period < start:
        return False
    every = PERIOD_MONTHS.get(frequency, 1)
    if every == 1:
        return True
    if first_figure is not None:
        return months_between(first_figure, period) % every == 0
    if every == 3:
        return period.month in QUARTER_ENDS
    return period.month == YEAR_END


@dataclass(frozen=True)
class Held:
    """What is held for an indicator and month: the figure's state, and whether it has a
    value and a reason it is missing."""

    state: str
    has_value: bool
    has_reason: bool


def figure_status(held: Held | None) -> str:
    """Rule "counted once" (module docstring): approved, explained, waiting or
    unexplained."""
    if held is None:
        return UNEXPLAINED
    if held.state != APPROVED_STATE:
        return WAITING
    if held.has_value:
        return APPROVED
    return EXPLAINED if held.has_reason else UNEXPLAINED


@dataclass(frozen=True)
class Completeness:
    """A month's expected figures counted by status (in one service area, or all)."""

    period: datetime.date
    expected: int = 0
    approved: int = 0
    explained: int = 0
    waiting: int = 0
    unexplained: int = 0

    @property
    def complete(self) -> bool:
        """Rule "complete" (module docstring)."""
        return self.expected > 0 and self.lacking == 0

    @property
    def lacking(self) -> int:
        """Expected figures neither approved nor explained."""
        return self.waiting + self.unexplained

    @property
    def without_figure(self) -> int:
        """Expected figures with no approved value: the "No figure" exceptions."""
        return self.expected - self.approved

    @property
    def words(self) -> str:
        return completeness_in_words(self)

    @property
    def lacking_words(self) -> str:
        return lacking_in_words(self)


def count(period: datetime.date, statuses: Iterable[str]) -> Completeness:
    """The month's completeness from the status of each expected figure."""
    found = {APPROVED: 0, EXPLAINED: 0, WAITING: 0, UNEXPLAINED: 0}
    for status in statuses:
        found[status] += 1
    return Completeness(period, expected=sum(found.values()), **found)


def latest_complete(months: Sequence[Completeness]) -> Completeness | None:
    """The newest complete month of `months` (any order); None when none is complete."""
    complete = [month for month in months if month.complete]
    return max(complete, key=lambda month: month.period) if complete else None


def month_in_words(period: datetime.date) -> str:
    """ "June 2023"."""
    return f"{period:%B} {period.year}"


def figures(n: int) -> str:
    return f"{n} figure" if n == 1 else f"{n} figures"


def completeness_in_words(month: Completeness) -> str:
    """The month's counts in a sentence: "June 2023: 120 of 126 expected figures
    approved; 3 submitted and waiting approval; 2 missing with a reason; 1 missing
    without one." Parts that are 0 are left out, except the approved count."""
    name = month_in_words(month.period)
    if month.expected == 0:
        return f"{name}: no figures are expected."
    noun = "figure" if month.expected == 1 else "figures"
    parts = [f"{month.approved} of {month.expected} expected {noun} approved"]
    if month.waiting:
        parts.append(f"{month.waiting} entered and waiting approval")
    if month.explained:
        parts.append(f"{month.explained} missing with a reason")
    if month.unexplained:
        parts.append(f"{month.unexplained} missing without one")
    return f"{name}: {'; '.join(parts)}."


def lacking_in_words(month: Completeness) -> str:
    """What keeps a month from being complete: "lacks 125 figures (1 waiting approval,
    124 missing without a reason)"; "complete" when nothing is lacking."""
    if month.complete:
        return "every expected figure approved or explained"
    if month.expected == 0:
        return "no figures expected"
    parts = []
    if month.waiting:
        parts.append(f"{month.waiting} waiting approval")
    if month.unexplained:
        parts.append(f"{month.unexplained} missing without a reason")
    return f"lacks {figures(month.lacking)} ({', '.join(parts)})"


def no_figure_in_words(status: str, reason: str = "") -> str:
    """Why an expected indicator is a "No figure" exception, in words."""
    if status == EXPLAINED:
        return f"No figure: missing, with the reason “{' '.join(reason.split())}”"
    if status == WAITING:
        return "No figure: entered, not yet approved"
    return "No figure: none entered, and no reason given"


@dataclass(frozen=True)
class Opening:
    """The month a scorecard page shows when none is asked for, and why in words."""

    period: datetime.date | None
    words: str


def opening_month(months: Sequence[Completeness]) -> Opening:
    """Rule: with no month asked for, the scorecard opens on the latest complete month,
    naming it; when no month is complete, on the latest month with figures, saying no
    month is complete; with no figures at all, on none."""
    complete = latest_complete(months)
    if complete is not None:
        name = month_in_words(complete.period)
        return Opening(
            complete.period,
            f"Showing {name}, the latest month with every figure approved or explained.",
        )
    if not months:
        return Opening(None, "")
    latest = max(month.period for month in months)
    return Opening(
        latest,
        f"No month yet has every expected figure approved or explained. Showing "
        f"{month_in_words(latest)}, the latest month with figures.",
    )


def later_months(months: Sequence[Completeness], period: datetime.date) -> list[Completeness]:
    """The months after `period`, newest first: those a page names with what they lack."""
    later = [month for month in months if month.period > period]
    return sorted(later, key=lambda month: month.period, reverse=True)
