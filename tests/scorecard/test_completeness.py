"""Completeness before judgement: the rules (scorecard.domain.completeness)."""

import datetime

import pytest

from scorecard.domain.completeness import (
    APPROVED,
    EXPLAINED,
    UNEXPLAINED,
    WAITING,
    Completeness,
    Held,
    completeness_in_words,
    count,
    figure_status,
    is_expected,
    lacking_in_words,
    later_months,
    latest_complete,
    opening_month,
)

D = datetime.date
JUNE, NOV = D(2023, 6, 1), D(2026, 11, 1)


@pytest.mark.parametrize(
    ("period", "frequency", "first", "added", "newest", "expected"),
    [
        # monthly: every month from its first figure
        (D(2023, 6, 1), "monthly", D(2023, 1, 1), None, D(2023, 6, 1), True),
        (D(2023, 6, 1), "monthly", D(2023, 6, 1), None, D(2023, 6, 1), True),
        (D(2022, 10, 1), "monthly", D(2023, 6, 1), None, D(2023, 6, 1), False),  # before
        # or from the month before the one it was added in, when that is earlier
        (D(2023, 5, 1), "monthly", D(2023, 6, 1), D(2023, 6, 3), None, True),
        (D(2023, 4, 1), "monthly", D(2023, 6, 1), D(2023, 6, 3), None, False),
        (D(2023, 1, 1), "monthly", D(2023, 1, 1), D(2026, 12, 3), None, True),  # imported
        # added with no figure yet: from the month before it was added
        (D(2026, 11, 1), "monthly", None, D(2026, 12, 3), D(2026, 10, 1), True),
        (D(2026, 10, 1), "monthly", None, D(2026, 12, 3), D(2026, 10, 1), False),
        # quarterly: every third month from its first figure
        (D(2023, 6, 1), "quarterly", D(2023, 3, 1), None, None, True),
        (D(2023, 7, 1), "quarterly", D(2023, 3, 1), None, None, False),
        (D(2023, 5, 1), "quarterly", D(2023, 2, 1), None, None, True),
        (D(2022, 11, 1), "quarterly", D(2023, 2, 1), D(2022, 10, 9), None, True),
        (D(2022, 10, 1), "quarterly", D(2023, 2, 1), D(2022, 10, 9), None, False),
        # annual: every twelfth month from its first figure
        (D(2024, 3, 1), "annual", D(2023, 3, 1), None, None, True),
        (D(2023, 9, 1), "annual", D(2023, 3, 1), None, None, False),
        # never had a figure, not known when added: from the newest month with any figure
        (D(2023, 6, 1), "monthly", None, None, D(2023, 6, 1), True),
        (D(2023, 7, 1), "monthly", None, None, D(2023, 6, 1), True),
        (D(2023, 5, 1), "monthly", None, None, D(2023, 6, 1), False),
        (D(2023, 6, 1), "monthly", None, None, None, False),  # no figures at all
        (D(2023, 6, 1), "quarterly", None, None, D(2023, 6, 1), True),  # a quarter's end
        (D(2023, 7, 1), "quarterly", None, None, D(2023, 6, 1), False),
        (D(2024, 3, 1), "annual", None, None, D(2023, 6, 1), True),  # the year's end
        (D(2023, 12, 1), "annual", None, None, D(2023, 6, 1), False),
        (D(2023, 6, 1), "", D(2023, 5, 1), None, None, True),  # unknown frequency: monthly
    ],
)
def test_which_months_a_figure_is_expected_in(period, frequency, first, added, newest, expected):
    found = is_expected(
        period, frequency=frequency, first_figure=first, added=added, newest_month=newest
    )
    assert found is expected


@pytest.mark.parametrize(
    ("held", "status"),
    [
        (None, UNEXPLAINED),
        (Held("approved", True, False), APPROVED),
        (Held("approved", True, True), APPROVED),
        (Held("approved", False, True), EXPLAINED),
        (Held("approved", False, False), UNEXPLAINED),
        (Held("submitted", True, False), WAITING),
        (Held("draft", True, False), WAITING),
        (Held("submitted", False, True), WAITING),  # a reason waits for approval too
    ],
)
def test_each_expected_figure_is_counted_once_by_what_is_held(held, status):
    assert figure_status(held) == status


@pytest.mark.parametrize(
    ("statuses", "counts", "complete", "lacking", "without_figure"),
    [
        ([], (0, 0, 0, 0, 0), False, 0, 0),
        ([APPROVED, APPROVED], (2, 2, 0, 0, 0), True, 0, 0),
        ([APPROVED, EXPLAINED], (2, 1, 1, 0, 0), True, 0, 1),
        ([APPROVED, WAITING], (2, 1, 0, 1, 0), False, 1, 1),
        ([APPROVED, UNEXPLAINED, EXPLAINED], (3, 1, 1, 0, 1), False, 1, 2),
        ([UNEXPLAINED] * 125 + [APPROVED], (126, 1, 0, 0, 125), False, 125, 125),
    ],
)
def test_counts_and_when_a_month_is_complete(statuses, counts, complete, lacking, without_figure):
    month = count(JUNE, statuses)
    found = (month.expected, month.approved, month.explained, month.waiting, month.unexplained)
    assert found == counts
    assert month.complete is complete
    assert month.lacking == lacking
    assert month.without_figure == without_figure


@pytest.mark.parametrize(
    ("month", "words"),
    [
        (
            Completeness(JUNE, 126, 120, 2, 3, 1),
            "June 2023: 120 of 126 expected figures approved; 3 entered and waiting "
            "approval; 2 missing with a reason; 1 missing without one.",
        ),
        (Completeness(JUNE, 2, 2), "June 2023: 2 of 2 expected figures approved."),
        (Completeness(JUNE, 1, 0, 0, 0, 1), "June 2023: 0 of 1 expected figure approved; "
         "1 missing without one."),
        (Completeness(JUNE), "June 2023: no figures are expected."),
    ],
)  # fmt: skip
def test_completeness_in_words(month, words):
    assert completeness_in_words(month) == words


@pytest.mark.parametrize(
    ("month", "words"),
    [
        (Completeness(NOV, 126, 1, 0, 0, 125), "lacks 125 figures (125 missing without a reason)"),
        (
            Completeness(NOV, 3, 1, 0, 1, 1),
            "lacks 2 figures (1 waiting approval, 1 missing without a reason)",
        ),
        (Completeness(NOV, 2, 1, 0, 1, 0), "lacks 1 figure (1 waiting approval)"),
        (Completeness(NOV, 2, 1, 1), "every expected figure approved or explained"),
        (Completeness(NOV), "no figures expected"),
    ],
)  # fmt: skip
def test_what_a_month_lacks_in_words(month, words):
    assert lacking_in_words(month) == words


def test_opens_on_the_latest_complete_month_naming_it():
    months = [
        Completeness(D(2023, 5, 1), 2, 2),
        Completeness(JUNE, 2, 1, 1),
        Completeness(D(2023, 7, 1), 2, 1, 0, 0, 1),
    ]
    opening = opening_month(months)
    assert opening.period == JUNE
    assert opening.words == (
        "Showing June 2023, the latest month with every figure approved or explained."
    )
    assert [m.period for m in later_months(months, JUNE)] == [D(2023, 7, 1)]
    assert latest_complete(months).period == JUNE


def test_with_no_complete_month_opens_on_the_latest_and_says_so():
    months = [Completeness(JUNE, 2, 1, 0, 0, 1), Completeness(D(2023, 5, 1), 2, 0, 0, 1, 1)]
    opening = opening_month(months)
    assert opening.period == JUNE
    assert opening.words.startswith("No month yet has every expected figure approved")
    assert latest_complete(months) is None


def test_with_no_figures_opens_on_no_month():
    assert opening_month([]).period is None
