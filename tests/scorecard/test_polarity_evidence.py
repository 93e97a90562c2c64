"""Issue 12, section 1: polarity and amber tolerance learned from evidence, never guessed
(scorecard.domain.polarity_evidence and tolerance_evidence): bound, band, letters
agreeing, letters conflicting, a person's choice kept, tolerance learned or conflicting."""

import datetime
from decimal import Decimal as D

import pytest

from scorecard.domain.polarity_evidence import (
    CONFLICT_REASON,
    LetterReading,
    PolarityVerdict,
    decide_polarity,
    is_learned,
    learn_polarity,
    months_in_words,
)
from scorecard.domain.tolerance_evidence import (
    ToleranceVerdict,
    decide_tolerance,
    learn_tolerance,
    marked_months,
)

JAN24 = datetime.date(2024, 1, 1)
RAG = "Learned from the council's RAG: "
JUN23 = datetime.date(2023, 6, 1)
KINDS = {"85%": ("single", D(85), D(85)), "16-18": ("band", D(16), D(18))}
KINDS |= {">65%": ("min", D(65), None), "<7%": ("max", None, D(7))}


def reading(value, target, letter, period=JAN24, ref="X1"):
    kind, low, high = KINDS[target]
    return LetterReading(ref, period, D(value), target, kind, low, high, letter)


BOUND_MIN = [(">65%", "min")]
BOUND_MAX = [("<7%", "max")]


@pytest.mark.parametrize(
    ("bounds", "letters", "polarity", "reason"),
    [
        # bound targets
        (BOUND_MIN, [], "higher", "Learned from the target `>65%`"),
        (BOUND_MAX, [], "lower", "Learned from the target `<7%`"),
        # a single target and the council's letters
        ([], [(94, "85%", "G")], "higher", "Learned from the council's RAG, January 2024"),
        ([], [(80, "85%", "R")], "higher", "Learned from the council's RAG, January 2024"),
        ([], [(80, "85%", "G")], "lower", "Learned from the council's RAG, January 2024"),
        ([], [(94, "85%", "R")], "lower", "Learned from the council's RAG, January 2024"),
        # Amber misses the target, as Red does
        ([], [(80, "85%", "A")], "higher", "Learned from the council's RAG, January 2024"),
        ([], [(19, "16-18", "A")], "lower", "Learned from the council's RAG, January 2024"),
        # letters that say nothing: on the target, N/A, Amber inside a band
        ([], [(85, "85%", "G"), (85, "85%", "A"), (70, "85%", "N/A"), (17, "16-18", "A")],
         None, ""),
        # bands: Green inside says nothing; outside says which side is good
        ([], [(17, "16-18", "G")], None, ""),
        ([], [(13.9, "16-18", "G")], "lower", "Learned from the council's RAG, January 2024"),
        ([], [(20, "16-18", "R")], "lower", "Learned from the council's RAG, January 2024"),
        ([], [(14, "16-18", "R")], "higher", "Learned from the council's RAG, January 2024"),
        ([], [(20, "16-18", "R"), (14, "16-18", "R", JUN23)], "band",
         "Learned from the council's RAG, June 2023 and January 2024"),
        # letters agreeing with each other and with a bound
        ([], [(94, "85%", "G"), (70, "85%", "R", JUN23)], "higher",
         "Learned from the council's RAG, June 2023 and January 2024"),
        (BOUND_MIN, [(60, ">65%", "R")], "higher",
         "Learned from the target `>65%` and the council's RAG, January 2024"),
        (BOUND_MIN, [(70, ">65%", "G")], "higher", "Learned from the target `>65%`"),
    ],
)  # fmt: skip
def test_polarity_is_learned_from_evidence(bounds, letters, polarity, reason):
    verdict = learn_polarity(ref="X1", bounds=bounds, readings=[reading(*row) for row in letters])
    assert (verdict.polarity, verdict.reason, verdict.conflict) == (polarity, reason, ())


@pytest.mark.parametrize(
    ("bounds", "letters", "implied"),
    [
        ([], [(94, "85%", "G"), (94, "85%", "R", JUN23)],
         ["higher is better", "lower is better"]),
        ([], [(94, "85%", "G"), (80, "85%", "G", JUN23)],
         ["higher is better", "lower is better"]),
        ([], [(13, "16-18", "G"), (12, "16-18", "R", JUN23)],
         ["lower is better", "higher is better, or within a band"]),
        (BOUND_MAX, [(9, "<7%", "G")], ["lower is better", "higher is better"]),
        # Red on both sides of a single figure is no band: a conflict
        ([], [(94, "85%", "R"), (80, "85%", "R", JUN23)],
         ["lower is better", "higher is better"]),
    ],
)  # fmt: skip
def test_conflicting_evidence_learns_nothing_and_lists_the_rows(bounds, letters, implied):
    verdict = learn_polarity(ref="X1", bounds=bounds, readings=[reading(*row) for row in letters])
    assert verdict.polarity is None
    assert [row.implies for row in verdict.conflict] == implied
    assert all(row.ref == "X1" for row in verdict.conflict)


def test_a_conflicting_row_says_where_it_came_from():
    verdict = learn_polarity(
        ref="CIN8", bounds=[],
        readings=[reading(94, "85%", "G", ref="CIN8"), reading(96, "85%", "R", JUN23, "CIN8")],
    )  # fmt: skip
    row = verdict.conflict[1]
    assert (row.ref, row.month, row.value, row.target, row.letter, row.implies) == (
        "CIN8", "June 2023", "96", "85%", "Red", "lower is better",
    )  # fmt: skip


HIGHER = PolarityVerdict("higher", "Learned from the council's RAG, January 2024")
CONFLICT = PolarityVerdict(None, conflict=(object(),))
NOTHING = PolarityVerdict(None)
OLD = "Learned from the target `>65%`"


@pytest.mark.parametrize(
    ("held", "held_reason", "verdict", "expected"),
    [
        ("not_set", "", HIGHER, ("higher", HIGHER.reason)),
        ("not_set", "", CONFLICT, ("not_set", CONFLICT_REASON)),
        ("not_set", CONFLICT_REASON, CONFLICT, None),
        ("not_set", "", NOTHING, None),
        # learned earlier: follows the evidence, back to not set when it conflicts
        ("higher", OLD, HIGHER, ("higher", HIGHER.reason)),
        ("lower", OLD, HIGHER, ("higher", HIGHER.reason)),
        ("higher", OLD, CONFLICT, ("not_set", CONFLICT_REASON)),
        ("higher", HIGHER.reason, HIGHER, None),
        ("higher", OLD, NOTHING, None),
        # a person's choice wins, with or without a reason given
        ("lower", "", HIGHER, None),
        ("neither", "", HIGHER, None),
        ("lower", "Set by Pat Lee on 3 December 2026: fewer is better", HIGHER, None),
        ("not_set", "Set by Pat Lee on 3 December 2026: not sure yet", HIGHER, None),
    ],
)
def test_a_persons_choice_wins(held, held_reason, verdict, expected):
    decision = decide_polarity(held=held, held_reason=held_reason, verdict=verdict)
    assert (decision and (decision.polarity, decision.reason)) == expected


@pytest.mark.parametrize(
    ("reason", "learned"),
    [(OLD, True), (CONFLICT_REASON, True), ("", False), ("Set by Pat Lee", False)],
)
def test_what_was_learned_is_known_by_its_reason(reason, learned):
    assert is_learned(reason) is learned


@pytest.mark.parametrize(
    ("months", "words"),
    [
        ([JUN23], "June 2023"),
        ([JUN23, JAN24], "June 2023 and January 2024"),
        ([JUN23, datetime.date(2023, 9, 1), JAN24], "June 2023, September 2023 and January 2024"),
        ([datetime.date(2023, m, 1) for m in range(1, 8)],
         "7 months from January 2023 to July 2023"),
    ],
)  # fmt: skip
def test_months_in_words(months, words):
    assert months_in_words(months) == words


@pytest.mark.parametrize(
    ("letters", "polarity", "tolerance", "reason"),
    [
        # a council with a 10-point tolerance: Amber up to 8 short, Red from 12
        ([(77, "85%", "A"), (73, "85%", "R", JUN23), (84, "85%", "A", JUN23)], "higher", D(8),
         f"{RAG}Amber up to 8 points short of the target (X1, January 2024); "
         "Red from 12 points short (X1, June 2023)"),
        # Amber only: the widest Amber
        ([(81, "85%", "A")], "higher", D(4),
         f"{RAG}Amber up to 4 points short of the target (X1, January 2024)"),
        # lower is better: above the target is short
        ([(9, "<7%", "A"), (15, "<7%", "R", JUN23)], "lower", D(2),
         f"{RAG}Amber up to 2 points short of the target (X1, January 2024); "
         "Red from 8 points short (X1, June 2023)"),
        # only Red, only Green, or an Amber that meets the target: nothing learned
        ([(70, "85%", "R")], "higher", None, ""),
        ([(70, "85%", "G")], "higher", None, ""),
        ([(90, "85%", "A")], "higher", None, ""),
        # polarity not known: no distance can be measured
        ([(77, "85%", "A")], "not_set", None, ""),
    ],
)  # fmt: skip
def test_tolerance_is_learned_from_amber_and_red(letters, polarity, tolerance, reason):
    marked = marked_months([reading(*row) for row in letters], polarity)
    verdict = learn_tolerance(marked, unit=" points")
    assert (verdict.tolerance, verdict.reason, verdict.conflict) == (tolerance, reason, ())


def test_an_amber_as_far_as_a_red_is_a_conflict():
    letters = [(75, "85%", "A"), (80, "85%", "R", JUN23), (84, "85%", "A", JUN23)]
    marked = marked_months([reading(*row) for row in letters], "higher")
    verdict = learn_tolerance(marked, unit=" points")
    assert verdict.tolerance is None
    assert [(row.month, row.implies) for row in verdict.conflict] == [
        ("January 2024", "Amber at 10 points short"),
        ("June 2023", "Red at 5 points short"),
    ]


LEARNED_8 = ToleranceVerdict(D(8), "Learned from the council's RAG: Amber up to 8 points")
TOL_CONFLICT = ToleranceVerdict(None, conflict=(object(),))


@pytest.mark.parametrize(
    ("held", "held_reason", "verdict", "expected"),
    [
        (None, "", LEARNED_8, (D(8), LEARNED_8.reason)),
        (D(5), "Learned from the council's RAG: old", LEARNED_8, (D(8), LEARNED_8.reason)),
        (D(8), LEARNED_8.reason, LEARNED_8, None),
        (D(8), "Learned from the council's RAG: old", TOL_CONFLICT,
         (None, "Not learned: the council marks Amber as far from the target as it marks Red")),
        (None, "", ToleranceVerdict(None), None),
        # a person's tolerance, or a person's reason for the default, is kept
        (D(3), "", LEARNED_8, None),
        (None, "Set by Pat Lee on 3 December 2026: our default", LEARNED_8, None),
    ],
)  # fmt: skip
def test_a_persons_tolerance_wins(held, held_reason, verdict, expected):
    decision = decide_tolerance(held=held, held_reason=held_reason, verdict=verdict)
    assert (decision and (decision.tolerance, decision.reason)) == expected
