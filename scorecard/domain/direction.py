"""Direction of travel, judged by polarity rather than typed in as an arrow.

- Higher is better: up is improving, down is worsening.
- Lower is better: down is improving, up is worsening.
- Within a band: moving closer to the band (or staying inside it) is improving,
  moving further out is worsening.
- Neither, or polarity not set: up or down, with no judgement.
Equal values, compared at the indicator's decimal places, are "no change". With no
previous value there is no direction.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

UP, DOWN, SAME = "up", "down", "same"
IMPROVING, WORSENING, NO_CHANGE = "improving", "worsening", "no change"
ARROWS = {UP: "↑", DOWN: "↓", SAME: "↔"}


@dataclass(frozen=True)
class Direction:
    movement: str
    judgement: str | None

    @property
    def arrow(self) -> str:
        return ARROWS[self.movement]

    @property
    def words(self) -> str:
        if self.movement == SAME:
            return "No change"
        moved = "Up" if self.movement == UP else "Down"
        return f"{moved}, {self.judgement}" if self.judgement else moved


def _rounded(number: Decimal, places: int) -> Decimal:
    return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _distance_to_band(value: Decimal, low: Decimal | None, high: Decimal | None) -> Decimal:
    if low is not None and value < low:
        return low - value
    if high is not None and value > high:
        return value - high
    return Decimal(0)


def direction_of_travel(
    *,
    current: Decimal | None,
    previous: Decimal | None,
    polarity: str,
    decimal_places: int = 1,
    band: tuple[Decimal | None, Decimal | None] = (None, None),
) -> Direction | None:
    """The movement from `previous` to `current` and whether it is better (module docstring)."""
    if current is None or previous is None:
        return None
    now, before = _rounded(current, decimal_places), _rounded(previous, decimal_places)
    if now == before:
        return Direction(SAME, NO_CHANGE)
    movement = UP if now > before else DOWN
    if polarity == "higher":
        return Direction(movement, IMPROVING if movement == UP else WORSENING)
    if polarity == "lower":
        return Direction(movement, IMPROVING if movement == DOWN else WORSENING)
    if polarity == "band" and band != (None, None):
        closer = _distance_to_band(now, *band) - _distance_to_band(before, *band)
        if closer == 0:
            return Direction(movement, NO_CHANGE)
        return Direction(movement, IMPROVING if closer < 0 else WORSENING)
    return Direction(movement, None)
