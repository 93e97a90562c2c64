"""Reading a plan's "Lead/ Timeframe" cell: who leads an action and by when.

People write the cell freely: "AD CSC/AD EH&P by March 23", "DCS, GMP ICB Accountable
Officer/CEX by October 22", "Improvement Board Chair on a monthly basis". The rules
(docs: formats/improvement-plan.md):

- Leads are posts. Known post names and aliases are found first, longest first, case
  and spacing around punctuation ignored ("AD EH & P" is "AD EH&P"), so a name holding
  "&" or "/" is never split. The rest is split on "/", ",", "and", dashes and a spaced
  "&" ("AD CSC & HR"); an unspaced "&" joins a name ("EH&P").
- "March 23" or "March 2023" is the last day of that month; "20th June 2022" is that
  day; "September and October 22" is two milestones in 2022. The last is the due date.
- No date at all means a recurring action with no due date.
- Text that is neither a role nor a date ("Named Lead by Agency", "report") is kept as
  leftover text for the importing user to see; it is never silently dropped.
"""

import calendar
import datetime
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)"
)
_PREFIX = (
    r"(?:(?P<prefix>by\s+the\s+end\s+of|by\s+end\s+of|by\s+end|by|end\s+of|end|since|from|in)\s+)?"
)
_DAY_DATE = (
    rf"(?P<day>\d{{1,2}})\s*(?:st|nd|rd|th)?\s+(?P<dmonth>{_MONTH})\.?,?\s+"
    r"(?P<dyear>\d{4}|\d{2})"
)
_MONTHS_DATE = (
    rf"(?P<months>{_MONTH}(?:\s*(?:,|&|/|-|–|and|to)\s*{_MONTH})*)\.?\s*[-']?\s*"
    r"(?P<year>\d{4}|\d{2})"
)
DATE_RE = re.compile(rf"(?<!\w){_PREFIX}(?:{_DAY_DATE}|{_MONTHS_DATE})(?!\w)", re.IGNORECASE)
MONTH_RE = re.compile(_MONTH, re.IGNORECASE)
RECURRENCE_RE = re.compile(
    r"(?<!\w)(?:on\s+an?\s+[\w\s-]{0,20}?basis|ongoing|monthly|quarterly|weekly|annually)(?!\w)",
    re.IGNORECASE,
)
SEPARATOR_RE = re.compile(r"\s*(?:/|,|\s&|&\s|;|\+|–|—|\s-\s|\band\b|\n)\s*", re.IGNORECASE)
NOT_A_MILESTONE = ("since", "from")
QUALIFIER_KINDS = ("lead", "date", "since", "recurrence")
EDGE_PUNCTUATION = " \t\r\n-–—:;.,()[]'\""


@dataclass(frozen=True)
class Lead:
    """A lead as written; `known_as` is the known post name or alias it matched."""

    written: str
    known_as: str | None = None

    @property
    def is_known(self) -> bool:
        return self.known_as is not None


@dataclass(frozen=True)
class Timeframe:
    leads: tuple[Lead, ...] = ()
    milestones: tuple[datetime.date, ...] = ()
    is_recurring: bool = False
    recurrence: str = ""
    leftovers: tuple[str, ...] = ()

    @property
    def due_date(self) -> datetime.date | None:
        """The rule: several milestones, the last is the due date."""
        return self.milestones[-1] if self.milestones else None


@dataclass(frozen=True)
class _Item:
    kind: str  # lead, date, since, recurrence, separator, text
    start: int
    end: int
    text: str
    known_as: str | None = None
    dates: tuple[datetime.date, ...] = ()


def parse_timeframe(text: str, *, known_posts: Iterable[str] = ()) -> Timeframe:
    """Reads leads, milestones, recurrence and leftover text from a Lead/ Timeframe cell."""
    text = " ".join((text or "").split())
    if not text:
        return Timeframe()
    claimed = _known_post_items(text, tuple(known_posts))
    claimed = _claim(claimed, _date_items(text))
    claimed = _claim(claimed, _recurrence_items(text))
    items = _with_gaps(text, sorted(claimed, key=lambda item: item.start))
    milestones = tuple(date for item in items if item.kind == "date" for date in item.dates)
    recurrence = next((item.text for item in items if item.kind == "recurrence"), "")
    leads, leftovers = _leads_and_leftovers(items, has_dates=bool(milestones))
    return Timeframe(
        leads=leads,
        milestones=milestones,
        is_recurring=not milestones,
        recurrence=recurrence,
        leftovers=leftovers,
    )


@functools.lru_cache(maxsize=32)
def _known_patterns(known_posts: tuple[str, ...]) -> tuple[tuple[str, re.Pattern], ...]:
    """Patterns for known names, longest first, ignoring case and spaces around punctuation."""
    names = sorted(
        {name.strip() for name in known_posts if name.strip()}, key=_length, reverse=True
    )
    return tuple((name, re.compile(_name_pattern(name), re.IGNORECASE)) for name in names)


def _length(name: str) -> tuple[int, str]:
    return (len(re.sub(r"\s+", "", name)), name)


def _name_pattern(name: str) -> str:
    tokens = re.findall(r"\w+|[^\w\s]", name)
    pattern = re.escape(tokens[0])
    for before, token in zip(tokens, tokens[1:], strict=False):
        joiner = r"\s+" if before[-1].isalnum() and token[0].isalnum() else r"\s*"
        pattern += joiner + re.escape(token)
    return rf"(?<!\w){pattern}(?!\w)"


def _known_post_items(text: str, known_posts: tuple[str, ...]) -> list[_Item]:
    """Known names claim their text, longest first, so "HoS QA & Safeguarding" stays whole."""
    items: list[_Item] = []
    for name, pattern in _known_patterns(known_posts):
        found = [_Item("lead", m.start(), m.end(), m.group(), name) for m in pattern.finditer(text)]
        items = _claim(items, found)
    return items


def _claim(claimed: list[_Item], candidates: Iterable[_Item]) -> list[_Item]:
    result = list(claimed)
    for item in candidates:
        if all(item.end <= other.start or item.start >= other.end for other in result):
            result.append(item)
    return result


def _date_items(text: str) -> list[_Item]:
    items = []
    for match in DATE_RE.finditer(text):
        dates = _dates_of(match)
        prefix = (match.group("prefix") or "").lower()
        if dates is None or prefix in NOT_A_MILESTONE:
            items.append(_Item("since", match.start(), match.end(), match.group()))
        else:
            items.append(_Item("date", match.start(), match.end(), match.group(), dates=dates))
    return items


def _dates_of(match: re.Match) -> tuple[datetime.date, ...] | None:
    """A day, month and year is that day; a month and year is the month's last day."""
    if match.group("day"):
        year = _full_year(match.group("dyear"))
        month = MONTH_NUMBERS[match.group("dmonth")[:3].lower()]
        try:
            return (datetime.date(year, month, int(match.group("day"))),)
        except ValueError:
            return None
    year = _full_year(match.group("year"))
    months = [MONTH_NUMBERS[m.group()[:3].lower()] for m in MONTH_RE.finditer(match["months"])]
    return tuple(datetime.date(year, m, calendar.monthrange(year, m)[1]) for m in months)


def _full_year(written: str) -> int:
    return 2000 + int(written) if len(written) == 2 else int(written)


def _recurrence_items(text: str) -> list[_Item]:
    return [
        _Item("recurrence", m.start(), m.end(), m.group()) for m in RECURRENCE_RE.finditer(text)
    ]


def _with_gaps(text: str, claimed: list[_Item]) -> list[_Item]:
    """Claimed items in order, with the unclaimed text between them cut at separators."""
    items: list[_Item] = []
    position = 0
    for item in [*claimed, _Item("end", len(text), len(text), "")]:
        items.extend(_gap_items(text, position, item.start))
        if item.kind != "end":
            items.append(item)
        position = item.end
    return items


def _gap_items(text: str, start: int, end: int) -> list[_Item]:
    items: list[_Item] = []
    position = start
    for match in SEPARATOR_RE.finditer(text, start, end):
        if match.group().strip():
            items.extend(_text_item(text, position, match.start()))
            items.append(_Item("separator", match.start(), match.end(), match.group()))
            position = match.end()
    items.extend(_text_item(text, position, end))
    return items


def _text_item(text: str, start: int, end: int) -> list[_Item]:
    fragment = text[start:end].strip(EDGE_PUNCTUATION)
    return [_Item("text", start, end, fragment)] if fragment else []


def _leads_and_leftovers(
    items: list[_Item], *, has_dates: bool
) -> tuple[tuple[Lead, ...], tuple[str, ...]]:
    """Known posts lead; other role-like text leads as unknown; the rest is left over."""
    leads: dict[str, Lead] = {}
    leftovers: list[str] = []
    for index, item in enumerate(items):
        if item.kind == "lead":
            leads.setdefault(_key(item.known_as or item.text), Lead(item.text, item.known_as))
        elif item.kind == "since" or (item.kind == "recurrence" and has_dates):
            leftovers.append(item.text)
        elif item.kind == "text" and _is_role_like(items, index):
            leads.setdefault(_key(item.text), Lead(item.text))
        elif item.kind == "text":
            leftovers.append(item.text)
    return tuple(leads.values()), tuple(leftovers)


def _is_role_like(items: list[_Item], index: int) -> bool:
    """A fragment standing on its own between separators, written like a title.

    Text run on after a known post, a date or "ongoing" qualifies it ("September 2022
    Board Meeting", "HoS QA report") unless a separator follows and makes it a list item.
    """
    before = items[index - 1].kind if index > 0 else None
    after = items[index + 1].kind if index + 1 < len(items) else None
    if before == "date" and after == "separator":
        before = "separator"  # "By August 2022 DCS and All Partners"
    if before in QUALIFIER_KINDS or after in ("lead", "since", "recurrence"):
        return False
    text = items[index].text
    return text[0].isupper() and not re.search(r"\b(?:by|since|until)\b", text, re.IGNORECASE)


def _key(name: str) -> str:
    return re.sub(r"\s*([^\w\s])\s*", r"\1", " ".join(name.lower().split()))
