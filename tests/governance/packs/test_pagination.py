"""Page ranges from page counts (governance.packs.pagination)."""

import pytest

from governance.packs.pagination import Span, lay_out, page_range, total_pages


def test_items_follow_one_another_from_page_one():
    spans = lay_out([4, 10, 30], start_on_odd=False)

    assert spans == [Span(1, 4), Span(5, 14), Span(15, 44)]
    assert [span.written for span in spans] == ["1-4", "5-14", "15-44"]
    assert total_pages(spans) == 44


def test_a_blank_page_ends_an_item_that_would_leave_the_next_on_an_even_page():
    spans = lay_out([3, 10, 1, 2], start_on_odd=True)

    assert spans == [Span(1, 4, True), Span(5, 14, False), Span(15, 16, True), Span(17, 18)]
    assert all(span.first % 2 == 1 for span in spans)


def test_no_blank_page_after_the_last_item():
    assert lay_out([3], start_on_odd=True) == [Span(1, 3)]


def test_a_single_page_is_written_on_its_own():
    assert page_range(7, 7) == "7"
    assert lay_out([1], start_on_odd=False)[0].written == "1"


def test_an_item_needs_at_least_one_page():
    with pytest.raises(ValueError, match="at least one page"):
        lay_out([2, 0], start_on_odd=False)
