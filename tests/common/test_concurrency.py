"""The opened-version rule (common.concurrency) and the form that carries it."""

import datetime
import decimal

import pytest
from django import forms

from common.concurrency import (
    EditConflict,
    canonical,
    changed_since_opened,
    check_no_conflicts,
    find_conflicts,
    opened_token,
    read_opened_token,
)
from common.forms import OPENED_FIELD, OpenedVersionFormMixin, limited_textarea


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("  text\r\nmore ", "text\nmore"),
        (True, "1"),
        (datetime.date(2023, 1, 11), "2023-01-11"),
        (decimal.Decimal("94.50"), "94.5"),
        (94.5, "94.5"),
        (decimal.Decimal("100"), "100"),
        ([3, 1, 2], "1,2,3"),
    ],
)
def test_canonical(value, expected):
    assert canonical(value) == expected


def test_a_forged_token_is_not_read():
    token = opened_token({"status": "open"})
    assert read_opened_token(token) == {"status": "open"}
    assert read_opened_token(token[:-2] + "xx") is None
    assert read_opened_token("") is None


@pytest.mark.parametrize(
    ("opened", "submitted", "changed"),
    [
        ({"a": "1", "b": "x"}, {"a": 1, "b": "x"}, set()),
        ({"a": "1", "b": "x"}, {"a": 2, "b": "x"}, {"a"}),
        ({"a": "1"}, {"a": 1, "new": "y"}, {"new"}),
    ],
)
def test_changed_since_opened(opened, submitted, changed):
    assert changed_since_opened(opened, submitted) == changed


@pytest.mark.parametrize(
    ("opened", "current", "submitted", "conflicting"),
    [
        # Nobody else changed it: no conflict.
        ({"a": "1"}, {"a": "1"}, {"a": "2"}, []),
        # Someone else changed it to something else: conflict.
        ({"a": "1"}, {"a": "3"}, {"a": "2"}, ["a"]),
        # Both made the same change: they agree.
        ({"a": "1"}, {"a": "2"}, {"a": "2"}, []),
    ],
)
def test_find_conflicts(opened, current, submitted, conflicting):
    found = find_conflicts(opened=opened, current=current, submitted=submitted, changed={"a"})
    assert [conflict.field for conflict in found] == conflicting


def test_a_field_this_person_left_alone_never_conflicts():
    with pytest.raises(EditConflict):
        check_no_conflicts(
            opened={"a": "1"}, current={"a": "3"}, submitted={"a": "2"}, changed={"a"}
        )
    check_no_conflicts(opened={"a": "1"}, current={"a": "3"}, submitted={"a": "1"}, changed=set())


class CommentForm(OpenedVersionFormMixin, forms.Form):
    title = forms.CharField(required=False)
    comment = limited_textarea(label="Comment", limit=20)


def test_form_reports_only_the_fields_changed_since_opened():
    opened = CommentForm(initial={"title": "Old", "comment": "Same"})
    token = opened.initial[OPENED_FIELD]
    form = CommentForm(data={"title": "New", "comment": "Same", OPENED_FIELD: token})
    assert form.is_valid()
    assert form.changed_fields == {"title"}


def test_form_without_its_opened_version_is_refused_and_keeps_the_text():
    form = CommentForm(data={"title": "New", "comment": "Mine"}, initial={"title": "Old"})
    assert not form.is_valid()
    assert "changed in the browser" in str(form.non_field_errors())
    assert form.data["comment"] == "Mine"
    assert read_opened_token(form.data[OPENED_FIELD]) == {"title": "Old", "comment": ""}


def test_over_the_limit_is_a_message_not_a_cut():
    token = CommentForm().initial[OPENED_FIELD]
    form = CommentForm(data={"comment": "x" * 21, OPENED_FIELD: token})
    assert not form.is_valid()
    assert form.errors["comment"] == ["Comment must be 20 characters or fewer"]
    assert "maxlength" not in str(form["comment"])
    assert "You can enter up to 20 characters" in form.as_div()


def test_after_a_refusal_untouched_fields_show_what_is_saved_now():
    """Otherwise saving again would send the stale, untouched values back as changes."""
    token = CommentForm(initial={"title": "Old", "comment": "Same"}).initial[OPENED_FIELD]
    form = CommentForm(data={"title": "Old", "comment": "Mine", OPENED_FIELD: token})
    assert form.is_valid()
    assert form.changed_fields == {"comment"}
    current = {"title": "Theirs", "comment": "Their comment"}
    conflict = EditConflict(
        find_conflicts(
            opened=form.opened_values, current=current, submitted=form.cleaned_data,
            changed=form.changed_fields,
        )
    )  # fmt: skip
    form.show_conflict(conflict, current)
    assert form.data["title"] == "Theirs"
    assert form.data["comment"] == "Mine"
    again = CommentForm(data=form.data)
    assert again.is_valid()
    assert again.changed_fields == {"comment"}
