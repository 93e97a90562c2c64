"""Form pieces every app uses: the opened-version field and text fields with limits.

- OpenedVersionFormMixin: a form remembers the values it was opened on (rule in
  common.concurrency) and tells the service which fields this person changed.
- LimitedTextField: a text field whose limit suits its use, said in the hint (the
  GOV.UK character count) and checked in the form, long before the request limit.
"""

from collections.abc import Mapping
from typing import Any

from django import forms

from common.concurrency import (
    EditConflict,
    changed_since_opened,
    opened_token,
    read_opened_token,
)

# Limits that fit each use, in characters. A board paper's worth of text is about
# 20,000; a progress update or a comment is a few paragraphs.
TITLE_LIMIT = 250
SHORT_TEXT_LIMIT = 500
COMMENT_LIMIT = 5_000
LONG_TEXT_LIMIT = 20_000

OPENED_FIELD = "opened_version"
STALE_FORM = (
    "This page was open too long or was changed in the browser. Your changes are below: "
    "check them and save again"
)


class LimitedTextField(forms.CharField):
    """A CharField with a limit shown as a GOV.UK character count.

    The browser's maxlength is not set: it cuts off pasted text without a word, and
    the person loses what they typed. The character count says how far over they are
    and the form refuses the save with a message, keeping their text on the page.
    """

    def __init__(self, *, limit: int = COMMENT_LIMIT, label: str = "", **kwargs):
        self.character_limit = limit
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "error_messages",
            {"max_length": f"{label or 'This'} must be {limit:,} characters or fewer"},
        )
        super().__init__(max_length=limit, label=label or None, **kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\x00", "") if isinstance(value, str) else value


def limited_textarea(*, label: str, limit: int = COMMENT_LIMIT, rows: int = 5, **kwargs):
    """A LimitedTextField drawn as a textarea."""
    return LimitedTextField(
        label=label, limit=limit, widget=forms.Textarea(attrs={"rows": rows}), **kwargs
    )


class OpenedVersionFormMixin(forms.Form):
    """Carries, in a signed hidden field, the values the form was opened on.

    `versioned_fields` names the fields compared (default: every field but files).
    After is_valid(), `opened_values` are those values (None when the token is missing
    or forged, which is an error) and `changed_fields` the ones this person changed.
    """

    versioned_fields: tuple[str, ...] | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[OPENED_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
        if not self.is_bound:
            self.initial[OPENED_FIELD] = opened_token(self.opened_snapshot())

    def tracked_field_names(self) -> list[str]:
        if self.versioned_fields is not None:
            return list(self.versioned_fields)
        return [
            name
            for name, field in self.fields.items()
            if name != OPENED_FIELD and not isinstance(field, forms.FileField)
        ]

    def opened_snapshot(self) -> dict[str, Any]:
        """The values shown when the form opens, as the database holds them."""
        names = self.tracked_field_names()
        return {name: self.get_initial_for_field(self.fields[name], name) for name in names}

    def clean(self):
        data = super().clean()
        self.opened_values = read_opened_token(self.data.get(self.add_prefix(OPENED_FIELD), ""))
        if self.opened_values is None:
            self.reopen(self.opened_snapshot())
            raise forms.ValidationError(STALE_FORM, code="stale")
        tracked = {name: data[name] for name in self.tracked_field_names() if name in data}
        self.changed_fields = changed_since_opened(self.opened_values, tracked)
        return data

    def reopen(self, current: Mapping[str, Any]) -> None:
        """After a refusal: the form now stands on what is saved, so saving again is a
        choice made having seen the other person's values."""
        data = self.data.copy()
        data[self.add_prefix(OPENED_FIELD)] = opened_token(current)
        self.data = data

    def labels(self) -> dict[str, str]:
        return {name: str(field.label or name) for name, field in self.fields.items()}

    def refresh_untouched(self, current: Mapping[str, Any]) -> None:
        """After a refusal, the fields this person did not change show what is saved
        now: otherwise saving again would send their stale values back as changes."""
        data = self.data.copy()
        untouched = set(self.tracked_field_names()) - set(getattr(self, "changed_fields", ()))
        for name in untouched & set(current) & set(self.fields):
            _put_in_data(data, self.add_prefix(name), self.fields[name], current[name])
        self.data = data

    def show_conflict(self, conflict: EditConflict, current: Mapping[str, Any]) -> None:
        """Puts the refusal on the form: one error per field, theirs beside yours (the
        template includes/edit_conflict.html draws `form.edit_conflict`)."""
        self.edit_conflict = conflict
        self.refresh_untouched(current)
        self.reopen(current)
        for item in conflict.conflicts:
            message = (
                f"{item.label} was changed by someone else after you opened this page. "
                "Check their version and yours, then save again to keep yours"
            )
            if item.field in self.fields:
                self.add_error(item.field, message)
            else:
                self.add_error(None, message)


def _put_in_data(data, key: str, field: forms.Field, value: Any) -> None:
    """Writes a value into submitted form data the way its widget would have sent it."""
    value = field.prepare_value(value)
    widget = field.widget
    if isinstance(widget, forms.MultiWidget):
        try:
            parts = value if isinstance(value, list | tuple) else widget.decompress(value)
        except (AttributeError, TypeError, ValueError):
            return
        for suffix, part in zip(widget.widgets_names, parts, strict=False):
            data[key + suffix] = "" if part is None else str(part)
    elif isinstance(value, list | tuple | set) or hasattr(value, "model"):
        items = [str(getattr(item, "pk", item)) for item in value]
        if hasattr(data, "setlist"):
            data.setlist(key, items)
        else:
            data[key] = items
    else:
        shown = widget.format_value(value)
        if isinstance(shown, list | tuple):  # choice widgets format as a list of one
            shown = shown[0] if shown else ""
        data[key] = "" if shown is None else str(shown)
