"""Statistical process control, after NHS England's "Making Data Count" (XmR chart).

Rules:
- Limits: the mean of the baseline points, the moving ranges |x_i - x_(i-1)| between
  consecutive baseline points, their mean, and limits at mean ± 2.66 × mean moving
  range. Two-thirds of the way to each limit is mean ± (2/3) × 2.66 × mean moving range.
- Baseline: all points, or a fixed range of them (by index or by period); limits from the
  baseline are extended over the later points.
- Not enough data: fewer than 12 points (in the baseline, when fixed) gives no limits.
- Missing values (None) are skipped, never read as zero.
- Special cause, over every point against the baseline's limits:
  a point outside a limit; 7 points in a row on one side of the mean (all 7 flagged;
  a point on the mean breaks the run); 7 points in a row rising or falling (all flagged;
  an equal value breaks the trend); 2 of 3 points beyond two-thirds of the way to a
  limit on the same side (the points beyond flagged).
- Side: a flagged point is "high" or "low" by its strongest rule (outside a limit, then
  2 of 3, then run, then trend; a rising trend is high).
- Label: "common cause" when not flagged; by polarity, higher is better: high is
  "improvement", low "concern"; lower is better the reverse; within a band,
  neither or not set: "neutral" (never improvement or concern without a known better).
- Variation icon: from the latest point. Assurance icon: the target's passing range
  against the limits: consistently passing when every value between the limits passes,
  consistently failing when none does, hit and miss otherwise; none without a target,
  without limits, or for polarity neither or not set.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from scorecard.domain.polarity import is_judged

MIN_POINTS = 12
RUN_LENGTH = 7
TREND_LENGTH = 7
SCALING = Decimal("2.66")
TWO_THIRDS = Decimal(2) / Decimal(3)

COMMON_CAUSE = "common cause"
IMPROVEMENT = "improvement"
CONCERN = "concern"
NEUTRAL = "neutral"
HIGH, LOW = "high", "low"
OUTSIDE, TWO_OF_THREE, RUN, TREND = "outside a limit", "2 of 3 near a limit", "run", "trend"
RULE_STRENGTH = (OUTSIDE, TWO_OF_THREE, RUN, TREND)

HIGHER, LOWER = "higher", "lower"
PASSING, FAILING, HIT_AND_MISS = "passing", "failing", "hit_and_miss"


@dataclass(frozen=True)
class Icon:
    """An SPC icon: `code` for drawing it, `words` to say what it means, `letter` on it."""

    code: str
    words: str
    letter: str = ""


@dataclass(frozen=True)
class Limits:
    mean: Decimal
    mean_moving_range: Decimal
    lower: Decimal
    upper: Decimal
    lower_two_thirds: Decimal
    upper_two_thirds: Decimal


@dataclass(frozen=True)
class SpcPoint:
    """One reported value. `index` is its position in the series given (missing ones too)."""

    index: int
    period: Any
    value: Decimal
    label: str = COMMON_CAUSE
    side: str | None = None
    rules: tuple[str, ...] = ()
    in_baseline: bool = True

    @property
    def special_cause(self) -> bool:
        return bool(self.rules)

    @property
    def words(self) -> str:
        """The point in words: "common cause", "special cause concern" and so on."""
        return COMMON_CAUSE if not self.rules else f"special cause {self.label}"


@dataclass(frozen=True)
class SpcResult:
    """The chart's figures and judgements. `limits` is None when there is not enough data,
    and then `message` says why; `variation` and `assurance` may be None."""

    points: tuple[SpcPoint, ...]
    limits: Limits | None
    variation: Icon | None
    assurance: Icon | None
    message: str = ""
    baseline: tuple[int, int] | None = None

    @property
    def enough_data(self) -> bool:
        return self.limits is not None

    @property
    def latest(self) -> SpcPoint | None:
        return self.points[-1] if self.points else None


def as_decimal(value: Decimal | float | int) -> Decimal:
    """A number as a Decimal; a float through its shortest text, so 78.1 stays 78.1."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def xmr_limits(values: Sequence[Decimal]) -> Limits:
    """Mean, mean moving range and limits at mean ± 2.66 × mean moving range (rule: limits)."""
    mean = sum(values, Decimal(0)) / len(values)
    ranges = [abs(b - a) for a, b in zip(values, values[1:], strict=False)]
    mr_bar = sum(ranges, Decimal(0)) / len(ranges) if ranges else Decimal(0)
    return limits_around(mean, mr_bar)


def limits_around(mean: Decimal, mr_bar: Decimal) -> Limits:
    """The limits at mean ± 2.66 × mean moving range, and two-thirds of the way to each."""
    spread = SCALING * mr_bar
    return Limits(
        mean=mean,
        mean_moving_range=mr_bar,
        lower=mean - spread,
        upper=mean + spread,
        lower_two_thirds=mean - spread * TWO_THIRDS,
        upper_two_thirds=mean + spread * TWO_THIRDS,
    )


def outside_limits(values: Sequence[Decimal], limits: Limits) -> dict[int, str]:
    """Rule: a point above the upper or below the lower limit."""
    flags = {}
    for i, value in enumerate(values):
        if value > limits.upper:
            flags[i] = HIGH
        elif value < limits.lower:
            flags[i] = LOW
    return flags


def runs(values: Sequence[Decimal], mean: Decimal, length: int = RUN_LENGTH) -> dict[int, str]:
    """Rule: `length` or more points in a row on one side of the mean, all flagged.
    A point on the mean breaks the run."""
    sides = [HIGH if v > mean else LOW if v < mean else None for v in values]
    return _streaks(sides, length, lambda i: [i])


def trends(values: Sequence[Decimal], length: int = TREND_LENGTH) -> dict[int, str]:
    """Rule: `length` or more points in a row each higher (or each lower) than the one
    before, all flagged; an equal value breaks the trend. Rising is high."""
    steps = [None] + [
        HIGH if b > a else LOW if b < a else None for a, b in zip(values, values[1:], strict=False)
    ]
    # A trend of n points is n - 1 steps the same way; each step flags its two points.
    return _streaks(steps, length - 1, lambda i: [i - 1, i])


def _streaks(marks: Sequence[str | None], length: int, points_of) -> dict[int, str]:
    """Flags every position in a streak of at least `length` equal, non-None marks."""
    flags: dict[int, str] = {}
    start = 0
    for i in range(1, len(marks) + 1):
        if i < len(marks) and marks[i] == marks[start]:
            continue
        if marks[start] is not None and i - start >= length:
            for position in range(start, i):
                flags.update(dict.fromkeys(points_of(position), marks[start]))
        start = i
    return flags


def two_of_three(values: Sequence[Decimal], limits: Limits) -> dict[int, str]:
    """Rule: 2 of 3 points in a row beyond two-thirds of the way to a limit on the same
    side; the points beyond are flagged (the third, nearer the mean, is not)."""
    beyond = [
        HIGH if v > limits.upper_two_thirds else LOW if v < limits.lower_two_thirds else None
        for v in values
    ]
    flags: dict[int, str] = {}
    for start in range(len(values) - 2):
        for side in (HIGH, LOW):
            window = [i for i in range(start, start + 3) if beyond[i] == side]
            if len(window) >= 2:
                flags.update(dict.fromkeys(window, side))
    return flags


def label_for(side: str | None, polarity: str) -> str:
    """Rule: label by polarity; a point with no side is common cause."""
    if side is None:
        return COMMON_CAUSE
    if polarity == HIGHER:
        return IMPROVEMENT if side == HIGH else CONCERN
    if polarity == LOWER:
        return IMPROVEMENT if side == LOW else CONCERN
    return NEUTRAL


def judge_points(values: Sequence[Decimal], limits: Limits) -> list[tuple[str | None, tuple]]:
    """For each point, its side and the rules that flag it, strongest rule first."""
    found = {
        OUTSIDE: outside_limits(values, limits),
        TWO_OF_THREE: two_of_three(values, limits),
        RUN: runs(values, limits.mean),
        TREND: trends(values),
    }
    judged = []
    for i in range(len(values)):
        rules = tuple(rule for rule in RULE_STRENGTH if i in found[rule])
        judged.append((found[rules[0]][i] if rules else None, rules))
    return judged


VARIATION_WORDS = {
    COMMON_CAUSE: "Common cause variation",
    IMPROVEMENT: "Special cause variation: improvement",
    CONCERN: "Special cause variation: concern",
    NEUTRAL: "Special cause variation: neither improvement nor concern",
}
SIDE_WORDS = {HIGH: "high", LOW: "low"}


def variation_icon(latest: SpcPoint | None) -> Icon | None:
    """Rule: the variation icon is the latest point's label and side."""
    if latest is None:
        return None
    if latest.side is None:
        return Icon("common_cause", VARIATION_WORDS[COMMON_CAUSE], "")
    code = f"{'neither' if latest.label == NEUTRAL else latest.label}_{latest.side}"
    words = f"{VARIATION_WORDS[latest.label]} ({SIDE_WORDS[latest.side]} values)"
    return Icon(code, words, "H" if latest.side == HIGH else "L")


ASSURANCE = {
    PASSING: Icon(PASSING, "Consistently passing the target", "P"),
    FAILING: Icon(FAILING, "Consistently failing the target", "F"),
    HIT_AND_MISS: Icon(HIT_AND_MISS, "Hit and miss: will sometimes pass and sometimes fail", "?"),
}


def assurance_icon(
    limits: Limits | None,
    *,
    passing_low: Decimal | None,
    passing_high: Decimal | None,
    polarity: str,
) -> Icon | None:
    """Rule: assurance from the target's passing range (at least `passing_low`, at most
    `passing_high`) against the limits. Every value between the limits passes:
    consistently passing; none does: consistently failing; else hit and miss. None
    without limits, without a target, or for polarity neither or not set
    (scorecard.domain.polarity: nothing is judged without a known better)."""
    if limits is None or not is_judged(polarity) or (passing_low is None and passing_high is None):
        return None
    low_ok = passing_low is None or limits.lower >= passing_low
    high_ok = passing_high is None or limits.upper <= passing_high
    if low_ok and high_ok:
        return ASSURANCE[PASSING]
    above = passing_high is not None and limits.lower > passing_high
    below = passing_low is not None and limits.upper < passing_low
    return ASSURANCE[FAILING] if above or below else ASSURANCE[HIT_AND_MISS]


def baseline_by_period(periods: Sequence[Any], start: Any = None, end: Any = None) -> tuple:
    """The (first, last) indices of the periods from `start` to `end` inclusive, either
    open; for fixing a baseline by period (rule: baseline). None when none fall in it."""
    inside = [
        i
        for i, period in enumerate(periods)
        if (start is None or period >= start) and (end is None or period <= end)
    ]
    return (inside[0], inside[-1]) if inside else None


def not_enough_data(count: int, *, fixed: bool = False) -> str:
    """Rule: the words shown instead of limits when there are fewer than 12 points."""
    where = " in the fixed baseline" if fixed else ""
    return f"Not enough data: SPC needs at least {MIN_POINTS} points{where}; there are {count}"


def spc(
    values: Sequence[Decimal | float | int | None],
    *,
    polarity: str,
    periods: Sequence[Any] | None = None,
    baseline: tuple[int, int] | None = None,
    passing_low: Decimal | float | None = None,
    passing_high: Decimal | float | None = None,
) -> SpcResult:
    """The XmR chart of a series (module docstring has every rule). `baseline` is the
    (first, last) index into `values`, inclusive, of the points that fix the limits."""
    periods = list(periods) if periods is not None else [None] * len(values)
    present = [(i, as_decimal(v)) for i, v in enumerate(values) if v is not None]
    numbers = [v for _, v in present]
    first, last = baseline if baseline is not None else (0, len(values) - 1)
    base = [v for i, v in present if first <= i <= last]
    if len(base) < MIN_POINTS:
        plain = [SpcPoint(i, periods[i], v) for i, v in present]
        message = not_enough_data(len(base), fixed=baseline is not None)
        return SpcResult(tuple(plain), None, None, None, message, baseline)
    limits = xmr_limits(base)
    points = tuple(
        SpcPoint(i, periods[i], v, label_for(side, polarity), side, rules, first <= i <= last)
        for (i, v), (side, rules) in zip(present, judge_points(numbers, limits), strict=True)
    )
    assurance = assurance_icon(
        limits,
        passing_low=None if passing_low is None else as_decimal(passing_low),
        passing_high=None if passing_high is None else as_decimal(passing_high),
        polarity=polarity,
    )
    return SpcResult(points, limits, variation_icon(points[-1]), assurance, "", baseline)
