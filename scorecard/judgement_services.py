"""Writes the stored SPC judgements (scorecard.models.IndicatorJudgement) the scorecard
pages read instead of re-running SPC over every approved value on each request (issue 13).

Rules:
- An indicator's judgements are rewritten whole whenever an input changes: an approved
  value (approved, changed after approval, imported), its polarity, or its SPC baseline.
  Every writer of those calls indicator_judgements_refresh() with the indicators touched.
- One judgement per approved value's month: SPC of the approved values up to that month
  (scorecard.domain.spc_months, the same as scorecard.domain.spc.spc() gives).
- The queries do not grow with the values: the indicators (one), their approved values
  (one, streamed), one delete, and the new rows in batches of BATCH.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction

from scorecard.domain.spc_months import MonthSpc, months_spc
from scorecard.models import Indicator, IndicatorJudgement, IndicatorValue

BATCH = 2000
APPROVED = "approved"
LIMIT_FIELDS = (
    "mean",
    "mean_moving_range",
    "lower",
    "upper",
    "lower_two_thirds",
    "upper_two_thirds",
)


def _fields(month: MonthSpc) -> dict:
    """A month's judgement as IndicatorJudgement's fields (limits as exact decimal text)."""
    point = month.latest
    limits = month.limits
    return {
        "period": month.period,
        "limits": {n: str(getattr(limits, n)) for n in LIMIT_FIELDS} if limits else None,
        "message": month.message,
        "baseline": list(month.baseline) if month.baseline is not None else None,
        "point_index": point.index if point else None,
        "point_period": point.period if point else None,
        "point_value": point.value if point else None,
        "label": point.label if point else "",
        "side": (point.side or "") if point else "",
        "rules": list(point.rules) if point else [],
        "in_baseline": point.in_baseline if point else True,
    }


def _approved_series(value_model, indicator_ids: list[int]) -> dict[int, list[tuple]]:
    """Each indicator's approved (period, value) pairs, oldest first, in one query."""
    rows = (
        value_model.objects.filter(indicator_id__in=indicator_ids, state=APPROVED)
        .order_by("indicator_id", "period")
        .values_list("indicator_id", "period", "value")
    )
    series: dict[int, list[tuple]] = defaultdict(list)
    for pk, period, value in rows.iterator(chunk_size=5000):
        series[pk].append((period, value))
    return series


def judgements_write(models, indicator_ids: Iterable[int]) -> int:
    """Rewrites the judgements of `indicator_ids` with `models` (indicator, value and
    judgement classes: the live ones, or a migration's); returns how many were written."""
    indicator_model, value_model, judgement_model = models
    ids = sorted(set(indicator_ids))
    indicators = indicator_model.objects.filter(pk__in=ids).values_list(
        "pk", "polarity", "spc_baseline_from", "spc_baseline_to"
    )
    series = _approved_series(value_model, ids)
    judgement_model.objects.filter(indicator_id__in=ids).delete()
    rows = []
    for pk, polarity, baseline_from, baseline_to in indicators:
        held = series.get(pk, [])
        months = months_spc(
            [value for _, value in held], [period for period, _ in held], polarity=polarity,
            baseline_from=baseline_from, baseline_to=baseline_to,
        )  # fmt: skip
        rows += [judgement_model(indicator_id=pk, **_fields(month)) for month in months]
    judgement_model.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


@transaction.atomic
def indicator_judgements_refresh(*, indicator_ids: Iterable[int]) -> int:
    """Rewrites the stored SPC judgements of the indicators given (module docstring):
    call it after changing their approved values, polarity or SPC baseline."""
    return judgements_write((Indicator, IndicatorValue, IndicatorJudgement), indicator_ids)
