"""Where each item's papers fall in the pack. Pure: page counts in, page ranges out.

Rules:
- Page 1 is the first page after the front sheet; the front sheet is not numbered, so
  however long it is, nothing after it moves.
- Items' papers follow one another in agenda order.
- When items start on right-hand (odd) pages, an item that would start on an even page
  is preceded by a page saying "This page is intentionally left blank". The blank page
  belongs to the item before it, as in the council's packs ("1-4" where page 4 is the
  blank page), so the ranges on the front sheet cover every page.
- A range is written "5-14", or "5" for a single page.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """An item's pages: `first` to `last` inclusive, `blank_after` when its last page is
    the filler page added so the next item starts on an odd page."""

    first: int
    last: int
    blank_after: bool = False

    @property
    def written(self) -> str:
        return page_range(self.first, self.last)


def page_range(first: int, last: int) -> str:
    """A range as the front sheet writes it: "5-14", or "5" for a single page."""
    return str(first) if first == last else f"{first}-{last}"


def lay_out(page_counts: list[int], *, start_on_odd: bool) -> list[Span]:
    """Each item's span, given how many pages its papers have (module docstring)."""
    spans: list[Span] = []
    next_page = 1
    for index, count in enumerate(page_counts):
        if count < 1:
            raise ValueError("An item in the pack must have at least one page.")
        first, last = next_page, next_page + count - 1
        next_page = last + 1
        more_follow = index < len(page_counts) - 1
        blank = start_on_odd and more_follow and next_page % 2 == 0
        if blank:
            last, next_page = last + 1, next_page + 1
        spans.append(Span(first, last, blank))
    return spans


def total_pages(spans: list[Span]) -> int:
    """How many numbered pages the spans take."""
    return spans[-1].last if spans else 0
