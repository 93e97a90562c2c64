"""Forms for entering a month's values and commentary, and for approving them.

Forms check what a field alone can tell (a number, a length). The rules that join fields
(a value or a reason, a percentage from its numerator and denominator) live in
scorecard.domain.entry: the entry form asks them too, so one error summary lists every
problem, and the services check them again when they save.

The entry and commentary forms carry the values they were opened on (common.forms,
OpenedVersionFormMixin): only the figures and parts a person changed are saved, and a
part someone else changed meanwhile is refused with theirs beside yours. Text fields have
limits that fit their use, said in the hint (a GOV.UK character count).
"""

import datetime
from decimal import Decimal

from django import forms
from django.utils.formats import date_format

from common.concurrency import EditConflict, opened_token, read_opened_token
from common.forms import (
    OPENED_FIELD,
    STALE_FORM,
    LimitedTextField,
    OpenedVersionFormMixin,
    limited_textarea,
)
from scorecard.approval_services import REASON_MAX
from scorecard.commentary_services import COMMENTARY_MAX
from scorecard.domain.approval import seen_versions
from scorecard.domain.entry import (
    ENTRY_PARTS,
    PERCENTAGE,
    Entry,
    as_typed,
    entry_field,
    entry_problems,
    held_entry,
    parse_month,
)
from scorecard.entry_selectors import EntryRow
from scorecard.services import MISSING_REASON_MAX, NOTE_MAX, EntryOutcome, form_values

NUMBER_ATTRS = {"class": "govuk-input--width-5", "inputmode": "decimal", "spellcheck": "false"}
VALUE_LABELS = {
    "percentage": "Percentage",
    "count": "Count",
    "rate_10k": "Rate per 10,000",
    "days": "Days",
    "average": "Average",
}


class NumberField(forms.DecimalField):
    """A number as people write it: "7,362", "78.1%" and " 12 " are fine."""

    widget = forms.TextInput

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", "").removesuffix("%").strip()
        return super().to_python(value)


def number_field(ref: str, label: str) -> NumberField:
    name = f"{ref} {label.lower()}"
    too_big = f"{name} must be less than 10,000,000,000"
    return NumberField(
        label=label, required=False, max_digits=14, decimal_places=4,
        widget=forms.TextInput(attrs=NUMBER_ATTRS),
        error_messages={
            "invalid": f"{name} must be a number", "max_digits": too_big,
            "max_whole_digits": too_big,
            "max_decimal_places": f"{name} must have 4 decimal places or fewer",
        },
    )  # fmt: skip


def initial_number(number: Decimal | None) -> str:
    """A stored figure as typed: no trailing zeros ("78.1000" is "78.1")."""
    return as_typed(number)


def _initial(row: EntryRow) -> dict[str, str]:
    shown = held_entry(row.current)
    return {part: as_typed(getattr(shown, part)) for part in ENTRY_PARTS}


def _text_fields(ref: str) -> dict[str, LimitedTextField]:
    reason = f"{ref} reason must be {MISSING_REASON_MAX:,} characters or fewer"
    return {
        "missing_reason": limited_textarea(
            label="Reason it is missing", limit=MISSING_REASON_MAX, rows=2,
            help_text="Only if there is no value, for example “Not yet available”.",
            error_messages={"max_length": reason},
        ),
        "note": limited_textarea(
            label="Note (optional)", limit=NOTE_MAX, rows=2,
            error_messages={"max_length": f"{ref} note must be {NOTE_MAX:,} characters or fewer"},
        ),
    }  # fmt: skip


class ValueEntryForm(OpenedVersionFormMixin, forms.Form):
    """One fieldset per indicator: value (or numerator and denominator for a percentage),
    a reason it is missing, and a note. Fields are named "i<indicator id>-<part>".

    Each figure stands on its own: a figure with an error is reported and the others are
    still saved (the service decides, figure by figure). Only changed figures are checked
    and sent, so a figure left alone never goes back over someone else's newer one."""

    def __init__(self, *args, rows: list[EntryRow], submit: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.entry_rows, self.submit = rows, submit
        for row in rows:
            self._add_fields(row)
        if not self.is_bound:  # the opened version, now the figures' fields are here
            self.initial[OPENED_FIELD] = opened_token(self.opened_snapshot())

    def _add_fields(self, row: EntryRow) -> None:
        indicator, initial = row.indicator, _initial(row)
        ref, pk = indicator.ref, indicator.pk
        parts = {"value": number_field(ref, VALUE_LABELS.get(indicator.unit, "Value"))}
        if indicator.unit == PERCENTAGE:
            parts["numerator"] = number_field(ref, "Numerator")
            parts["denominator"] = number_field(ref, "Denominator")
        parts |= _text_fields(ref)
        for part, field in parts.items():
            field.initial = initial.get(part, "")
            self.fields[entry_field(pk, part)] = field

    def rows(self) -> list[tuple[EntryRow, dict]]:
        """Each indicator's row with its bound fields by part, for the template."""
        rows = []
        for row in self.entry_rows:
            names = {part: entry_field(row.indicator.pk, part) for part in ENTRY_PARTS}
            rows.append((row, {part: self[n] for part, n in names.items() if n in self.fields}))
        return rows

    def entry(self, row: EntryRow) -> Entry:
        data, pk = self.cleaned_data, row.indicator.pk
        return Entry(
            value=data.get(entry_field(pk, "value")),
            numerator=data.get(entry_field(pk, "numerator")),
            denominator=data.get(entry_field(pk, "denominator")),
            missing_reason=data.get(entry_field(pk, "missing_reason"), ""),
            note=data.get(entry_field(pk, "note"), ""),
        )

    def _names(self, row: EntryRow) -> list[str]:
        return [entry_field(row.indicator.pk, part) for part in ENTRY_PARTS]

    def _in_error(self, row: EntryRow) -> bool:
        return any(name in self.errors for name in self._names(row))

    def _changed(self, row: EntryRow) -> bool:
        changed = getattr(self, "changed_fields", set())
        return any(name in changed for name in self._names(row))

    def entries(self) -> dict[int, Entry]:
        """The figures to save: those this person changed, without an error."""
        return {
            row.indicator.pk: self.entry(row)
            for row in self.entry_rows
            if self._changed(row) and not self._in_error(row)
        }

    def clean(self):
        """Every broken rule at once, for every changed indicator not already in error."""
        data = super().clean()
        for row in self.entry_rows:
            if self._in_error(row) or not self._changed(row):
                continue
            indicator = row.indicator
            problems = entry_problems(
                self.entry(row), unit=indicator.unit, ref=indicator.ref,
                decimal_places=indicator.decimal_places, required=row.current is not None,
            )  # fmt: skip
            for part, message in problems.items():
                self.add_error(entry_field(indicator.pk, part), message)
        return data

    def show_outcome(self, outcome: EntryOutcome) -> None:
        """After a save that left some figures as they were: the saved figures show what
        is saved and the form stands on them; figures in conflict stand on theirs, so a
        second save is a choice made having seen them; the rest keep what was typed."""
        data = self.data.copy()
        for value in outcome.saved:
            for name, part_value in form_values(value.indicator_id, value).items():
                if name in self.fields:
                    data[self.add_prefix(name)] = as_typed(part_value)
        self.data = data
        for name, message in outcome.problems.items():
            self.add_error(name if name in self.fields else None, message)
        base = {**(self.opened_values or {}), **outcome.current}
        if outcome.conflicts:
            self.show_conflict(EditConflict(outcome.conflicts), base)
        else:
            self.reopen(base)


class CommentaryForm(OpenedVersionFormMixin, forms.Form):
    """The commentary, carrying the text it was opened on (module docstring)."""

    text = limited_textarea(
        label="Commentary", limit=COMMENTARY_MAX, rows=12, required=True,
        help_text="What the board should know about this month’s figures: what changed, "
        "why, and what is being done. Plain text only.",
        error_messages={
            "required": "Enter the commentary",
            "max_length": f"Commentary must be {COMMENTARY_MAX:,} characters or fewer",
        },
    )  # fmt: skip


GONE = "Some of the {kind} you selected are no longer waiting for approval: select again"


class ApprovalForm(forms.Form):
    """The submitted values and commentaries to approve or return, and why a return.
    It carries, signed, what the page showed of each (`seen`), so a figure changed after
    the page was opened is not decided on unseen (scorecard.approval_services)."""

    seen = forms.CharField(widget=forms.HiddenInput, required=False)
    values = forms.TypedMultipleChoiceField(
        label="Values", coerce=int, required=False, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": GONE.format(kind="values")},
    )  # fmt: skip
    commentaries = forms.TypedMultipleChoiceField(
        label="Commentaries", coerce=int, required=False, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": GONE.format(kind="commentaries")},
    )  # fmt: skip
    reason = limited_textarea(
        label="Why are you returning them?", limit=REASON_MAX, rows=3,
        help_text="Only if you return values or commentary. The person who entered them "
        "will see it.",
        error_messages={"max_length": f"Reason must be {REASON_MAX} characters or fewer"},
    )  # fmt: skip

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = groups
        items = [item for group in groups for item in group.items]
        # Those the user may approve first: an error links to the first checkbox shown
        # (your own have none: another person must approve them).
        items.sort(key=lambda item: item.entered_by_you)
        self.fields["values"].choices = [(item.value.pk, item.label) for item in items]
        commentaries = sorted(
            (g for g in groups if g.commentary), key=lambda g: g.commentary_by_you
        )
        self.fields["commentaries"].choices = [
            (g.commentary.pk, f"Select the commentary for {g.area.title}, {g.period:%B %Y}")
            for g in commentaries
        ]
        self.nothing_to_choose = all(item.entered_by_you for item in items)
        self.seen_values = None

    @property
    def seen_token(self) -> str:
        """What this page shows of each, signed: always what is saved now, so deciding
        after a refusal is a choice made having seen the change."""
        values = [item.value for group in self.groups for item in group.items]
        commentaries = [group.commentary for group in self.groups if group.commentary]
        return opened_token(seen_versions(values=values, commentaries=commentaries))

    @property
    def approving(self) -> bool:
        return self.data.get("decision") != "return"

    def clean(self):
        data = super().clean()
        self.seen_values = read_opened_token(data.get("seen", ""))
        if self.seen_values is None:
            raise forms.ValidationError(STALE_FORM, code="stale")
        if not data.get("values") and not data.get("commentaries") and not self.errors:
            field = "commentaries" if self.nothing_to_choose else "values"
            self.add_error(field, "Select the values or commentary to approve or return")
        no_reason = not data.get("reason", "").strip() and "reason" not in self.errors
        if not self.approving and no_reason:
            self.add_error("reason", "Enter why you are returning them")
        return data

    def grouped(self) -> list[tuple]:
        """Each group with its values beside their checkboxes, and its commentary's."""
        options = {
            name: {int(option.data["value"]): option for option in self[name].subwidgets}
            for name in ("values", "commentaries")
        }
        return [
            (
                group,
                [(item, options["values"][item.value.pk]) for item in group.items],
                options["commentaries"][group.commentary.pk] if group.commentary else None,
            )
            for group in self.groups
        ]


def months_back(today: datetime.date, count: int) -> list[datetime.date]:
    """This month and the `count - 1` months before it, newest first."""
    months, month = [], today.replace(day=1)
    for _ in range(count):
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return months


class MonthForm(forms.Form):
    """The month the "Enter values" page shows: last month unless another is chosen."""

    month = forms.ChoiceField(label="Month", required=False)

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.months = months_back(today, 36)
        self.fields["month"].choices = [(f"{m:%Y-%m}", date_format(m, "F Y")) for m in self.months]
        self.fields["month"].initial = f"{self.months[1]:%Y-%m}"

    def period(self) -> datetime.date:
        """The month chosen; last month when none (or one not offered) is."""
        chosen = parse_month(self.cleaned_data.get("month", "")) if self.is_valid() else None
        return chosen or self.months[1]
