"""The one rule of what a reader may see of exempt business (governance.domain.exempt)."""

import pytest

from governance.domain.exempt import (
    exempt_note,
    interest_seen,
    item_seen,
    minute_seen,
    pack_holds,
    withheld,
)

NOTE_1 = exempt_note(1)


@pytest.mark.parametrize(
    ("paragraph", "full_papers", "expected"),
    [
        (None, False, ""),
        (None, True, ""),
        (1, True, ""),
        (1, False, NOTE_1),
    ],
)
def test_withheld(paragraph, full_papers, expected):
    assert withheld(exempt_paragraph=paragraph, full_papers=full_papers) == expected


@pytest.mark.parametrize(
    ("paragraph", "full_papers", "shows_content"),
    [(None, False, True), (3, True, True), (3, False, False)],
)
def test_an_item_keeps_its_number_and_title_for_everyone(paragraph, full_papers, shows_content):
    seen = item_seen(
        number=9, title="Placement", exempt_paragraph=paragraph, full_papers=full_papers
    )
    assert (seen.number, seen.title, seen.shows_content) == (9, "Placement", shows_content)


@pytest.mark.parametrize(
    ("paragraph", "full_papers", "title", "note"),
    [
        (None, False, "Contract award to Acme Care", ""),
        (3, True, "Contract award to Acme Care", ""),
        # Withheld: the agenda item's published title, never the minute's own.
        (3, False, "Contract award", exempt_note(3)),
    ],
)
def test_a_withheld_minute_shows_its_items_title(paragraph, full_papers, title, note):
    seen = minute_seen(
        number=19, title="Contract award to Acme Care", item_title="Contract award",
        exempt_paragraph=paragraph, full_papers=full_papers,
    )  # fmt: skip
    assert (seen.number, seen.title, seen.withheld) == (19, title, note)


def test_a_minute_without_an_item_keeps_its_title():
    seen = minute_seen(number=1, title="Welcome", item_title=None, exempt_paragraph=None,
                       full_papers=False)  # fmt: skip
    assert seen.title == "Welcome"


@pytest.mark.parametrize(
    ("paragraph", "full_papers", "expected"),
    [(None, False, "Foster carer"), (1, True, "Foster carer"), (1, False, "")],
)
def test_the_interest_declared_on_an_exempt_item_is_withheld(paragraph, full_papers, expected):
    seen = interest_seen(
        interest="Foster carer", exempt_paragraph=paragraph, full_papers=full_papers
    )
    assert seen == expected


OMITTED = [{"item_id": 7, "number": 9, "exempt_omitted": True}]
PAGES = [{"item_id": 7, "number": 9, "first": 3, "last": 4}]


@pytest.mark.parametrize(
    ("held", "pages", "same_meeting", "item_id", "holds"),
    [
        ([5, 7], [], True, 7, True),  # recorded as held
        ([5, 7], [], False, 7, True),  # held in its previous minutes or action log
        ([5], PAGES, True, 7, False),  # recorded, and this item is not among them
        ([], PAGES, True, 7, True),  # built before packs recorded: in the meeting
        ([], [], True, 7, True),  # an item without papers was on the front sheet
        ([], OMITTED, True, 7, False),  # left out as exempt
        ([], [], False, 7, False),  # another meeting's older pack
    ],
)
def test_which_public_packs_hold_an_item(held, pages, same_meeting, item_id, holds):
    found = pack_holds(
        held_items=held, item_pages=pages, same_meeting=same_meeting, item_id=item_id
    )
    assert found is holds
