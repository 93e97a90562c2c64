"""Reading a scorecard's references and header cells.

Rules (docs: formats/scorecard.md): a reference code is letters, digits and an
optional lower-case letter ("FD2a", "CIN10c"); its letters name the service area. A
month header is "Aug-23", "Aug 23", "August 2023" or "2023-08". A benchmark header
names its comparator and may give the year it describes: "England Average (2021/22)".
"""

import datetime
import re
from dataclasses import dataclass

REF_RE = re.compile(r"^(?P<prefix>[A-Za-z]+)(?P<number>\d+)(?P<suffix>[a-z]?)$")

DEFAULT_SERVICE_AREAS = (
    ("FD", "Front Door"),
    ("EH", "Early Help"),
    ("CIN", "Child in Need and Child Protection"),
    ("CF", "Cared for Children and Care Leavers"),
    ("SG", "Safeguarding and Quality Assurance"),
    ("WF", "Workforce"),
)

MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip
MONTH_NAME_RE = re.compile(r"^(?P<month>[a-z]+)\.?\s*[-/ ']\s*(?P<year>\d{4}|\d{2})$")
ISO_MONTH_RE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})$")

BENCHMARKS = (
    ("greater manchester average", "gm"),
    ("north west average", "nw"),
    ("statistical neighbour average", "sn"),
    ("statistical neighbours average", "sn"),
    ("england average", "england"),
)
YEAR_RE = re.compile(r"\(\s*(?P<start>\d{4})\s*(?:[/-]\s*(?P<end>\d{2}|\d{4}))?\s*\)\s*$")

SIMPLE_COLUMNS = {
    "ref": "ref",
    "ref.": "ref",
    "indicator": "indicator",
    "current": "current",
    "current performance": "current",
    "previous year": "previous_year",
    "target": "target",
    "last 12 months": "last_12_months",
    "performance": "performance",
}


@dataclass(frozen=True)
class RefCode:
    prefix: str
    number: int
    suffix: str = ""


@dataclass(frozen=True)
class Column:
    """What a header cell means. kind: ref, indicator, month, current, previous_year,
    target, benchmark, last_12_months, performance, direction or unknown."""

    kind: str
    written: str = ""
    month: datetime.date | None = None
    comparator: str = ""
    year: str = ""


def parse_ref(text: str) -> RefCode | None:
    """A reference code, or None when the text is not one. Letters are kept upper-case."""
    match = REF_RE.match((text or "").strip())
    if not match:
        return None
    return RefCode(match["prefix"].upper(), int(match["number"]), match["suffix"])


def service_area_title(prefix: str, areas: dict[str, str]) -> str | None:
    """The service area a prefix names, from the areas the performance team keeps."""
    return areas.get(prefix.upper())


def parse_month(text: str) -> datetime.date | None:
    """A month header as the first day of that month, or None when it is not a month."""
    text = " ".join((text or "").lower().split())
    iso = ISO_MONTH_RE.match(text)
    if iso:
        month, year = int(iso["month"]), int(iso["year"])
    else:
        named = MONTH_NAME_RE.match(text)
        if not named or named["month"] not in MONTHS:
            return None
        month, year = MONTHS[named["month"]], int(named["year"])
        year += 2000 if year < 100 else 0
    return datetime.date(year, month, 1) if 1 <= month <= 12 and 1900 <= year <= 2999 else None


def parse_benchmark(text: str) -> tuple[str, str] | None:
    """(comparator, year) for a benchmark header: "England Average (2021/22)"."""
    text = " ".join((text or "").split())
    year = ""
    match = YEAR_RE.search(text)
    if match:
        end = match["end"] or ""
        year = f"{match['start']}/{end[-2:]}" if end else match["start"]
        text = text[: match.start()].strip()
    name = text.lower()
    comparator = next((code for label, code in BENCHMARKS if name == label), None)
    return (comparator, year) if comparator else None


def classify_column(text: str) -> Column:
    """What one header cell of a table means; see the module docstring."""
    written = " ".join((text or "").split())
    name = written.lower()
    if name in SIMPLE_COLUMNS:
        return Column(SIMPLE_COLUMNS[name], written)
    if name.startswith("direction of"):
        return Column("direction", written)
    month = parse_month(written)
    if month:
        return Column("month", written, month=month)
    benchmark = parse_benchmark(written)
    if benchmark:
        return Column("benchmark", written, comparator=benchmark[0], year=benchmark[1])
    return Column("unknown" if written else "blank", written)


def is_header_row(cells: list[str]) -> bool:
    """A table starts at a row whose first cell is Ref or Ref. and which has an Indicator."""
    if not cells or classify_column(cells[0]).kind != "ref":
        return False
    return any(classify_column(cell).kind == "indicator" for cell in cells[1:])
