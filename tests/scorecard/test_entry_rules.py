"""The rules for an entered value (scorecard.domain.entry), one case per line."""

import datetime
from decimal import Decimal as D

import pytest

from scorecard.domain.entry import (
    Entry,
    as_typed,
    entered_value,
    entry_field,
    entry_problems,
    held_entry,
    merged_entry,
    parse_month,
    percentage,
    period_problem,
    value_problem,
)

TODAY = datetime.date(2023, 7, 14)


@pytest.mark.parametrize(
    ("numerator", "denominator", "places", "expected"),
    [
        (D(781), D(1000), 1, D("78.1")),
        (D(1), D(3), 1, D("33.3")),
        (D(2), D(3), 1, D("66.7")),
        (D(1), D(8), 1, D("12.5")),  # 12.5 exactly
        (D(1), D(16), 1, D("6.3")),  # 6.25 rounds half up
        (D(1), D(3), 0, D("33")),
        (D(1), D(3), 2, D("33.33")),
        (D(0), D(12), 1, D("0.0")),
        (D(12), D(12), 1, D("100.0")),
    ],
)
def test_a_percentage_from_numerator_and_denominator(numerator, denominator, places, expected):
    result = percentage(numerator, denominator, decimal_places=places)

    assert result == expected
    assert str(result) == str(expected)


@pytest.mark.parametrize(
    ("numerator", "denominator", "message"),
    [
        (D(1), D(0), "denominator must be more than 0"),
        (D(0), D(0), "denominator must be more than 0"),
        (D(1), D(-4), "denominator must be more than 0"),
        (D(-1), D(4), "numerator must be 0 or more"),
        (D(5), D(4), "numerator must be the same as or less than the denominator"),
    ],
)
def test_a_percentage_that_cannot_be_worked_out(numerator, denominator, message):
    with pytest.raises(ValueError, match=message):
        percentage(numerator, denominator, decimal_places=1)


@pytest.mark.parametrize(
    ("value", "unit", "message"),
    [
        (D("78.1"), "percentage", ""),
        (D(0), "percentage", ""),
        (D(100), "percentage", ""),
        (D("100.1"), "percentage", "FD1 percentage must be between 0 and 100"),
        (D("-0.1"), "percentage", "FD1 percentage must be between 0 and 100"),
        (D(7362), "count", ""),
        (D("7362.0"), "count", ""),
        (D(0), "count", ""),
        (D("12.5"), "count", "FD1 count must be a whole number"),
        (D(-3), "count", "FD1 count must be 0 or more"),
        (D("43.2"), "rate_10k", ""),
        (D("-1"), "rate_10k", "FD1 value must be 0 or more"),
        (D("12.5"), "days", ""),
        (D("-0.5"), "days", "FD1 value must be 0 or more"),
        (D("16.4"), "average", ""),
        (D(-2), "average", "FD1 value must be 0 or more"),
    ],
)
def test_a_value_for_its_unit(value, unit, message):
    assert value_problem(value, unit=unit, ref="FD1") == message


def problems(unit="percentage", required=False, **entry):
    return entry_problems(Entry(**entry), unit=unit, ref="FD1", decimal_places=1, required=required)


NEITHER = {"value": "Enter a value for FD1 or a reason it is missing"}
BOTH = {"missing_reason": "Enter a value for FD1 or a reason it is missing, not both"}
MISMATCH = "FD1 percentage must match the numerator and denominator (78.1), or be left empty"
FRACTION = {"numerator": D(781), "denominator": D(1000)}


@pytest.mark.parametrize(
    ("entry", "unit", "required", "expected"),
    [
        ({}, "percentage", False, {}),
        ({}, "percentage", True, NEITHER),
        ({"note": "Late"}, "count", False, NEITHER),
        ({"value": D("78.1")}, "percentage", True, {}),
        ({"missing_reason": "Not yet available"}, "count", True, {}),
        ({"missing_reason": "  "}, "count", True, NEITHER),
        ({"value": D(3), "missing_reason": "n/a"}, "count", False, BOTH),
        (
            {"value": D(101)},
            "percentage",
            False,
            {"value": "FD1 percentage must be between 0 and 100"},
        ),
        ({"value": D("2.5")}, "count", False, {"value": "FD1 count must be a whole number"}),
        ({"value": D(-1)}, "days", False, {"value": "FD1 value must be 0 or more"}),
        (FRACTION, "percentage", True, {}),
        ({**FRACTION, "value": D("78.1")}, "percentage", True, {}),
        ({**FRACTION, "value": D(80)}, "percentage", True, {"value": MISMATCH}),
        ({**FRACTION, "missing_reason": "n/a"}, "percentage", False, BOTH),
        ({"numerator": D(781)}, "percentage", False, {"denominator": "Enter the FD1 denominator"}),
        ({"denominator": D(1000)}, "percentage", False, {"numerator": "Enter the FD1 numerator"}),
        (
            {"numerator": D(1), "denominator": D(0)},
            "percentage",
            False,
            {"denominator": "FD1 denominator must be more than 0"},
        ),
        (
            {"numerator": D(11), "denominator": D(10)},
            "percentage",
            False,
            {"numerator": "FD1 numerator must be the same as or less than the denominator"},
        ),
        (FRACTION, "count", False, {"numerator": "FD1 is not a percentage: enter its value only"}),
    ],
)
def test_what_an_entry_must_say(entry, unit, required, expected):
    assert problems(unit=unit, required=required, **entry) == expected


@pytest.mark.parametrize(
    ("entry", "unit", "expected"),
    [
        (Entry(value=D("78.1")), "percentage", D("78.1")),
        (Entry(numerator=D(2), denominator=D(3)), "percentage", D("66.7")),
        (Entry(value=D(12)), "count", D(12)),
        (Entry(missing_reason="n/a"), "count", None),
    ],
)
def test_the_value_stored(entry, unit, expected):
    assert entered_value(entry, unit=unit, decimal_places=1) == expected


@pytest.mark.parametrize(
    ("period", "message"),
    [
        (datetime.date(2023, 6, 1), ""),
        (datetime.date(2023, 7, 1), ""),  # this month, though not over
        (datetime.date(2019, 1, 1), ""),
        (datetime.date(2023, 8, 1), "The month must be this month or earlier"),
        (datetime.date(2024, 1, 1), "The month must be this month or earlier"),
        (datetime.date(2023, 6, 15), "The period must be the first day of a month"),
    ],
)
def test_a_period(period, message):
    assert period_problem(period, today=TODAY) == message


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2023-06", datetime.date(2023, 6, 1)),
        ("1999-12", datetime.date(1999, 12, 1)),
        ("2023-13", None),
        ("2023-00", None),
        ("2023-6", None),
        ("June 2023", None),
        ("", None),
        (None, None),
    ],
)
def test_a_month_as_written_in_a_url(written, expected):
    assert parse_month(written) == expected


def test_entry_field_names():
    assert entry_field(12, "value") == "i12-value"


@pytest.mark.parametrize(
    ("entry", "blank"),
    [
        (Entry(), True),
        (Entry(missing_reason=" ", note="\n"), True),
        (Entry(value=D(0)), False),
        (Entry(denominator=D(1)), False),
        (Entry(note="Figures late"), False),
    ],
)
def test_a_blank_entry(entry, blank):
    assert entry.is_blank is blank


# Each figure on its own, only what was changed (findings 4 and 6) ---------------------------


class Held:
    """A figure held for the month, as the database row has it."""

    def __init__(self, value=None, numerator=None, denominator=None, missing_reason="", note=""):
        self.value, self.numerator, self.denominator = value, numerator, denominator
        self.missing_reason, self.note = missing_reason, note


@pytest.mark.parametrize(
    ("held", "shown"),
    [
        (None, Entry()),
        (Held(value=D("78.1000")), Entry(value=D("78.1000"))),
        (  # a percentage worked out from its fraction shows the fraction
            Held(value=D("78.1"), numerator=D(781), denominator=D(1000)),
            Entry(numerator=D(781), denominator=D(1000)),
        ),
        (Held(missing_reason="Late", note="n"), Entry(missing_reason="Late", note="n")),
    ],
)
def test_held_entry(held, shown):
    assert held_entry(held) == shown


@pytest.mark.parametrize(
    ("held", "typed", "parts", "merged"),
    [
        # Only the value changed: the note someone else wrote stays.
        (Entry(value=D(80), note="Theirs"), Entry(value=D(82), note=""), {"value"},
         Entry(value=D(82), note="Theirs")),
        # Nothing changed: what is held now, whatever the stale form says.
        (Entry(value=D(81)), Entry(value=D(80)), set(), Entry(value=D(81))),
        # A reason instead of a value.
        (Entry(value=D(80)), Entry(missing_reason="Late"), {"value", "missing_reason"},
         Entry(missing_reason="Late")),
    ],
)  # fmt: skip
def test_merged_entry(held, typed, parts, merged):
    assert merged_entry(held, typed, parts) == merged


@pytest.mark.parametrize(
    ("part", "typed"),
    [(None, ""), (D("78.1000"), "78.1"), (D("7362"), "7362"), (D("10"), "10"), ("Late", "Late")],
)
def test_as_typed(part, typed):
    assert as_typed(part) == typed
