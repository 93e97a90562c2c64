"""improvement_plan.domain.progress: text limits and the reason kept with a RAG."""

import datetime

import pytest

from improvement_plan.domain.progress import (
    length_problems,
    progress_problems,
    reason_kept,
    review_problems,
)

TODAY = datetime.date(2023, 3, 7)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        ({"text": "x" * 5000}, {}),
        ({"text": "x" * 5001}, {"text": "Progress update must be 5,000 characters or fewer"}),
        (
            {"rag_reason": "x" * 5001},
            {"rag_reason": "Reason for the RAG must be 5,000 characters or fewer"},
        ),
        ({"due_date_reason": "x" * 500}, {}),
        (
            {"due_date_reason": "x" * 501},
            {"due_date_reason": "Reason for moving the due date must be 500 characters or fewer"},
        ),
        ({"comment": "x" * 5001}, {"comment": "Comment must be 5,000 characters or fewer"}),
        ({"comment": ""}, {}),
    ],
)  # fmt: skip
def test_length_problems(texts, expected):
    assert length_problems(**texts) == expected


def test_an_over_long_update_is_a_problem_like_any_other():
    problems = progress_problems(
        text="x" * 5001, reported_rag="green", rag_reason="", current_due_date=None,
        new_due_date=None, due_date_reason="", today=TODAY,
    )  # fmt: skip
    assert problems == {"text": "Progress update must be 5,000 characters or fewer"}


def test_an_over_long_comment_is_a_problem_even_on_a_confirmation():
    assert review_problems(decision="confirmed", comment="x" * 5001) == {
        "comment": "Comment must be 5,000 characters or fewer"
    }


@pytest.mark.parametrize(
    ("reported_rag", "reason", "reason_changed", "kept"),
    [
        ("red", " Staff left ", False, "Staff left"),
        ("amber", "Staff left", True, "Staff left"),
        # Carried over from an earlier Red on the form: not kept with Green.
        ("green", "Staff left", False, ""),
        # Written by the lead with Green: kept.
        ("green", "Ahead of plan", True, "Ahead of plan"),
        ("blue", "Staff left", False, ""),
    ],
)
def test_reason_kept(reported_rag, reason, reason_changed, kept):
    assert (
        reason_kept(reported_rag=reported_rag, reason=reason, reason_changed=reason_changed) == kept
    )
