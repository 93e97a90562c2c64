"""Reading a scorecard target as the council writes it.

Rules (docs: formats/scorecard.md): "85%", "552", "16" is a single figure, and whether
above or below is better is the indicator's polarity; "85-90%", "16-18" is a band;
"<7%", ">65%", "<=5", ">=90%" is a bound, and a bound fixes the polarity: below a
maximum is better ("lower"), above a minimum is better ("higher"). A strict "<7%" and
"<=7%" are both kept as a maximum of 7; the written text keeps the difference.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from scorecard.domain.values import parse_value

SINGLE = "single"
BAND = "band"
MIN = "min"
MAX = "max"

HIGHER = "higher"
LOWER = "lower"

BOUND_RE = re.compile(r"^(?P<op><=|>=|=<|=>|≤|≥|<|>)\s*(?P<figure>.+)$")
BAND_RE = re.compile(r"^(?P<low>[^-–]+?)\s*(?:-|–|to)\s*(?P<high>[^-–]+)$")
AT_MOST = ("<", "<=", "=<", "≤")


@dataclass(frozen=True)
class TargetReading:
    written: str
    kind: str = ""
    low: Decimal | None = None
    high: Decimal | None = None
    is_percentage: bool = False
    polarity: str = ""
    error: str = ""


def parse_target(written: str) -> TargetReading | None:
    """Reads a target cell; None for an empty cell. Unreadable text comes back with `error`."""
    text = " ".join((written or "").split())
    if not text:
        return None
    bound = BOUND_RE.match(text)
    if bound:
        return _bound(text, bound.group("op"), bound.group("figure"))
    band = BAND_RE.match(text)
    if band:
        return _band(text, band.group("low"), band.group("high"))
    figure = parse_value(text)
    if figure.value is None:
        return TargetReading(written=text, error=f'Target "{text}" cannot be read.')
    return TargetReading(
        written=text, kind=SINGLE, low=figure.value, high=figure.value,
        is_percentage=figure.is_percentage,
    )  # fmt: skip


def _bound(text: str, operator: str, figure_text: str) -> TargetReading:
    figure = parse_value(figure_text)
    if figure.value is None:
        return TargetReading(written=text, error=f'Target "{text}" cannot be read.')
    if operator in AT_MOST:
        return TargetReading(
            written=text, kind=MAX, high=figure.value, is_percentage=figure.is_percentage,
            polarity=LOWER,
        )  # fmt: skip
    return TargetReading(
        written=text, kind=MIN, low=figure.value, is_percentage=figure.is_percentage,
        polarity=HIGHER,
    )  # fmt: skip


def _band(text: str, low_text: str, high_text: str) -> TargetReading:
    """A band: "85-90%" (the % on the high end covers both), "16-18"."""
    low, high = parse_value(low_text), parse_value(high_text)
    if low.value is None or high.value is None or low.value > high.value:
        return TargetReading(written=text, error=f'Target "{text}" cannot be read as a band.')
    return TargetReading(
        written=text, kind=BAND, low=low.value, high=high.value,
        is_percentage=low.is_percentage or high.is_percentage,
    )  # fmt: skip
