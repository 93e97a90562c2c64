"""improvement_plan.domain.indicator_links: each person changes only what they ticked."""

import pytest

from improvement_plan.domain.indicator_links import links_after


@pytest.mark.parametrize(
    ("opened", "current", "submitted", "expected"),
    [
        # Nobody else changed anything: what was sent is what is kept.
        ({1, 2}, {1, 2}, {2, 3}, {2, 3}),
        # Someone else added 4 meanwhile: kept beside this person's 3.
        ({1, 2}, {1, 2, 4}, {1, 2, 3}, {1, 2, 3, 4}),
        # Someone else removed 1 meanwhile; this person did not touch it: stays removed.
        ({1, 2}, {2}, {1, 2, 3}, {2, 3}),
        # Both removed 2: removed once.
        ({1, 2}, {1}, {1}, {1}),
        # Both added 3: added once.
        ({1}, {1, 3}, {1, 3}, {1, 3}),
        # Nothing ticked when opened, nothing sent: the current links stand.
        (set(), {5}, set(), {5}),
    ],
)
def test_links_after(opened, current, submitted, expected):
    assert links_after(opened=opened, current=current, submitted=submitted) == expected
