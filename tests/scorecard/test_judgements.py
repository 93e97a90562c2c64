from decimal import Decimal as D

from scorecard.judgements import judge
from scorecard.models import Indicator, Target


def test_fd8_june_2023_is_red_and_improving_on_last_year():
    indicator = Indicator(
        ref="FD8", unit=Indicator.Unit.PERCENTAGE, polarity="higher", decimal_places=1
    )
    target = Target(written="85-90%", kind="band", low=D(85), high=D(90))
    result = judge(indicator=indicator, value=D("78.1"), previous=D("80.2"),
                   year_earlier=D(62), target=target)  # fmt: skip
    assert result.rag.rag == "red"
    assert result.on_previous_period.words == "Down, worsening"
    assert result.on_last_year.words == "Up, improving"


def test_no_target_no_rag_but_still_a_direction():
    indicator = Indicator(ref="FD1", unit=Indicator.Unit.COUNT, polarity="band")
    result = judge(indicator=indicator, value=D(1302), previous=D(1355), year_earlier=D(1221),
                   target=None)  # fmt: skip
    assert (result.rag.rag, result.rag.words) == (None, "No target set")
    assert result.on_previous_period.words == "Down"
