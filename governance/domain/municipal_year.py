"""The municipal year: a council's year of meetings, from its annual meeting in May to
the following April. Minutes are numbered through it, so its name ("2022/23") is the
key the numbering runs on.
"""

import datetime

FIRST_MONTH = 5  # May: the annual council meeting starts the municipal year


def municipal_year(day: datetime.date) -> str:
    """ "2022/23" for any day from 1 May 2022 to 30 April 2023."""
    start = day.year if day.month >= FIRST_MONTH else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def municipal_year_bounds(name: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the municipal year named "2022/23"; ValueError if the
    name is not one."""
    start_text, _, end_text = name.partition("/")
    start = int(start_text) if start_text.isdigit() and len(start_text) == 4 else None
    if start is None or end_text != f"{(start + 1) % 100:02d}":
        raise ValueError(f"{name!r} is not a municipal year such as 2022/23")
    return datetime.date(start, FIRST_MONTH, 1), datetime.date(start + 1, FIRST_MONTH - 1, 30)
