"""The standard items every agenda opens and closes with, worded as the council's packs
word them (Children's Services Scrutiny Panel, 11 January 2023):

1. Apologies for absence
2. Declarations of interest
3. Minutes (of the board's previous meeting that was not cancelled, if there is one)
...  the meeting's own business ...
n-1. Date of next meeting
n.   Urgent items

Pure: no database. The services create the items from these and mark them standard.
"""

from dataclasses import dataclass

from governance.models import AgendaItem

Standard = AgendaItem.Standard

CLOSING = (Standard.NEXT_MEETING, Standard.URGENT_ITEMS)
"""Standard items that stay at the end: new business goes before them."""


@dataclass(frozen=True)
class ItemText:
    standard: str
    title: str
    description: str


def opening_items(*, board_name: str, previous_day: str | None) -> list[ItemText]:
    """Apologies, declarations and minutes. `previous_day` is the previous meeting's day
    in words ("2 November 2022"), or None when the board has not met before."""
    if previous_day:
        minutes = (
            "To approve as a correct record, the Minutes of the proceedings of the "
            f"{board_name} held on {previous_day}."
        )
    else:
        minutes = f"There are no minutes to approve: this is the first meeting of the {board_name}."
    return [
        ItemText(Standard.APOLOGIES, "Apologies for absence", ""),
        ItemText(
            Standard.DECLARATIONS,
            "Declarations of interest",
            f"To receive any declarations of interest from members of the {board_name}.",
        ),
        ItemText(Standard.MINUTES, "Minutes", minutes),
    ]


def closing_items(*, board_name: str) -> list[ItemText]:
    """Date of next meeting, then urgent items."""
    return [
        ItemText(
            Standard.NEXT_MEETING,
            "Date of next meeting",
            f"To note the date of the next meeting of the {board_name}.",
        ),
        ItemText(
            Standard.URGENT_ITEMS,
            "Urgent items",
            "To consider any additional items the Chair is of the opinion shall be dealt "
            "with as a matter of urgency.",
        ),
    ]


def previous_minutes_title(previous_day: str) -> str:
    """The title of the paper that carries the previous meeting's minutes."""
    return f"Minutes of {previous_day}"


def insert_index(standards: list[str]) -> int:
    """Where a new item goes, given the standard marks of the agenda's items in order:
    before the closing standard items at the end of the agenda, else after the last item."""
    index = len(standards)
    while index > 0 and standards[index - 1] in CLOSING:
        index -= 1
    return index
