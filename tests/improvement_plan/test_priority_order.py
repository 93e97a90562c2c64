"""The overview's order: most Red first, then most Amber, then the plan's order."""

import pytest

from improvement_plan.domain.priority_order import worst_first_key


@pytest.mark.parametrize(
    ("worse", "better"),
    [
        ({"red": 2, "amber": 0, "number": 5}, {"red": 1, "amber": 9, "number": 1}),
        ({"red": 1, "amber": 3, "number": 5}, {"red": 1, "amber": 2, "number": 1}),
        ({"red": 1, "amber": 1, "number": 2}, {"red": 1, "amber": 1, "number": 3}),
        ({"red": 0, "amber": 1, "number": 7}, {"red": 0, "amber": 0, "number": 1}),
    ],
)
def test_the_worse_priority_sorts_first(worse, better):
    assert worst_first_key(**worse) < worst_first_key(**better)


def test_sorting_puts_the_most_red_first():
    rows = [(1, 0, 1), (0, 4, 2), (3, 0, 3), (0, 0, 4), (1, 2, 5)]
    ordered = sorted(rows, key=lambda r: worst_first_key(red=r[0], amber=r[1], number=r[2]))
    assert [number for *_, number in ordered] == [3, 5, 1, 2, 4]
