"""Each milestone of a "Lead/ Timeframe" cell with the words that gave it. Pure."""

import datetime
import re

from improvement_plan.domain.timeframe import DATE_RE, MONTH_RE, parse_timeframe

WRITTEN_MAX = 120


def written_milestones(
    text: str, milestones: tuple[datetime.date, ...]
) -> list[tuple[datetime.date, str]]:
    """The milestones in order, each with its text as written ("March 23", "20th June 2022").

    "September and October 22" gives "September 22" and "October 22". Where the words
    cannot be lined up with the dates, each date is written out in full instead.
    """
    text = " ".join((text or "").split())
    pairs: list[tuple[datetime.date, str]] = []
    for match in DATE_RE.finditer(text):
        dates = parse_timeframe(match.group()).milestones
        pairs.extend(zip(dates, _words(match, len(dates)), strict=False))
    if [date for date, _ in pairs] != list(milestones):
        pairs = [(date, f"{date:%-d %B %Y}") for date in milestones]
    return _distinct([(date, written[:WRITTEN_MAX]) for date, written in pairs])


def _words(match: re.Match, count: int) -> list[str]:
    """The date's own words, without "by" or "end of"; one per month when several."""
    start = match.start("day") if match.group("day") else match.start("months")
    written = match.string[start : match.end()].strip()
    if count == 1:
        return [written]
    year = match.group("year")
    return [f"{month.group()} {year}" for month in MONTH_RE.finditer(match.group("months"))]


def _distinct(pairs: list[tuple[datetime.date, str]]) -> list[tuple[datetime.date, str]]:
    """One milestone per date: the first words that gave it."""
    seen: dict[datetime.date, str] = {}
    for date, written in pairs:
        seen.setdefault(date, written)
    return list(seen.items())
