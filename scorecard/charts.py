"""SPC charts drawn on the server as SVG, for the indicator page and the PDF pack.

The SVG uses presentation attributes only (no CSS, no script), so WeasyPrint draws it
as the browser does. Every text put into it is escaped. It is for sighted readers:
`role="img"` with a title and a description in words, and a data table beside it
(templates/scorecard/includes/spc_chart.html) is the accessible equivalent.

Points are told apart by shape as well as colour (GOV.UK palette): common cause a small
grey dot, improvement a blue dot in a ring, concern an orange square with a dark edge,
neither a purple diamond.

The horizontal axis is time: a point stands at its month, not at its place in the
series, so months with no figure show as a gap with no line across it, and the axis is
ticked by month. The data table lists those months too, each saying "No figure".
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from scorecard.chart_timeline import Timeline, missing_months, timeline, x_labels
from scorecard.domain import spc as rules
from scorecard.tables import format_value, month_in_words

WIDTH, HEIGHT = 760, 400
LEFT, RIGHT, TOP, BOTTOM, PAD = 64, 664, 20, 300, 12
INK, GREY, BLUE, DARK_BLUE = "#0b0c0c", "#505a5f", "#1d70b8", "#003078"
ORANGE, PURPLE, GREEN, LIGHT_GREEN = "#f47738", "#4c2c92", "#00703c", "#cce2d8"
FONT = {"font-family": "Arial, Helvetica, sans-serif", "font-size": "12", "fill": INK}
NO_FIGURE = "No figure"
LEGEND = (
    (rules.COMMON_CAUSE, "Common cause"),
    (rules.IMPROVEMENT, "Special cause improvement"),
    (rules.CONCERN, "Special cause concern"),
    (rules.NEUTRAL, "Special cause neither"),
)


@dataclass(frozen=True)
class ChartTarget:
    """The target in force: as written, and the bounds to draw (None: not drawn)."""

    written: str
    low: Decimal | None = None
    high: Decimal | None = None


@dataclass(frozen=True)
class ChartRow:
    """One row of the data table beside the chart."""

    period: str
    value: str
    label: str
    mean: str
    lower: str
    upper: str


@dataclass(frozen=True)
class SpcChart:
    svg: SafeString
    summary: str
    rows: list[ChartRow] = field(default_factory=list)
    message: str = ""


def element(tag: str, text: str | None = None, **attrs) -> str:
    """An SVG element; attribute names take "-" for "_"; text and values are escaped."""
    written = "".join(
        f' {name.rstrip("_").replace("_", "-")}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not None
    )
    if text is None:
        return f"<{tag}{written}/>"
    return f"<{tag}{written}>{escape(text)}</{tag}>"


def nice_step(span: float, ticks: int = 5) -> float:
    """A tick step of 1, 2, 2.5 or 5 times a power of ten, giving about `ticks` ticks."""
    raw = span / ticks if span > 0 else 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def y_ticks(numbers: list[float]) -> list[float]:
    """Ticks spanning every number drawn, on a nice step."""
    low, high = min(numbers), max(numbers)
    if low == high:
        low, high = low - 1, high + 1
    step = nice_step(high - low)
    first, last = math.floor(low / step), math.ceil(high / step)
    return [round(i * step, 10) for i in range(first, last + 1)]


class Scale:
    """Maps a point's place in time and a value to the plot area."""

    def __init__(self, places: tuple[int, ...], ticks: list[float]):
        self.first, self.last = min(places), max(places)
        self.low, self.high = ticks[0], ticks[-1]

    def x(self, place: int) -> float:
        """Points from PAD inside the left axis to PAD inside the right end."""
        if self.last == self.first:
            return (LEFT + RIGHT) / 2
        share = (place - self.first) / (self.last - self.first)
        return LEFT + PAD + share * (RIGHT - LEFT - 2 * PAD)

    def y(self, value: float) -> float:
        return BOTTOM - (value - self.low) / (self.high - self.low) * (BOTTOM - TOP)


def number(value: Decimal | None, places: int) -> str:
    """A mean or limit in words and tables: the indicator's places (at least one)."""
    if value is None:
        return "Not calculated"
    return format_value(value, unit="count", decimal_places=max(places, 1))


def marker(label: str, x: float, y: float) -> str:
    """A point's marker: shape and colour both say its label."""
    if label == rules.IMPROVEMENT:
        return element("circle", cx=f"{x:.1f}", cy=f"{y:.1f}", r="7", fill="none",
                       stroke=BLUE, stroke_width="2") + element(
            "circle", cx=f"{x:.1f}", cy=f"{y:.1f}", r="4", fill=BLUE, stroke=DARK_BLUE)  # fmt: skip
    if label == rules.CONCERN:
        return element("rect", x=f"{x - 5:.1f}", y=f"{y - 5:.1f}", width="10", height="10",
                       fill=ORANGE, stroke=INK, stroke_width="1.5")  # fmt: skip
    if label == rules.NEUTRAL:
        points = f"{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} {x - 6:.1f},{y:.1f}"
        return element("polygon", points=points, fill=PURPLE, stroke=INK, stroke_width="1")
    return element("circle", cx=f"{x:.1f}", cy=f"{y:.1f}", r="3", fill=GREY)


def draw_grid(scale: Scale, ticks: list[float]) -> list[str]:
    """Pale gridlines at the y ticks, drawn first so every line lies over them."""
    return [horizontal(scale.y(tick), "#dddddd", width="1") for tick in ticks]


def draw_axes(scale: Scale, ticks: list[float], time: Timeline) -> list[str]:
    """The y axis with its ticks, and the x axis with month labels (at most 12)."""
    parts = [
        element("line", x1=LEFT, y1=TOP, x2=LEFT, y2=BOTTOM, stroke=INK),
        element("line", x1=LEFT, y1=BOTTOM, x2=RIGHT, y2=BOTTOM, stroke=INK),
    ]
    step = Decimal(str(round(ticks[1] - ticks[0], 10))) if len(ticks) > 1 else Decimal(1)
    tick_places = max(0, -step.normalize().as_tuple().exponent)
    for tick in ticks:
        y = scale.y(tick)
        parts.append(
            element("line", x1=LEFT - 5, y1=f"{y:.1f}", x2=LEFT, y2=f"{y:.1f}", stroke=INK)
        )
        parts.append(element("text", f"{tick:,.{tick_places}f}", x=LEFT - 8, y=f"{y + 4:.1f}",
                             text_anchor="end", **FONT))  # fmt: skip
    for place, label in x_labels(scale.first, scale.last, time):
        x = f"{scale.x(place):.1f}"
        parts.append(element("line", x1=x, y1=BOTTOM, x2=x, y2=BOTTOM + 5, stroke=INK))
        parts.append(element("text", label, x=x, y=BOTTOM + 20, text_anchor="middle", **FONT))
    return parts


def horizontal(y: float, stroke: str, dash: str | None = None, width="1.5") -> str:
    """A line across the plot."""
    return element("line", x1=LEFT, y1=f"{y:.1f}", x2=RIGHT, y2=f"{y:.1f}", stroke=stroke,
                   stroke_width=width, stroke_dasharray=dash)  # fmt: skip


def has_bounds(target: ChartTarget | None) -> bool:
    return target is not None and (target.low is not None or target.high is not None)


def draw_target(scale: Scale, target: ChartTarget | None) -> list[str]:
    """A band as a pale green area edged in green; a single bound as a green line."""
    if not has_bounds(target):
        return []
    if target.low is not None and target.high is not None and target.low != target.high:
        top, bottom = scale.y(float(target.high)), scale.y(float(target.low))
        return [
            element("rect", x=LEFT, y=f"{top:.1f}", width=RIGHT - LEFT,
                    height=f"{bottom - top:.1f}", fill=LIGHT_GREEN),
            horizontal(top, GREEN, width="1"),
            horizontal(bottom, GREEN, width="1"),
        ]  # fmt: skip
    bound = target.low if target.low is not None else target.high
    return [horizontal(scale.y(float(bound)), GREEN, width="2")]


def draw_limits(scale: Scale, limits: rules.Limits | None) -> list[str]:
    """The mean (solid) and the two process limits (dashed)."""
    if limits is None:
        return []
    return [
        horizontal(scale.y(float(limits.upper)), GREY, dash="6 4"),
        horizontal(scale.y(float(limits.mean)), INK),
        horizontal(scale.y(float(limits.lower)), GREY, dash="6 4"),
    ]


def draw_line_names(scale: Scale, limits, target, gap: float = 14) -> list[str]:
    """Each line's name at its right-hand end, pushed apart so none overlap."""
    names = []
    if limits is not None:
        names += [
            (limits.upper, "Upper limit"),
            (limits.mean, "Mean"),
            (limits.lower, "Lower limit"),
        ]
    if has_bounds(target):
        names.append((target.high if target.high is not None else target.low, "Target"))
    placed: list[tuple[float, str]] = []
    for y, name in sorted((scale.y(float(v)) + 4, name) for v, name in names):
        y = max(y, placed[-1][0] + gap) if placed else y
        placed.append((y, name))
    return [element("text", name, x=RIGHT + 6, y=f"{y:.1f}", **FONT) for y, name in placed]


def draw_values(scale: Scale, points, time: Timeline) -> list[str]:
    """The values joined by a line, broken where an expected figure is missing (no line
    joins across a gap), then the markers."""
    placed = list(zip(time.places, points, strict=True))
    parts, run = [], []
    for place, point in placed:
        if run and not time.joined(run[-1][0], place):
            parts.append(_polyline(scale, run))
            run = []
        run.append((place, point))
    parts.append(_polyline(scale, run))
    for place, point in placed:
        parts.append(marker(point.label, scale.x(place), scale.y(float(point.value))))
    return parts


def _polyline(scale: Scale, run) -> str:
    coordinates = " ".join(f"{scale.x(x):.1f},{scale.y(float(p.value)):.1f}" for x, p in run)
    return element("polyline", points=coordinates, fill="none", stroke=GREY, stroke_width="1.5")


def draw_legend(points, limits, target, *, gaps: bool = False) -> list[str]:
    """A key below the plot: each label shown, the lines drawn, and what a gap means."""
    shown = {p.label for p in points}
    parts, x, y = [], LEFT, BOTTOM + 52
    for label, words in LEGEND if limits else [(rules.COMMON_CAUSE, "Value (not judged)")]:
        if label in shown:
            parts += [
                marker(label, x + 6, y - 4),
                element("text", words, x=f"{x + 18:.1f}", y=y, **FONT),
            ]
            x += 40 + 6.8 * len(words)
    y += 24
    x = LEFT
    keys = [(INK, None, "Mean"), (GREY, "6 4", "Process limits")] if limits else []
    keys += [(GREEN, None, "Target")] if has_bounds(target) else []
    for stroke, dash, words in keys:
        parts += [
            element("line", x1=f"{x:.1f}", y1=y - 4, x2=f"{x + 24:.1f}", y2=y - 4, stroke=stroke,
                    stroke_width="2", stroke_dasharray=dash),
            element("text", words, x=f"{x + 30:.1f}", y=y, **FONT),
        ]  # fmt: skip
        x += 50 + 6.8 * len(words)
    if gaps:
        parts.append(element("text", "A gap in the line: no figure that month", x=f"{x:.1f}",
                             y=y, **FONT))  # fmt: skip
    return parts


def summary(result: rules.SpcResult, *, unit: str, places: int, target, months_apart=None) -> str:
    """The chart in words: "June 2023: 78.1%, special cause concern; mean 70.2, limits
    55.0 to 85.4; target 85-90%", then the months with no figure, if any."""
    latest = result.latest
    if latest is None:
        return "No values to chart."
    when = month_in_words(latest.period) if hasattr(latest.period, "year") else "Latest"
    shown = format_value(latest.value, unit=unit, decimal_places=places)
    parts = [f"{when}: {shown}" + (f", {latest.words}" if result.enough_data else "")]
    if result.limits is not None:
        limits = result.limits
        parts.append(
            f"mean {number(limits.mean, places)}, limits {number(limits.lower, places)} "
            f"to {number(limits.upper, places)}"
        )
    else:
        parts.append(result.message)
    parts.append(f"target {target.written}" if target and target.written else "no target")
    gaps = missing_months(result.points, months_apart)
    if gaps:
        parts.append("no figure for " + ", ".join(month_in_words(month) for month in gaps))
    return "; ".join(parts)


def missing_rows(result, *, months_apart, reasons: Mapping) -> list[tuple]:
    """A row for each month with no figure between the first and last point: "No figure",
    and why when the reason is known (`reasons`: month to words)."""
    rows = []
    for month in missing_months(result.points, months_apart):
        why = reasons.get(month)
        label = f"Not charted: {why}" if why else "Not charted: no approved figure"
        rows.append((month, ChartRow(month_in_words(month), NO_FIGURE, label, "", "", "")))
    return rows


def table_rows(
    result: rules.SpcResult, *, unit: str, places: int, months_apart=None, reasons=None
) -> list[ChartRow]:
    """The data table: each point's month, value, label (with the rules), mean and limits;
    and each month with no figure, in its place."""
    rows = point_rows(result, unit=unit, places=places)
    gaps = missing_rows(result, months_apart=months_apart, reasons=reasons or {})
    if not gaps:
        return rows
    dated = [(point.period, row) for point, row in zip(result.points, rows, strict=True)]
    return [row for _, row in sorted(dated + gaps, key=lambda pair: pair[0])]


def point_rows(result: rules.SpcResult, *, unit: str, places: int) -> list[ChartRow]:
    """Each point's row of the data table."""
    limits = result.limits
    rows = []
    for point in result.points:
        label = point.words.capitalize() if limits else "Not judged"
        if point.rules:
            label += f" ({', '.join(point.rules)})"
        rows.append(
            ChartRow(
                period=month_in_words(point.period) if hasattr(point.period, "year") else "",
                value=format_value(point.value, unit=unit, decimal_places=places),
                label=label,
                mean=number(limits.mean if limits else None, places),
                lower=number(limits.lower if limits else None, places),
                upper=number(limits.upper if limits else None, places),
            )
        )
    return rows


def draw_svg(result, *, target, chart_id: str, title: str, description: str, time) -> str:
    """The whole SVG: title and description for assistive technology, then the drawing."""
    points, limits = result.points, result.limits
    drawn = [float(p.value) for p in points]
    if limits is not None:
        drawn += [float(limits.lower), float(limits.upper)]
    drawn += [float(b) for b in (target.low, target.high) if b is not None] if target else []
    ticks = y_ticks(drawn)
    scale = Scale(time.places, ticks)
    body = [
        element("title", title, id=f"{chart_id}-title"),
        element("desc", description, id=f"{chart_id}-desc"),
        element("rect", x=0, y=0, width=WIDTH, height=HEIGHT, fill="#ffffff"),
        *draw_grid(scale, ticks),
        *draw_target(scale, target),
        *draw_axes(scale, ticks, time),
        *draw_limits(scale, limits),
        *draw_line_names(scale, limits, target),
        *draw_values(scale, points, time),
        *draw_legend(points, limits, target, gaps=bool(time.missing())),
    ]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" preserveAspectRatio="xMidYMid meet" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc">'
        + "".join(body)
        + "</svg>"
    )


def spc_chart(
    result: rules.SpcResult,
    *,
    unit: str,
    decimal_places: int,
    title: str,
    target: ChartTarget | None = None,
    chart_id: str = "spc-chart",
    months_apart: int | None = None,
    reasons: Mapping | None = None,
) -> SpcChart:
    """The chart, its summary in words and its data table. No points: no drawing.
    `months_apart`: how often figures come (1 monthly, 3 quarterly; unset, the nearest
    two points say); `reasons`: month to why its figure is missing, in words."""
    words = summary(
        result, unit=unit, places=decimal_places, target=target, months_apart=months_apart
    )
    rows = table_rows(
        result, unit=unit, places=decimal_places, months_apart=months_apart, reasons=reasons
    )
    if not result.points:
        return SpcChart(mark_safe(""), words, rows, result.message)
    time = timeline(result.points, months_apart)
    svg = draw_svg(
        result, target=target, chart_id=chart_id, title=title, description=words, time=time
    )
    return SpcChart(mark_safe(svg), words, rows, result.message)  # noqa: S308 (all escaped)
