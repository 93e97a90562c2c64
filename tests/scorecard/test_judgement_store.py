"""Stored SPC judgements (issue 13): what the pages read equals what SPC over the whole
series gave, and every writer of its inputs keeps them up to date."""

import datetime
import random
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance import roles
from scorecard import services
from scorecard.approval_services import values_approve
from scorecard.domain.entry import Entry
from scorecard.domain.spc import spc
from scorecard.domain.spc_months import months_spc
from scorecard.judgement_services import indicator_judgements_refresh
from scorecard.models import IndicatorJudgement, IndicatorValue
from scorecard.selectors.months import add_months
from scorecard.selectors.spc import indicator_spc, stored_judgements, stored_spc
from tests.governance.factories import UserFactory
from tests.scorecard.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    ServiceAreaFactory,
    TargetFactory,
)

FIRST = datetime.date(2020, 1, 1)
State = IndicatorValue.State


def varied_series(seed: int, length: int) -> list[Decimal | None]:
    """Noise, a step, a rising trend, a long run, repeats and missing figures."""
    rng = random.Random(seed)
    values, level = [], 50.0
    for n in range(length):
        if n == length // 3:
            level += 25  # a step: points outside the limits, then a run
        if length // 2 <= n < length // 2 + 9:
            level += 2  # a trend of nine rising points
        figure = level + rng.gauss(0, 3)
        values.append(None if rng.random() < 0.08 else Decimal(f"{figure:.1f}"))
        if rng.random() < 0.1:
            values.append(values[-1])  # an equal value breaks a trend
    return values[:length]


def _months(count: int) -> list[datetime.date]:
    return [add_months(FIRST, n) for n in range(count)]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("polarity", ["higher", "lower", "band", "neither", "not_set"])
@pytest.mark.parametrize(
    "baseline", [(None, None), (FIRST, add_months(FIRST, 14)), (add_months(FIRST, 30), None)]
)
def test_each_month_is_judged_as_spc_over_the_series_up_to_it(seed, polarity, baseline):
    values, periods = varied_series(seed, 60), _months(60)
    start, end = baseline
    judged = months_spc(values, periods, polarity=polarity, baseline_from=start, baseline_to=end)
    for upto, month in enumerate(judged):
        fixed = None
        if start or end:
            inside = [i for i, p in enumerate(periods[: upto + 1]) if (start is None or p >= start)
                      and (end is None or p <= end)]  # fmt: skip
            fixed = (inside[0], inside[-1]) if inside else None
        whole = spc(
            values[: upto + 1], polarity=polarity, periods=periods[: upto + 1], baseline=fixed
        )
        assert month.limits == whole.limits
        assert month.message == whole.message
        assert month.baseline == whole.baseline
        assert month.latest == whole.latest


def _store(indicator, values):
    for period, value in zip(_months(len(values)), values, strict=True):
        IndicatorValue.objects.create(
            indicator=indicator, period=period, value=value, state=State.APPROVED,
            missing_reason="" if value is not None else "n/a",
        )  # fmt: skip


@pytest.mark.django_db
def test_the_pages_read_what_spc_over_the_whole_series_gave():
    indicator = IndicatorFactory(polarity="lower")
    target = TargetFactory(indicator=indicator, kind="max", low=None, high=Decimal(60))
    _store(indicator, varied_series(3, 40))
    indicator_judgements_refresh(indicator_ids=[indicator.pk])
    approved = list(IndicatorValue.objects.filter(indicator=indicator).order_by("period"))
    for period in [*_months(42)]:
        stored = stored_judgements(period=period).get(indicator.pk)
        fresh = indicator_spc(indicator, [v for v in approved if v.period <= period], target)
        read = stored_spc(stored, indicator, target)
        if fresh is None:
            assert read is None
            continue
        assert (read.limits, read.message, read.baseline) == (
            fresh.limits,
            fresh.message,
            fresh.baseline,
        )
        assert (read.latest, read.variation, read.assurance, read.enough_data) == (
            fresh.latest,
            fresh.variation,
            fresh.assurance,
            fresh.enough_data,
        )


@pytest.mark.django_db
def test_no_judgement_before_the_first_approved_value():
    indicator = IndicatorFactory()
    _store(indicator, [Decimal(5)] * 3)
    indicator_judgements_refresh(indicator_ids=[indicator.pk])
    assert stored_judgements(period=add_months(FIRST, -1)) == {}
    assert IndicatorJudgement.objects.filter(indicator=indicator).count() == 3


@pytest.mark.django_db
def test_approving_a_value_refreshes_its_indicators_judgements():
    indicator = IndicatorFactory()
    _store(indicator, [Decimal(50 + n % 3) for n in range(13)])
    indicator_judgements_refresh(indicator_ids=[indicator.pk])
    entered_by, approver = UserFactory(), UserFactory()
    month = add_months(FIRST, 13)
    value = IndicatorValueFactory(
        indicator=indicator, period=month, value=Decimal(99), state=State.SUBMITTED,
        entered_by=entered_by,
    )  # fmt: skip

    values_approve(value_ids=[value.pk], user=approver)

    stored = IndicatorJudgement.objects.get(indicator=indicator, period=month)
    assert (stored.point_period, stored.side, stored.label) == (month, "high", "improvement")
    assert "outside a limit" in stored.rules


@pytest.mark.django_db
def test_refresh_queries_do_not_grow_with_values(django_assert_num_queries):
    few, many = IndicatorFactory(), IndicatorFactory()
    _store(few, [Decimal(n) for n in range(3)])
    _store(many, [Decimal(n % 7) for n in range(50)])  # one batch, even on SQLite
    with CaptureQueriesContext(connection) as one:
        indicator_judgements_refresh(indicator_ids=[few.pk])
    with django_assert_num_queries(len(one)):
        indicator_judgements_refresh(indicator_ids=[few.pk, many.pk])
    assert IndicatorJudgement.objects.count() == 53


@pytest.mark.django_db
def test_the_command_rewrites_judgements_changed_without_the_services():
    indicator = IndicatorFactory(ref="FD1")
    _store(indicator, [Decimal(50 + n % 3) for n in range(14)])  # as a bulk write would
    assert not IndicatorJudgement.objects.exists()

    out = StringIO()
    call_command("refresh_judgements", "FD1", stdout=out)

    assert IndicatorJudgement.objects.filter(indicator=indicator).count() == 14
    assert "14 judgements written for 1 indicator." in out.getvalue()
    with pytest.raises(CommandError, match="FD9"):
        call_command("refresh_judgements", "FD9")


@pytest.mark.django_db
def test_changing_an_approved_value_takes_it_out_of_the_judged_series():
    officer = UserFactory(roles=[roles.PERFORMANCE_OFFICER])
    indicator = IndicatorFactory(service_area=ServiceAreaFactory(prefix="FD"), ref="FD1")
    june = datetime.date(2023, 6, 1)
    IndicatorValueFactory(indicator=indicator, period=june, value=Decimal(3), state="approved")
    assert IndicatorJudgement.objects.filter(indicator=indicator, period=june).exists()

    services.values_enter(
        indicators=[indicator], period=june, user=officer, today=datetime.date(2023, 7, 10),
        entries={indicator.pk: Entry(value=Decimal(5))},
    )  # fmt: skip

    assert not IndicatorJudgement.objects.filter(indicator=indicator).exists()


@pytest.mark.django_db
def test_a_polarity_set_from_a_file_relabels_the_stored_judgements(tmp_path):
    indicator = IndicatorFactory(ref="FD1", polarity="higher")
    _store(indicator, [Decimal(50 + n % 3) for n in range(13)] + [Decimal(99)])
    indicator_judgements_refresh(indicator_ids=[indicator.pk])
    latest = add_months(FIRST, 13)
    assert IndicatorJudgement.objects.get(indicator=indicator, period=latest).label == "improvement"
    source = tmp_path / "polarity.csv"
    source.write_text("reference,polarity,reason\nFD1,lower,Fewer is better\n")

    services.indicator_polarities_apply(source=source)

    assert IndicatorJudgement.objects.get(indicator=indicator, period=latest).label == "concern"
