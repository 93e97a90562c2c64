"""scorecard.selectors.light: the service-area month and the exceptions read plain
records, not models (issue 13). The rows they make are the rows the models made: the
same figures, target, benchmarks, RAG, direction and SPC, and the same exceptions."""

import pytest

from benchmarks.scorecard_pages import LAST_MONTH, seed_area
from scorecard.models import Indicator
from scorecard.selectors.light import indicator_records, judgement_records
from scorecard.selectors.months import add_months
from scorecard.selectors.pages import exception_reasons, exceptions
from scorecard.selectors.rows import judged_months, scorecard_indicators, scorecard_row
from scorecard.selectors.spc import stored_judgements
from scorecard.tables import spc_icons_key

pytestmark = pytest.mark.django_db


def _shown(row) -> tuple:
    """What the pages show of a row."""
    months = [(month, value.value if value else None) for month, value in row.months]
    current = row.current
    return (
        row.indicator.pk, row.indicator.ref, row.indicator.section_id, months,
        current.value if current else None, current.reported_rag if current else None,
        row.previous.value if row.previous else None, row.previous_year,
        row.target.written if row.target else None,
        {code: (b.value, b.year) for code, b in row.benchmarks.items()},
        row.judgement.rag, row.judgement.on_previous_period,
        spc_icons_key(row.spc), row.spc.latest if row.spc else None,
    )  # fmt: skip


@pytest.fixture
def areas():
    for order, prefix in enumerate(("FD", "EH")):
        seed_area(prefix, indicators=10, months=30, seed=order)


@pytest.mark.parametrize("months_back", [0, 2, 13])
def test_the_light_rows_are_the_rows_the_models_made(areas, months_back):
    period = add_months(LAST_MONTH, -months_back)
    since = add_months(period, -12)
    by_models = [
        scorecard_row(i, period=period, history=None, judgements=stored_judgements(period=period))
        for i in scorecard_indicators(period=period, since=since)
    ]
    light = [
        scorecard_row(i, period=period, history=None, judgements=judgement_records(period=period))
        for i in indicator_records(period=period, since=since)
    ]

    assert [_shown(row) for row in light] == [_shown(row) for row in by_models]
    assert any(row.spc and row.spc.latest for row in light)  # SPC was read, not all None


def test_the_exceptions_are_those_every_row_judged_with_its_spc_gives(areas):
    period = LAST_MONTH
    stored = stored_judgements(period=period)
    expected = []
    for indicator in scorecard_indicators(
        period=period, since=add_months(period, -12), only=judged_months(period)
    ):
        row = scorecard_row(indicator, period=period, history=None, judgements=stored)
        if reasons := exception_reasons(row):
            expected.append((indicator.ref, reasons, spc_icons_key(row.spc)))

    found = [
        (shown.row.indicator.ref, shown.reasons, spc_icons_key(shown.row.spc))
        for _, rows in exceptions(period=period, with_spc=True)
        for shown in rows
    ]

    assert sorted(found) == sorted(expected)
    assert len(found) > 3
    # some indicators are not judged (read no more), and none of them was an exception
    assert Indicator.objects.filter(polarity="neither").exists()


def test_an_indicator_not_judged_is_never_an_exception(areas):
    """Red, worsening and concern are judgements: with its polarity not set, an
    indicator Red and worsening before is not an exception (scorecard.domain.polarity)."""
    before = {s.row.indicator.pk for _, rows in exceptions(period=LAST_MONTH, with_spc=True)
              for s in rows}  # fmt: skip
    Indicator.objects.filter(pk__in=before).update(polarity="not_set")

    assert exceptions(period=LAST_MONTH, with_spc=True) == []


def test_one_areas_records_are_that_areas_only(areas):
    from scorecard.models import ServiceArea

    area = ServiceArea.objects.get(prefix="EH")
    records = indicator_records(period=LAST_MONTH, since=LAST_MONTH, area=area)

    assert {record.service_area.prefix for record in records} == {"EH"}
    assert len(records) == 10
    assert set(judgement_records(period=LAST_MONTH, area=area)) == {r.pk for r in records}
