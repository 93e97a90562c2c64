"""The RAG rules (improvement_plan.domain.rag), as a table."""

import datetime

import pytest

from improvement_plan.domain.rag import (
    RagJudgement,
    Thresholds,
    computed_rag,
    disagreement,
    worst_first_rank,
)

TODAY = datetime.date(2023, 1, 11)


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.mark.parametrize(
    ("complete", "due", "last_update", "moves", "rag", "reason"),
    [
        (True, days(-100), None, 5, "blue", "complete"),
        (True, None, None, 0, "blue", "complete"),
        (False, days(-1), days(0), 0, "red", "overdue by 1 day"),
        (False, days(-43), days(-1), 0, "red", "overdue by 43 days"),
        (False, days(-43), None, 3, "red", "overdue by 43 days"),
        (False, days(0), None, 0, "amber", "due today with no update in 30 days"),
        (False, days(14), None, 0, "amber", "due in 14 days with no update in 30 days"),
        (False, days(14), days(-31), 0, "amber", "due in 14 days with no update in 30 days"),
        (False, days(14), days(-30), 0, "green", "on track"),
        (False, days(15), None, 0, "green", "on track"),
        (False, days(3), days(-2), 0, "green", "on track"),
        (False, days(90), days(-1), 2, "amber", "due date moved 2 times"),
        (False, days(90), days(-1), 1, "green", "on track"),
        (False, None, None, 0, "green", "on track"),
        (False, None, None, 2, "amber", "due date moved 2 times"),
    ],
)
def test_computed_rag(complete, due, last_update, moves, rag, reason):
    judgement = computed_rag(
        is_complete=complete,
        due_date=due,
        today=TODAY,
        last_update_on=last_update,
        rebaseline_count=moves,
    )
    assert judgement == RagJudgement(rag, reason)


def test_thresholds_are_settings_not_constants():
    tight = Thresholds(due_soon_days=30, stale_update_days=7, rebaseline_limit=1)
    judgement = computed_rag(
        is_complete=False, due_date=days(20), today=TODAY, last_update_on=days(-8),
        rebaseline_count=0, thresholds=tight,
    )  # fmt: skip
    assert judgement.rag == "amber"
    moved_once = computed_rag(
        is_complete=False, due_date=days(90), today=TODAY, last_update_on=days(-1),
        rebaseline_count=1, thresholds=tight,
    )  # fmt: skip
    assert moved_once == RagJudgement("amber", "due date moved 1 time")


@pytest.mark.parametrize(
    ("reported", "computed", "words"),
    [
        ("green", RagJudgement("red", "overdue by 43 days"), "Reported Green, overdue by 43 days"),
        ("red", RagJudgement("green", "on track"), "Reported Red, on track"),
        ("green", RagJudgement("green", "on track"), None),
        ("", RagJudgement("red", "overdue by 2 days"), None),
    ],
)
def test_disagreement_in_words(reported, computed, words):
    assert disagreement(reported=reported, computed=computed) == words


def test_worst_first():
    assert sorted(["green", "blue", "red", "", "amber"], key=worst_first_rank) == [
        "red", "amber", "green", "blue", "",
    ]  # fmt: skip
