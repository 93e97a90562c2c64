import datetime

import pytest

from improvement_plan.domain.slippage import Slippage, slippage

D = datetime.date


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ([], Slippage(0, 0, None, None)),
        ([(D(2022, 8, 31), D(2022, 10, 31))], Slippage(1, 61, D(2022, 8, 31), D(2022, 10, 31))),
        (
            [(D(2022, 8, 31), D(2022, 9, 30)), (D(2022, 9, 30), D(2023, 1, 31))],
            Slippage(2, 153, D(2022, 8, 31), D(2023, 1, 31)),
        ),
        ([(D(2023, 3, 31), D(2023, 2, 28))], Slippage(1, -31, D(2023, 3, 31), D(2023, 2, 28))),
        ([(None, D(2023, 2, 28))], Slippage(1, 0, None, D(2023, 2, 28))),
    ],
)
def test_slippage(changes, expected):
    assert slippage(changes) == expected
