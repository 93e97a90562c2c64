"""How an indicator is judged, and the council's letter beside ours (issue 12, section 1).

For the indicator page: its polarity and amber tolerance, each with where it came from
(learned at import from evidence, or who set it and why, from the indicator's history),
and each approved month that carries the council's own RAG letter, beside our RAG, with
why they differ in words. Ours is scorecard.domain.rag's, exactly as every page gives it.
Reads only what indicator_selectors.indicators_for_page() prefetched, plus one query of
the indicator's history.
"""

from dataclasses import dataclass
from decimal import Decimal

from scorecard.domain.polarity import withheld_because
from scorecard.domain.polarity_evidence import NOT_LEARNED, is_learned, plain
from scorecard.domain.rag import (
    DEFAULT_POINTS,
    DEFAULT_SHARE,
    passing_range,
    rag_against_target,
    shortfall,
    tolerance,
)
from scorecard.importing.learning import learned_here
from scorecard.models import Indicator, IndicatorValue, Target
from scorecard.selectors import target_in_force
from scorecard.tables import format_value

UNSET_POLARITY = (
    "No one has set it, and no bound target or council RAG letter imported has shown it"
)
DEFAULT_TOLERANCE = "Our default: no one has set one, and no council letters have shown one"
COUNCIL = {"R": "Red", "A": "Amber", "G": "Green", "N/A": "N/A"}


@dataclass(frozen=True)
class Setting:
    """A polarity or tolerance shown, and where it came from in words."""

    shown: str
    source: str


@dataclass(frozen=True)
class LetterBesideOurs:
    period: object
    value: str
    target: str
    council: str
    ours: str | None
    agree: bool
    why: str


@dataclass(frozen=True)
class JudgementEvidence:
    polarity: Setting
    tolerance: Setting
    letters: list[LetterBesideOurs]

    @property
    def differences(self) -> int:
        return sum(not row.agree for row in self.letters)


def judgement_evidence(indicator: Indicator, approved: list[IndicatorValue]) -> JudgementEvidence:
    """The polarity, tolerance and letters for an indicator from indicators_for_page()."""
    changes = _changes(indicator)
    return JudgementEvidence(
        polarity=Setting(indicator.get_polarity_display(), _polarity_source(indicator, changes)),
        tolerance=Setting(tolerance_shown(indicator), _tolerance_source(indicator, changes)),
        letters=[
            letter_beside_ours(indicator, value)
            for value in reversed(approved)
            if value.reported_rag in COUNCIL
        ],
    )


def tolerance_shown(indicator: Indicator) -> str:
    """ "3 points", or the default rule in words when none is set."""
    percentage = indicator.unit == Indicator.Unit.PERCENTAGE
    if indicator.amber_tolerance is not None:
        return f"{plain(indicator.amber_tolerance)}{' points' if percentage else ''}"
    if percentage:
        return f"The default: {plain(DEFAULT_POINTS)} points"
    return f"The default: {plain(DEFAULT_SHARE * 100)}% of the target"


def _changes(indicator: Indicator) -> dict[str, object]:
    """The latest history record that changed each of polarity and tolerance (one query)."""
    records = list(indicator.history.order_by("history_date", "history_id"))
    found: dict[str, object] = {}
    for before, after in zip([None, *records], records, strict=False):
        for name in ("polarity", "amber_tolerance"):
            if before is None or getattr(before, name) != getattr(after, name):
                found[name] = after
    return found


def _polarity_source(indicator: Indicator, changes: dict) -> str:
    if indicator.polarity == Indicator.Polarity.NOT_SET and not indicator.polarity_reason:
        return UNSET_POLARITY
    return _source(indicator.polarity_reason, changes.get("polarity"), "polarity")


def _tolerance_source(indicator: Indicator, changes: dict) -> str:
    if indicator.amber_tolerance is None and not indicator.amber_tolerance_reason:
        return DEFAULT_TOLERANCE
    return _source(indicator.amber_tolerance_reason, changes.get("amber_tolerance"), "tolerance")


def _source(reason: str, record, what: str) -> str:
    """Where the value came from: its learned reason while the last change was the
    import's learning, else who set it (and why)."""
    learned = bool(reason) and is_learned(reason)
    if learned and (record is None or _learned_there(record)):
        return reason
    who = _who(record)
    if reason and not learned:
        return f"{reason}{f' ({who})' if who else ''}"
    if who:
        why = getattr(record, "history_change_reason", "") or ""
        return f"{who}{f': {why}' if why else ''}"
    return f"No record of who set this {what}"


def _learned_there(record) -> bool:
    """The last change was the import's learning, or the record that created the indicator."""
    return record.history_type == "+" or learned_here(record)


def _who(record) -> str:
    if record is None or record.history_type == "+" and record.history_user_id is None:
        return ""
    user = record.history_user
    name = (user.full_name or user.email) if user is not None else "the system"
    return f"Set by {name} on {record.history_date:%-d %B %Y}"


def letter_beside_ours(indicator: Indicator, value: IndicatorValue) -> LetterBesideOurs:
    """One month: the council's letter, our RAG, and why they differ."""
    target = target_in_force(indicator.targets_newest_first, period=value.period)
    rag = rag_against_target(
        value=value.value, kind=target.kind if target else None,
        low=target.low if target else None, high=target.high if target else None,
        polarity=indicator.polarity, is_percentage=_is_percentage(indicator),
        own_tolerance=indicator.amber_tolerance,
    )  # fmt: skip
    ours = rag.rag.capitalize() if rag.rag else None
    council = COUNCIL[value.reported_rag]
    agree = ours == council
    return LetterBesideOurs(
        period=value.period,
        value=_figure(value.value, indicator),
        target=target.written if target else "",
        council=council,
        ours=ours,
        agree=agree,
        why=why_they_differ(indicator, value, target, council, ours, rag.words),
    )


def why_they_differ(indicator, value, target: Target | None, council, ours, words) -> str:
    """ "The council marked it Green; we judge Amber: 3 points below the 85% target,
    within our tolerance of 5 points"; "We agree." when the letters are the same."""
    if council == "N/A":
        return "The council gave no RAG (N/A) for this month."
    if ours == council:
        return "We agree."
    withheld = withheld_because(indicator.polarity)
    if withheld:
        why = indicator.polarity_reason.removeprefix(NOT_LEARNED)
        why = (
            f" It was not learned: {why}."
            if indicator.polarity_reason.startswith(NOT_LEARNED)
            else ""
        )
        return f"The council marked it {council}; we give no RAG. {withheld}.{why}"
    if ours is None:
        return f"The council marked it {council}; we give no RAG: {words.lower()}."
    said = f"The council marked it {council}; we judge {ours}"
    if ours == "Green":
        return f"{said}: it meets the {target.written} target as its polarity reads it."
    allowed = _tolerance_used(indicator, value.value, target)
    side = "within" if ours == "Amber" else "outside"
    place = words.replace("the target", f"the {target.written} target")
    return f"{said}: {place}, {side} our tolerance of {allowed}."


def _tolerance_used(indicator: Indicator, figure: Decimal, target: Target) -> str:
    passing = passing_range(
        kind=target.kind, low=target.low, high=target.high, polarity=indicator.polarity
    )
    _, bound = shortfall(figure, passing)
    allowed = tolerance(
        is_percentage=_is_percentage(indicator), figure=bound, own=indicator.amber_tolerance
    )
    unit = " points" if _is_percentage(indicator) else ""
    return f"{plain(allowed.quantize(Decimal('0.01')))}{unit}"


def _is_percentage(indicator: Indicator) -> bool:
    return indicator.unit == Indicator.Unit.PERCENTAGE


def _figure(number: Decimal | None, indicator: Indicator) -> str:
    if number is None:
        return "No figure"
    return format_value(number, unit=indicator.unit, decimal_places=indicator.decimal_places)
