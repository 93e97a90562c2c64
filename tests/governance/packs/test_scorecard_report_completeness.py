"""The pack's scorecard report says how complete its month is, and lists each expected
indicator without an approved figure among its area's exceptions (issue 12, section 2)."""

import datetime

import pytest

from governance.models import Paper
from scorecard.models import IndicatorValue
from tests.governance.packs.test_reports import paper_text
from tests.scorecard.factories import IndicatorFactory, ServiceAreaFactory, TargetFactory

MAY, JUNE = datetime.date(2023, 5, 1), datetime.date(2023, 6, 1)
APPROVED = IndicatorValue.State.APPROVED


def held(indicator, period, value, **kwargs):
    kwargs.setdefault("state", APPROVED)
    IndicatorValue.objects.create(indicator=indicator, period=period, value=value, **kwargs)


@pytest.fixture
def three_indicators(db):
    """FD1 to FD3 approved and Green in May; in June FD1 approved, FD2 missing with a
    reason, FD3 submitted and not yet approved."""
    area = ServiceAreaFactory(prefix="FD", title="Front Door")
    indicators = [
        IndicatorFactory(service_area=area, ref=f"FD{n}", title=f"Screenings {n}")
        for n in range(1, 4)
    ]
    for indicator in indicators:
        TargetFactory(indicator=indicator, written="85-90%", low=85, high=90)
        held(indicator, MAY, 88)
    held(indicators[0], JUNE, 88)
    held(indicators[1], JUNE, None, missing_reason="Not Yet Available")
    held(indicators[2], JUNE, 99, state=IndicatorValue.State.SUBMITTED)
    return indicators


def test_the_report_counts_its_months_figures_and_lists_those_without_one(
    meeting, three_indicators
):
    text = paper_text(meeting, Paper.Kind.SCORECARD_REPORT, scorecard_period=JUNE)

    assert (
        "Completeness: June 2023: 1 of 3 expected figures approved; 1 entered and waiting "
        "approval; 1 missing with a reason."
    ) in text
    assert "Judgements for June 2023 leave out the 1 figure not approved or explained" in text
    assert "FD2 Screenings 2: No figure: missing, with the reason “Not Yet Available”" in text
    assert "FD3 Screenings 3: No figure: entered, not yet approved" in text
    assert "no indicator is Red" not in text
    assert "99.0%" not in text


def test_an_all_clear_only_when_every_figure_is_approved(meeting, three_indicators):
    text = paper_text(meeting, Paper.Kind.SCORECARD_REPORT, scorecard_period=MAY)

    assert "Completeness: May 2023: 3 of 3 expected figures approved." in text
    assert "leave out" not in text
    assert (
        "Every expected figure is approved, and no indicator is Red, worsening or showing "
        "special cause concern this month."
    ) in text
