"""Reading a scorecard's value cells, and guessing an indicator's unit from them.

Rules (docs: formats/scorecard.md): numbers with optional thousands commas ("7,362"),
decimals ("13.9") and "%" ("78.1%", stored as 78.1 and marked a percentage); an empty
cell reports nothing; "n/a", "N/A", "-", "Not Yet Available" in any case are missing,
the words kept as the reason; anything else is an error for that cell.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

NUMBER_RE = re.compile(r"^(?P<sign>[-+−]?)(?P<digits>\d{1,3}(?:,\d{3})+|\d+)?(?P<fraction>\.\d+)?$")
MISSING_WORDS = frozenset({"n/a", "na", "-", "–", "—", "not yet available", "not available"})

PERCENTAGE = "percentage"
COUNT = "count"
RATE_PER_10K = "rate_10k"
DAYS = "days"
AVERAGE = "average"


@dataclass(frozen=True)
class CellValue:
    """What a cell says: a number, a reason it is missing, an error, or nothing."""

    written: str = ""
    value: Decimal | None = None
    is_percentage: bool = False
    missing_reason: str = ""
    error: str = ""

    @property
    def is_empty(self) -> bool:
        return self.value is None and not self.missing_reason and not self.error

    @property
    def decimal_places(self) -> int:
        exponent = self.value.as_tuple().exponent if self.value is not None else 0
        return max(0, -exponent) if isinstance(exponent, int) else 0


def parse_value(written: str) -> CellValue:
    """Reads one value cell by the rules in the module docstring."""
    text = " ".join((written or "").split())
    if not text:
        return CellValue()
    if text.lower() in MISSING_WORDS:
        return CellValue(written=text, missing_reason=text)
    number_text = text.removesuffix("%").strip()
    match = NUMBER_RE.match(number_text)
    if not match or not (match.group("digits") or match.group("fraction")):
        return CellValue(written=text, error=f'"{text}" is not a number, "n/a" or "-".')
    sign = "-" if match.group("sign") in ("-", "−") else ""
    digits = (match.group("digits") or "0").replace(",", "")
    value = Decimal(f"{sign}{digits}{match.group('fraction') or ''}")
    return CellValue(written=text, value=value, is_percentage=text.endswith("%"))


def guess_unit(title: str, values: Iterable[CellValue] = ()) -> str:
    """An indicator's unit: "%" in its values or title, else rate, days, average, count."""
    lowered = title.lower()
    if any(v.is_percentage for v in values) or "%" in title:
        return PERCENTAGE
    if re.search(r"\brate\b|per 10k|per 10,000", lowered):
        return RATE_PER_10K
    if re.search(r"\bdays\b", lowered):
        return DAYS
    if re.search(r"\baverage\b|\bave\b|caseload", lowered):
        return AVERAGE
    return COUNT


def decimal_places(values: Iterable[CellValue]) -> int:
    """The most decimal places any of the values was written with."""
    return max((v.decimal_places for v in values if v.value is not None), default=0)
