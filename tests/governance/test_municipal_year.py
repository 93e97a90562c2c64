"""Municipal years, May to April (governance.domain.municipal_year)."""

import datetime

import pytest

from governance.domain.municipal_year import municipal_year, municipal_year_bounds

D = datetime.date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2022, 11, 2), "2022/23"),
        (D(2023, 1, 11), "2022/23"),
        (D(2023, 4, 30), "2022/23"),
        (D(2023, 5, 1), "2023/24"),
        (D(1999, 6, 1), "1999/00"),
    ],
)
def test_municipal_year_runs_may_to_april(day, expected):
    assert municipal_year(day) == expected


def test_bounds_of_a_named_year():
    assert municipal_year_bounds("2022/23") == (D(2022, 5, 1), D(2023, 4, 30))


@pytest.mark.parametrize("name", ["2022/24", "22/23", "2022", "abcd/ef"])
def test_a_name_that_is_not_a_municipal_year_is_refused(name):
    with pytest.raises(ValueError, match="is not a municipal year"):
        municipal_year_bounds(name)
