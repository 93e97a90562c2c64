"""What a month's entered value must say before it is accepted; messages in GOV.UK wording.

Rules:
- A percentage may be worked out from a numerator and denominator: 100 × n ÷ d, rounded
  (half up) to the indicator's decimal places. The denominator must be more than 0 and,
  for a percentage, the numerator no more than the denominator.
- A percentage is between 0 and 100; a count is a whole number, 0 or more; days,
  averages and rates are 0 or more.
- Each indicator has a value or a reason it is missing, not neither and not both.
- A period is the first day of a month, and not a month after today's.
- Each figure is saved on its own, and only the parts of it the person changed since they
  opened the page are written: the rest stay as held now (held_entry, merged_entry).

Messages name the indicator ("FD1"), since one page holds many indicators and the error
summary lists them all.
"""

import dataclasses
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

PERCENTAGE = "percentage"
COUNT = "count"
ENTRY_PARTS = ("value", "numerator", "denominator", "missing_reason", "note")
PART_WORDS = {
    "value": "value",
    "numerator": "numerator",
    "denominator": "denominator",
    "missing_reason": "reason it is missing",
    "note": "note",
}


@dataclass(frozen=True)
class Entry:
    """What someone typed for one indicator and month."""

    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    missing_reason: str = ""
    note: str = ""

    @property
    def is_blank(self) -> bool:
        numbers = (self.value, self.numerator, self.denominator)
        return (
            all(n is None for n in numbers)
            and not self.missing_reason.strip()
            and not (self.note.strip())
        )

    @property
    def has_fraction(self) -> bool:
        return self.numerator is not None or self.denominator is not None


def held_entry(held) -> Entry:
    """A figure held for the month (any object with the figure's fields, or None) as the
    entry form shows it: a percentage worked out from its numerator and denominator shows
    those and an empty value, so the form and the save compare the same things."""
    if held is None:
        return Entry()
    fraction = held.numerator is not None
    return Entry(
        value=None if fraction else held.value,
        numerator=held.numerator,
        denominator=held.denominator,
        missing_reason=held.missing_reason or "",
        note=held.note or "",
    )


def as_typed(part) -> str:
    """A part of a figure as a person types it: "78.1" for 78.1000, "" for none."""
    if part is None:
        return ""
    if isinstance(part, Decimal):
        text = f"{part:f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(part)


def merged_entry(held: Entry, typed: Entry, parts: Iterable[str]) -> Entry:
    """What a save writes: the `parts` this person changed as they typed them, every other
    part as held now, so a part they left alone never goes back over a newer one."""
    return dataclasses.replace(held, **{part: getattr(typed, part) for part in parts})


def entry_field(indicator_id: int, part: str) -> str:
    """The form field (and error key) for one part of one indicator's entry: "i12-value"."""
    return f"i{indicator_id}-{part}"


def percentage(numerator: Decimal, denominator: Decimal, *, decimal_places: int) -> Decimal:
    """100 × numerator ÷ denominator, rounded half up. ValueError names what is wrong."""
    if denominator <= 0:
        raise ValueError("denominator must be more than 0")
    if numerator < 0:
        raise ValueError("numerator must be 0 or more")
    if numerator > denominator:
        raise ValueError("numerator must be the same as or less than the denominator")
    exact = Decimal(100) * numerator / denominator
    return exact.quantize(Decimal(1).scaleb(-decimal_places), rounding=ROUND_HALF_UP)


def value_problem(value: Decimal, *, unit: str, ref: str) -> str:
    """Why a value cannot be right for its unit, or "" when it can."""
    if unit == PERCENTAGE:
        return "" if 0 <= value <= 100 else f"{ref} percentage must be between 0 and 100"
    if unit == COUNT and value != value.to_integral_value():
        return f"{ref} count must be a whole number"
    if value < 0:
        return f"{ref} {'count' if unit == COUNT else 'value'} must be 0 or more"
    return ""


def _fraction_problems(entry: Entry, *, ref: str, decimal_places: int) -> dict[str, str]:
    """A numerator and denominator: both given, sensible, and agreeing with any value."""
    if entry.numerator is None:
        return {"numerator": f"Enter the {ref} numerator"}
    if entry.denominator is None:
        return {"denominator": f"Enter the {ref} denominator"}
    try:
        worked_out = percentage(entry.numerator, entry.denominator, decimal_places=decimal_places)
    except ValueError as error:
        part = "denominator" if str(error).startswith("denominator") else "numerator"
        return {part: f"{ref} {error}"}
    if entry.value is not None and entry.value != worked_out:
        return {
            "value": f"{ref} percentage must match the numerator and denominator "
            f"({worked_out}), or be left empty"
        }
    return {}


def entry_problems(
    entry: Entry, *, unit: str, ref: str, decimal_places: int, required: bool
) -> dict[str, str]:
    """Part ("value", "numerator", ...) to message for each rule broken; empty when the
    entry may be saved. A blank entry is fine unless `required` (when submitting, or when
    the month already has a value that blanking would lose).
    """
    if entry.is_blank and not required:
        return {}
    if unit == PERCENTAGE and entry.has_fraction:
        problems = _fraction_problems(entry, ref=ref, decimal_places=decimal_places)
        if problems:
            return problems
    elif entry.has_fraction:
        return {"numerator": f"{ref} is not a percentage: enter its value only"}
    has_value = entry.value is not None or entry.has_fraction
    has_reason = bool(entry.missing_reason.strip())
    if not has_value and not has_reason:
        return {"value": f"Enter a value for {ref} or a reason it is missing"}
    if has_value and has_reason:
        return {"missing_reason": f"Enter a value for {ref} or a reason it is missing, not both"}
    problem = value_problem(entry.value, unit=unit, ref=ref) if entry.value is not None else ""
    return {"value": problem} if problem else {}


def entered_value(entry: Entry, *, unit: str, decimal_places: int) -> Decimal | None:
    """The value to store: worked out from the numerator and denominator when given."""
    if unit == PERCENTAGE and entry.numerator is not None and entry.denominator is not None:
        return percentage(entry.numerator, entry.denominator, decimal_places=decimal_places)
    return entry.value


def period_problem(period: datetime.date, *, today: datetime.date) -> str:
    """Why values cannot be entered for this period, or "" when they can."""
    if period.day != 1:
        return "The period must be the first day of a month"
    if period > today.replace(day=1):
        return "The month must be this month or earlier"
    return ""


def parse_month(written: str) -> datetime.date | None:
    """ "2023-06" as the first of June 2023; None for anything else."""
    year, _, month = (written or "").partition("-")
    if not (len(year) == 4 and year.isdigit() and len(month) == 2 and month.isdigit()):
        return None
    try:
        return datetime.date(int(year), int(month), 1)
    except ValueError:
        return None
