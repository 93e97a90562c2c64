"""Did the indicator move the way the action should move it? (issue 12, section 3)

Rules, for one link between an action and an indicator:
- Start: the month the action started, when known (its plan's start), else the month
  the link was made. Figures before that month are "before"; that month and later, "since".
- Nothing is judged while the indicator's polarity is not set, or is "neither"
  (scorecard.domain.polarity): the words say why.
- Expected way: up or down as the link says; "as the polarity says" is up for higher is
  better, down for lower is better, and into the target band for a band; into the band
  is up from below it, down from above it, and staying in it from inside.
- Before, when no monthly figure is held before the start: the previous-year figure the
  council quoted with the first figure since, when the year it describes began before the
  start. Councils publish that comparator on every scorecard, so a plan's first months
  are judged against the council's own "before", said as such.
- Not enough data: no figure since, or no figure before and no previous-year one quoted.
- SPC: the limits are fixed on the figures before the start when there are 12 or more,
  else on every figure. The latest figure since the start flagged special cause decides:
  on the expected side, "moved as expected"; on the other side, "moved the wrong way".
  None flagged: "no signal yet". For staying in a band, a signal whose figure is still
  inside the band is as expected, outside it the wrong way.
- Too few for SPC (fewer than 12 figures in all, or the "before" is the quoted
  previous-year figure): the latest figure since is compared with the latest before. A
  change larger than the indicator's amber tolerance (the distance the council still
  calls near its target: scorecard.domain.rag.tolerance) is a move, the expected way or
  the wrong way; a smaller one is "no signal yet". Staying in a band: inside it is as
  expected, outside by more than the tolerance the wrong way. The words say that the
  judgement rests on the tolerance, not on SPC.
- The target: where the link expects a value by a month, the words say whether the
  latest figure has reached it and whether that month has passed. It explains; it does
  not override the SPC judgement (one figure past a value is not a signal).
"""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from scorecard.domain import spc as spc_rules
from scorecard.domain.periods import add_months
from scorecard.domain.polarity import BAND, HIGHER, LOWER, withheld_because
from scorecard.domain.rag import tolerance

UP, DOWN, INTO_BAND, AS_POLARITY = "up", "down", "band", "polarity"
STAY = "stay"

AS_EXPECTED = "as_expected"
NO_SIGNAL = "no_signal"
WRONG_WAY = "wrong_way"
NOT_ENOUGH = "not_enough_data"
NOT_JUDGED = "not_judged"

VERDICT_WORDS = {
    AS_EXPECTED: "Moved as expected",
    NO_SIGNAL: "No signal yet",
    WRONG_WAY: "Moved the wrong way",
    NOT_ENOUGH: "Not enough data",
    NOT_JUDGED: "Not judged",
}
WAY_WORDS = {UP: "up", DOWN: "down", STAY: "to stay in the target band"}
BY_SPC = "spc"
BY_TOLERANCE = "tolerance"
SIDE_WAY = {spc_rules.HIGH: UP, spc_rules.LOW: DOWN}


@dataclass(frozen=True)
class Figures:
    """The figures on one side of the start: how many, their mean, the latest one.
    `quoted_with` is set when the figure is the previous-year one the council quoted with
    that month's figure, not a monthly figure of its own."""

    count: int
    mean: Decimal
    latest: Decimal
    latest_period: datetime.date
    quoted_with: datetime.date | None = None

    def words(self, show: Callable[[Decimal], str]) -> str:
        if self.quoted_with:
            quoted = f"{self.quoted_with:%B %Y}"
            return f"{show(self.latest)} (the previous year's, as quoted in {quoted})"
        return f"{show(self.latest)} in {self.latest_period:%B %Y}"


@dataclass(frozen=True)
class Impact:
    """The judgement and what it rests on, so it can be explained."""

    verdict: str
    reason: str
    start: datetime.date
    before: Figures | None = None
    since: Figures | None = None
    expected_way: str | None = None
    target_words: str = ""
    basis: str = ""

    @property
    def words(self) -> str:
        return VERDICT_WORDS[self.verdict]


def start_month(action_start: datetime.date | None, linked_on: datetime.date) -> datetime.date:
    """Rule (start): the action's start when known, else the day the link was made; as a month."""
    day = action_start or linked_on
    return day.replace(day=1)


def expected_way(
    direction: str, polarity: str, band: tuple[Decimal, Decimal] | None, before_mean: Decimal
) -> str | None:
    """Rule (expected way): up, down or stay; None when "into the band" has no band."""
    if direction in (UP, DOWN):
        return direction
    if direction == AS_POLARITY and polarity in (HIGHER, LOWER):
        return UP if polarity == HIGHER else DOWN
    if band is None:
        return None
    low, high = band
    return UP if before_mean < low else DOWN if before_mean > high else STAY


def figures(points: Sequence[tuple[datetime.date, Decimal]]) -> Figures | None:
    if not points:
        return None
    values = [value for _, value in points]
    return Figures(len(values), sum(values, Decimal(0)) / len(values), values[-1], points[-1][0])


def target_words(
    *, latest: Figures | None, way: str | None, value: Decimal | None, by, today, show
) -> str:
    """Rule (the target): whether the expected value is reached, and by when."""
    if value is None or latest is None or way not in (UP, DOWN):
        return ""
    reached = latest.latest >= value if way == UP else latest.latest <= value
    when = f" by {by:%B %Y}" if by else ""
    if reached:
        return f"The latest figure, {show(latest.latest)}, has reached the expected {show(value)}."
    late = " That month has passed." if by and today >= _next_month(by) else ""
    latest_words = f"the latest figure is {show(latest.latest)}"
    return f"Expected to reach {show(value)}{when}; {latest_words}.{late}"


def _next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def quoted_before(
    year_earlier: Sequence[tuple[datetime.date, Decimal | None]], start: datetime.date
) -> Figures | None:
    """Rule (before, quoted): the previous-year figure quoted with the first month since
    the start whose year earlier began before the start."""
    for period, value in year_earlier:
        if value is not None and period >= start and add_months(period, -12) < start:
            return Figures(1, value, value, add_months(period, -12), quoted_with=period)
    return None


def judge_impact(
    *,
    series: Sequence[tuple[datetime.date, Decimal | None]],
    polarity: str,
    direction: str,
    start: datetime.date,
    today: datetime.date,
    band: tuple[Decimal, Decimal] | None = None,
    expected_value: Decimal | None = None,
    expected_by: datetime.date | None = None,
    show: Callable[[Decimal], str] = str,
    year_earlier: Sequence[tuple[datetime.date, Decimal | None]] = (),
    is_percentage: bool = False,
    own_tolerance: Decimal | None = None,
) -> Impact:
    """The impact of one link (module docstring has every rule). `series` is the
    indicator's approved figures, oldest first; a missing figure (None) is left out.
    `year_earlier` is the previous-year figure quoted with each month, where one was."""
    withheld = withheld_because(polarity)
    if withheld:
        return Impact(NOT_JUDGED, withheld, start)
    present = [(period, value) for period, value in series if value is not None]
    since = figures([p for p in present if p[0] >= start])
    before = figures([p for p in present if p[0] < start]) or quoted_before(year_earlier, start)
    if before is None or since is None:
        reason = (
            f"There is no figure since {start:%B %Y}, when the action started."
            if since is None
            else f"There is no figure before {start:%B %Y}, when the action started, and "
            "no previous-year figure was quoted."
        )
        return Impact(NOT_ENOUGH, reason, start, before, since)
    way = expected_way(direction, polarity if polarity != BAND else "", band, before.mean)
    base = {"start": start, "before": before, "since": since, "expected_way": way}
    base["target_words"] = target_words(
        latest=since, way=way, value=expected_value, by=expected_by, today=today, show=show
    )
    if way is None:
        return Impact(NOT_ENOUGH, "There is no target band for it to move into.", **base)
    if before.quoted_with or len(present) < spc_rules.MIN_POINTS:
        allowed = tolerance(is_percentage=is_percentage, figure=before.latest, own=own_tolerance)
        amount = _points if is_percentage else show
        return _tolerance_verdict(
            len(present), allowed, band=band, show=show, amount=amount, **base
        )
    return _spc_verdict(present, band=band, polarity=polarity, **base)


def _points(change: Decimal) -> str:
    """A difference between two percentages, in percentage points."""
    return f"{change.normalize():f} point{'' if change == 1 else 's'}"


def _tolerance_verdict(count, allowed, *, band, show, amount, **base) -> Impact:
    """Rule (too few for SPC): the latest since against the latest before, by the tolerance."""
    before, since, way = base["before"], base["since"], base["expected_way"]
    change = since.latest - before.latest
    moved = UP if change > 0 else DOWN if change < 0 else None
    if way == STAY:
        outside = max(band[0] - since.latest, since.latest - band[1], Decimal(0))
        verdict = AS_EXPECTED if not outside else NO_SIGNAL if outside <= allowed else WRONG_WAY
    elif abs(change) <= allowed:
        verdict = NO_SIGNAL
    else:
        verdict = AS_EXPECTED if moved == way else WRONG_WAY
    went = f"{moved} {amount(abs(change))}" if moved else "no change"
    few = (
        f"{count} monthly figure{'' if count == 1 else 's'}, fewer than the "
        f"{spc_rules.MIN_POINTS} SPC needs"
        if count < spc_rules.MIN_POINTS
        else "No monthly figure before the start"
    )
    reason = (
        f"{few}, so this is judged by the amber tolerance of {amount(allowed)}, not by SPC: "
        f"from {before.words(show)} to {since.words(show)}, {went}; "
        f"it was expected to move {WAY_WORDS[way]}."
    )
    return Impact(verdict, reason, basis=BY_TOLERANCE, **base)


def _spc_verdict(present, *, band, polarity, **base) -> Impact:
    """Rule (SPC): limits on the figures before, or on every figure; the latest signal since."""
    start, way = base["start"], base["expected_way"]
    if len(present) < spc_rules.MIN_POINTS:
        reason = f"{spc_rules.not_enough_data(len(present))} in all."
        return Impact(NOT_ENOUGH, reason, **base)
    before_count = base["before"].count
    fixed = before_count >= spc_rules.MIN_POINTS
    result = spc_rules.spc(
        [value for _, value in present],
        polarity=polarity,
        periods=[period for period, _ in present],
        baseline=(0, before_count - 1) if fixed else None,
    )
    limits = f"the {before_count} figures before {start:%B %Y}" if fixed else "every figure"
    signals = [p for p in result.points if p.period >= start and p.special_cause]
    if not signals:
        reason = f"No figure since {start:%B %Y} is a special cause against limits from {limits}."
        return Impact(NO_SIGNAL, reason, basis=BY_SPC, **base)
    latest = signals[-1]
    moved = SIDE_WAY[latest.side]
    if way == STAY:
        kept = band[0] <= latest.value <= band[1]
        verdict = AS_EXPECTED if kept else WRONG_WAY
    else:
        verdict = AS_EXPECTED if moved == way else WRONG_WAY
    rules = ", ".join(latest.rules)
    reason = (
        f"{latest.period:%B %Y} is a special cause, {latest.side} ({rules}), against limits "
        f"from {limits}: it moved {moved}, and was expected to move {WAY_WORDS[way]}."
    )
    return Impact(verdict, reason, basis=BY_SPC, **base)
