"""The one rule of what a reader may see of a meeting's exempt business (Schedule 12A to
the Local Government Act 1972). Pure: no database, no requests.

Two kinds of reader, decided by governance.rules (governance.view_full_papers):
- FULL: those who may read the full papers: the board's members (on the meeting's day
  or today), democratic services officers and administrators. They see everything.
- Everyone else (staff who do not sit on the board, the Director when not a member,
  viewers, the public) sees what the public sees:
  - an exempt item: its number, its title and the Schedule 12A note; never its
    description, presenters, report author, papers, or where its papers are in a pack;
  - the minute of an exempt item: its number, the agenda item's title (the minute's own
    title may say more) and the note; never its text, resolutions or actions arising;
  - a declaration of interest on an exempt item: who, which item and which kind of
    interest; never the interest as declared, which could say what the item is about.

Every page and document (meeting page, agenda and minutes pages and DOCX, action log,
public pages, agenda packs) asks these functions, so the rule is written once.
"""

from dataclasses import dataclass

EXEMPT_NOTE = (
    "Exempt under paragraph {paragraph} of Part 1 of Schedule 12A to the Local Government Act 1972"
)


def exempt_note(paragraph: int) -> str:
    """What a reader without the full papers sees instead of an exempt item's text."""
    return EXEMPT_NOTE.format(paragraph=paragraph)


def withheld(*, exempt_paragraph: int | None, full_papers: bool) -> str:
    """The note shown instead of an item's content when this reader may not see it,
    or "" when they see everything (not exempt, or a reader of the full papers)."""
    if exempt_paragraph is None or full_papers:
        return ""
    return exempt_note(exempt_paragraph)


@dataclass(frozen=True)
class ItemSeen:
    """An agenda item as one reader sees it: `withheld` is the Schedule 12A note when its
    description, presenters and papers are kept from them, else ""."""

    number: int
    title: str
    withheld: str

    @property
    def shows_content(self) -> bool:
        return not self.withheld


def item_seen(*, number: int, title: str, exempt_paragraph, full_papers: bool) -> ItemSeen:
    """Rule: an exempt item keeps its number and title for every reader."""
    note = withheld(exempt_paragraph=exempt_paragraph, full_papers=full_papers)
    return ItemSeen(number=number, title=title, withheld=note)


@dataclass(frozen=True)
class MinuteSeen:
    """A minute as one reader sees it: its title, and the note when its text,
    resolutions and actions arising are kept from them."""

    number: int
    title: str
    withheld: str


def minute_seen(
    *, number: int, title: str, item_title: str | None, exempt_paragraph, full_papers: bool
) -> MinuteSeen:
    """Rule: a withheld minute shows its number and its agenda item's published title."""
    note = withheld(exempt_paragraph=exempt_paragraph, full_papers=full_papers)
    shown_title = (item_title or title) if note else title
    return MinuteSeen(number=number, title=shown_title, withheld=note)


def interest_seen(*, interest: str, exempt_paragraph, full_papers: bool) -> str:
    """Rule: the interest declared on an exempt item is kept from readers without the
    full papers ("" for them); who declared it, on which item and of which kind is not."""
    return "" if withheld(exempt_paragraph=exempt_paragraph, full_papers=full_papers) else interest


def pack_holds(
    *, held_items: list[int], item_pages: list[dict], same_meeting: bool, item_id: int
) -> bool:
    """Whether a public pack shows the words or papers of an agenda item, so that making
    the item exempt must withdraw it. A pack records the items it holds (held_items); a
    pack built before it did so is taken to hold every item of its meeting that it did
    not record as left out as exempt."""
    if held_items:
        return item_id in held_items
    if not same_meeting:
        return False
    return not any(
        entry.get("item_id") == item_id and entry.get("exempt_omitted") for entry in item_pages
    )
