"""Polarity and amber tolerance learned at import, in the import's own transaction.

After every row is stored, the indicators the file touched are read back with every
council RAG letter held for them (this file's and earlier files') and every target, and
the pure rules decide (scorecard.domain.polarity_evidence, tolerance_evidence): what is
learned is written with its reason and an entry in the indicator's history naming the
importing user; what conflicts is listed in the report, row by row. A dry run does the
same and is rolled back, so its report says what would be learned.
"""

from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from scorecard.domain.polarity_evidence import (
    EvidenceRow,
    LetterReading,
    decide_polarity,
    learn_polarity,
    may_learn,
    plain,
)
from scorecard.domain.tolerance_evidence import (
    ToleranceVerdict,
    decide_tolerance,
    learn_tolerance,
    marked_months,
)
from scorecard.importing.bulk import history_copy, rows_update
from scorecard.importing.report import ConflictRow, Learned, ScorecardImportReport
from scorecard.models import Indicator, IndicatorValue, Target

HistoricalIndicator = Indicator.history.model

LETTERS = ("R", "A", "G")
BOUNDS = (Target.Kind.MIN, Target.Kind.MAX)
POLARITY_WORDS = dict(Indicator.Polarity.choices)
HISTORY_REASON = "Learned from evidence at the import of "
PERSON = "Set by a person"
PERCENTAGES = "percentage indicators (the council's default tolerance)"


@dataclass
class Evidence:
    """One indicator's evidence and what is to be written to it."""

    indicator: Indicator
    readings: list[LetterReading]
    bounds: list[tuple[str, str]]
    changed: list[str] = field(default_factory=list)
    by_person: frozenset[str] = frozenset()


def learn_from_evidence(*, indicator_ids, report: ScorecardImportReport, user) -> list[int]:
    """Learns polarity, then tolerance, for the indicators imported (module docstring);
    returns the ids of those whose polarity changed (their SPC judgements follow it)."""
    evidence = [_evidence(indicator) for indicator in _indicators(indicator_ids)]
    _mark_set_by_a_person(evidence)
    for item in evidence:
        _learn_polarity(item, report)
    _learn_tolerances(evidence, report)
    _save([item for item in evidence if item.changed], user, report.filename)
    return [item.indicator.pk for item in evidence if "polarity" in item.changed]


def _indicators(indicator_ids):
    lettered = IndicatorValue.objects.filter(
        reported_rag__in=LETTERS, value__isnull=False
    ).order_by("period")
    return (
        Indicator.objects.filter(pk__in=indicator_ids)
        .order_by("ref")
        .prefetch_related(
            Prefetch("values", queryset=lettered, to_attr="lettered_values"),
            Prefetch(
                "targets",
                queryset=Target.objects.order_by("-effective_from"),
                to_attr="targets_newest_first",
            ),
        )
    )


def _evidence(indicator: Indicator) -> Evidence:
    readings = []
    for value in indicator.lettered_values:
        target = next(
            (t for t in indicator.targets_newest_first if t.effective_from <= value.period), None
        )
        if target is not None:
            readings.append(
                LetterReading(
                    indicator.ref, value.period, value.value, target.written,
                    target.kind, target.low, target.high, value.reported_rag,
                )
            )  # fmt: skip
    bounds = [(t.written, t.kind) for t in reversed(indicator.targets_newest_first)]
    return Evidence(indicator, readings, [bound for bound in bounds if bound[1] in BOUNDS])


def _learn_polarity(item: Evidence, report: ScorecardImportReport) -> None:
    indicator = item.indicator
    verdict = learn_polarity(ref=indicator.ref, bounds=item.bounds, readings=item.readings)
    held, held_reason = indicator.polarity, _reason(item, "polarity")
    if verdict.conflict and may_learn(held=held, held_reason=held_reason):
        report.conflicts += [_conflict("Polarity", row) for row in verdict.conflict]
    decision = decide_polarity(held=held, held_reason=held_reason, verdict=verdict)
    if decision is None:
        if verdict.polarity and verdict.polarity != indicator.polarity:
            report.polarities_kept.append(
                _learned(indicator.ref, "Polarity", indicator.polarity, verdict.polarity,
                         verdict.reason)
            )  # fmt: skip
        return
    _report(
        report,
        _learned(indicator.ref, "Polarity", indicator.polarity, decision.polarity, decision.reason),
    )
    indicator.polarity, indicator.polarity_reason = decision.polarity, decision.reason
    item.changed += ["polarity", "polarity_reason"]


def _learn_tolerances(evidence: list[Evidence], report: ScorecardImportReport) -> None:
    """Percentages share the council's default; any other unit learns from its own letters."""
    percentages = [item for item in evidence if _is_percentage(item.indicator)]
    pooled = learn_tolerance(
        [m for item in percentages for m in marked_months(item.readings, item.indicator.polarity)],
        unit=" points",
    )
    report.conflicts += [_conflict(f"Amber tolerance, {PERCENTAGES}", r) for r in pooled.conflict]
    for item in evidence:
        if not item.indicator.targets_newest_first:
            continue
        if _is_percentage(item.indicator):
            _learn_tolerance(item, pooled, report)
            continue
        own = learn_tolerance(marked_months(item.readings, item.indicator.polarity), unit="")
        report.conflicts += [_conflict("Amber tolerance", row) for row in own.conflict]
        _learn_tolerance(item, own, report)


def _learn_tolerance(item: Evidence, verdict: ToleranceVerdict, report) -> None:
    indicator = item.indicator
    decision = decide_tolerance(
        held=indicator.amber_tolerance,
        held_reason=_reason(item, "amber_tolerance"),
        verdict=verdict,
    )
    if decision is None:
        return
    _report(
        report,
        _learned(
            indicator.ref, "Amber tolerance", _tolerance(indicator, indicator.amber_tolerance),
            _tolerance(indicator, decision.tolerance), decision.reason,
        ),
    )  # fmt: skip
    indicator.amber_tolerance = decision.tolerance
    indicator.amber_tolerance_reason = decision.reason
    item.changed += ["amber_tolerance", "amber_tolerance_reason"]


def _mark_set_by_a_person(evidence: list[Evidence]) -> None:
    """Rule: a reason that says "Learned" counts only while the last change to that
    field in the indicator's history was the import's own; a person who changed it in
    any other way (the admin, a form that left the reason as it was) chose it. One query."""
    items = {item.indicator.pk: item for item in evidence}
    records = HistoricalIndicator.objects.filter(id__in=list(items)).order_by(
        "id", "history_date", "history_id"
    )
    before = {}
    for record in records.only("id", "polarity", "amber_tolerance", "history_change_reason"):
        earlier = before.get(record.id)
        for name in ("polarity", "amber_tolerance"):
            if earlier is not None and getattr(earlier, name) == getattr(record, name):
                continue
            item = items[record.id]
            if earlier is None or learned_here(record):
                item.by_person -= {name}
            else:
                item.by_person |= {name}
        before[record.id] = record


def learned_here(record) -> bool:
    """Whether a history record is a change this module made."""
    return (record.history_change_reason or "").startswith(HISTORY_REASON)


def _reason(item: Evidence, name: str) -> str:
    """The held reason, or a person's mark where the history says a person changed it."""
    return PERSON if name in item.by_person else getattr(item.indicator, f"{name}_reason")


def _report(report: ScorecardImportReport, learned: Learned) -> None:
    """A new value is listed; the same value with more evidence only counts."""
    if learned.before == learned.after:
        report.reasons_updated += 1
    else:
        report.learned.append(learned)


def _save(items: list[Evidence], user, filename: str) -> None:
    """Writes what was learned in bulk, each with an entry in the indicator's history
    naming the importing user and the file (a few queries, whatever the file's size)."""
    indicators = [item.indicator for item in items]
    fields = sorted({name for item in items for name in item.changed})
    rows_update(Indicator, indicators, fields)
    reason = f"{HISTORY_REASON}{filename}"[:100]
    history_copy(Indicator, [i.pk for i in indicators], kind="~", user=user, reason=reason)


def _is_percentage(indicator: Indicator) -> bool:
    return indicator.unit == Indicator.Unit.PERCENTAGE


def _tolerance(indicator: Indicator, tolerance: Decimal | None) -> str:
    if tolerance is None:
        return "The default"
    return f"{plain(tolerance)}{' points' if _is_percentage(indicator) else ''}"


def _learned(ref: str, what: str, before: str, after: str, reason: str) -> Learned:
    before = POLARITY_WORDS.get(before, before)
    return Learned(ref, what, before, POLARITY_WORDS.get(after, after), reason)


def _conflict(about: str, row: EvidenceRow) -> ConflictRow:
    return ConflictRow(**asdict(row), about=about)
