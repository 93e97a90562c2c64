"""The words a pack uses, as the council's printed packs write them.

Rules:
- Times on the front sheet: "6.00 pm"; in the minutes: "6.00pm" (Commenced, Terminated).
- Dates: "11 January 2023"; the day on its own: "Wednesday".
- An exempt item in the public pack: "Item 7 is exempt under paragraph 3 of Schedule
  12A to the Local Government Act 1972: its papers are not included in this pack".
- Names: a person's full name, else their email address.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format

from governance.domain import minutes as minutes_rules

NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION"
SCHEDULE_12A = "Schedule 12A to the Local Government Act 1972"


def clock(moment: datetime.time, *, spaced: bool = True) -> str:
    """A time of day as the council writes it: "6.00 pm" ("6.00pm" unspaced)."""
    return minutes_rules.clock(moment, spaced=spaced)


def local(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment)


def day_name(moment: datetime.datetime) -> str:
    return date_format(local(moment), "l")


def long_date(day: datetime.date | datetime.datetime) -> str:
    """ "11 January 2023" (governance.domain.minutes.day_in_words)."""
    return minutes_rules.day_in_words(day)


def exempt_paragraph(paragraph: int) -> str:
    """ "paragraph 3 of Schedule 12A to the Local Government Act 1972"."""
    return f"paragraph {paragraph} of {SCHEDULE_12A}"


def exempt_item_note(item) -> str:
    """The public front sheet's note for an exempt item (module docstring)."""
    return (
        f"Item {item.order} is exempt under {exempt_paragraph(item.exempt_paragraph)}: "
        "its papers are not included in this pack"
    )


def person_name(person) -> str:
    if person is None:
        return "Not recorded"
    return person.get_full_name() or person.email


def item_heading(item) -> str:
    """An item's heading at the top of its papers: "Agenda Item 5: TITLE"."""
    return f"Agenda Item {item.order}: {item.title.upper()}"


def item_stamp(item, *, exempt_marked: bool) -> list[str]:
    """The lines stamped on an uploaded paper's first page: "Agenda Item 5", and
    NOT FOR PUBLICATION under it for an exempt item in the full pack."""
    lines = [f"Agenda Item {item.order}"]
    if exempt_marked:
        lines.append(NOT_FOR_PUBLICATION)
    return lines
