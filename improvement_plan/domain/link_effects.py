"""The effect an action is expected to have on an indicator it is linked to.

Rules:
- An effect is a way (up, down, into the target band, or as the indicator's polarity
  says), optionally a value to reach and a month to reach it by, and a one-line reason.
- Saving the links form changes only what this person changed: for each indicator the
  form showed, what they sent differs from what it showed. If someone else changed that
  same indicator's link since the form opened, to something else, it is a conflict and
  nothing is saved; two people making the same change agree (common.concurrency's rule,
  applied link by link).
- A links file (reference, indicator, direction, value, by, reason) is read whole: every
  row names an action and an indicator, a known way, a number or nothing for the value,
  a month or nothing for by; a pair comes once. It is applied only with no problem.
"""

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from scorecard.domain.values import parse_value

AS_POLARITY, UP, DOWN, INTO_BAND = "polarity", "up", "down", "band"
WAYS = (AS_POLARITY, UP, DOWN, INTO_BAND)
WAY_WORDS = {
    AS_POLARITY: "As the polarity says",
    UP: "Up",
    DOWN: "Down",
    INTO_BAND: "Into the target band",
}
WRITTEN_WAYS = {
    "polarity": AS_POLARITY, "as the polarity says": AS_POLARITY, "as polarity": AS_POLARITY,
    "up": UP, "higher": UP, "increase": UP,
    "down": DOWN, "lower": DOWN, "decrease": DOWN,
    "band": INTO_BAND, "into the band": INTO_BAND, "into the target band": INTO_BAND,
}  # fmt: skip
MONTHS = {
    name: number
    for number, name in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"], start=1,
    )
}  # fmt: skip
ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
REASON_LIMIT = 300  # ActionIndicatorLink.reason
VALUE_LIMIT = 10**10  # ActionIndicatorLink.expected_value: 14 digits, 4 after the point


@dataclass(frozen=True)
class Effect:
    direction: str = AS_POLARITY
    value: Decimal | None = None
    by: datetime.date | None = None
    reason: str = ""

    def key(self) -> str:
        """One string per effect, to compare what a form showed with what is saved."""
        value = "" if self.value is None else format(self.value.normalize(), "f")
        by = self.by.isoformat() if self.by else ""
        return "|".join([self.direction, value, by, self.reason])

    def words(self, show: Callable[[Decimal], str] | None = None) -> str:
        """The effect in words, like "Up, to 85 by March 2024", the value as `show`
        writes it; the reason is shown apart."""
        text = WAY_WORDS.get(self.direction, self.direction)
        if self.value is not None:
            shown = show(self.value) if show else format(self.value.normalize(), "f")
            text += f", to {shown}"
        if self.by:
            text += f" by {self.by:%B %Y}"
        return text


def link_changes(
    *, opened: Mapping[int, str], current: Mapping[int, str], submitted: Mapping[int, str]
) -> tuple[dict[int, str], list[int]]:
    """What to write ({indicator: key, "" to unlink}) and the indicators in conflict.
    Keys are Effect.key(), "" for no link; `submitted` covers the indicators shown."""
    writes, conflicts = {}, []
    for indicator, sent in submitted.items():
        was, now = opened.get(indicator, ""), current.get(indicator, "")
        if sent == was:
            continue
        if now != was and now != sent:
            conflicts.append(indicator)
        elif now != sent:
            writes[indicator] = sent
    return writes, conflicts


def month_from_words(text: str) -> datetime.date | None:
    """ "2024-03", "March 2024" or "Mar 2024" as the first of that month; None otherwise."""
    words = " ".join(text.strip().lower().split())
    iso = ISO_MONTH.match(words)
    if iso and 1 <= int(iso.group(2)) <= 12:
        return datetime.date(int(iso.group(1)), int(iso.group(2)), 1)
    parts = words.split(" ")
    if len(parts) == 2 and parts[1].isdigit() and len(parts[1]) == 4:
        number = next((n for name, n in MONTHS.items() if name.startswith(parts[0][:3])), None)
        if number and len(parts[0]) >= 3:
            return datetime.date(int(parts[1]), number, 1)
    return None


@dataclass(frozen=True)
class LinkRow:
    line: int
    action: str
    indicator: str
    effect: Effect


def link_row(line: int, row: Mapping[str, str]) -> tuple[LinkRow | None, str]:
    """One row of a links file read, or the problem with it."""
    action = (row.get("action") or "").strip()
    indicator = (row.get("indicator") or "").strip()
    way = WRITTEN_WAYS.get(" ".join((row.get("direction") or "").lower().split()))
    value_text, by_text = (row.get("value") or "").strip(), (row.get("by") or "").strip()
    value = parse_value(value_text).value if value_text else None
    by = month_from_words(by_text) if by_text else None
    if not action or not indicator:
        return None, f"Line {line}: give both the action's reference and the indicator's"
    if way is None:
        return None, f"Line {line}: the direction must be up, down, band or polarity"
    if value_text and (value is None or abs(value) >= VALUE_LIMIT):
        return None, f'Line {line}: the value "{value_text}" is not a number below 10,000,000,000'
    if by_text and by is None:
        return None, f'Line {line}: "{by_text}" is not a month like 2024-03'
    reason = " ".join((row.get("reason") or "").split())
    if len(reason) > REASON_LIMIT:
        return None, f"Line {line}: the reason must be {REASON_LIMIT} characters or fewer"
    return LinkRow(line, action, indicator, Effect(way, value, by, reason)), ""


def link_rows(rows: list[Mapping[str, str]]) -> tuple[list[LinkRow], list[str]]:
    """A links file's rows read (header is line 1), with every problem by line."""
    read, problems, seen = [], [], set()
    for line, row in enumerate(rows, start=2):
        found, problem = link_row(line, row)
        if problem:
            problems.append(problem)
        elif (found.action, found.indicator) in seen:
            problems.append(f"Line {line}: {found.action} and {found.indicator} come twice")
        else:
            seen.add((found.action, found.indicator))
            read.append(found)
    return read, problems
