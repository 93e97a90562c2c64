"""Forms for one action: a lead's progress update, the Director's review, linked
indicators with the effect expected on each.

Forms check what a field alone can tell (a real date, a choice made). The rules that
join fields (a reason for Red or Amber, a reason for a new due date) live in
improvement_plan.domain.progress: the progress form asks them too, so one error summary
lists every problem, and the services' own errors are put on the form as well.
"""

import datetime
from decimal import Decimal

from django import forms
from django.conf import settings

from common.forms import LimitedTextField, OpenedVersionFormMixin, limited_textarea
from improvement_plan.domain.link_effects import (
    AS_POLARITY,
    REASON_LIMIT,
    VALUE_LIMIT,
    WAY_WORDS,
    Effect,
)
from improvement_plan.domain.progress import TEXT_LIMITS, progress_problems, too_long_message
from improvement_plan.filters import DateInputField
from improvement_plan.link_selectors import LinkRow
from improvement_plan.models import Action, DirectorReview, Rag
from improvement_plan.versions import progress_form_values, review_basis
from scorecard.domain.values import parse_value

EVIDENCE_HINT = (
    "You can choose more than one file. Each must be a PDF, Word document (DOCX), "
    "Excel workbook (XLSX), or a PNG, JPEG or GIF image, smaller than {mb} MB."
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of files, each passed on to the services, which check them by content."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(file, initial) for file in files if file]


class PlanEditForm(OpenedVersionFormMixin, forms.Form):
    """A plan form carrying the version it opened on (common.forms); after a refused save
    the fields this person did not change show what is saved now."""


def _limited(name: str, *, rows: int, help_text: str = "", label: str = "") -> LimitedTextField:
    """A textarea with the limit for its use (domain.progress.TEXT_LIMITS) and its message."""
    return limited_textarea(
        label=label, limit=TEXT_LIMITS[name][1], rows=rows, help_text=help_text,
        error_messages={"max_length": too_long_message(name)},
    )  # fmt: skip


class ProgressUpdateForm(PlanEditForm):
    """Pre-filled with the action's status and reported RAG and reason: the service writes
    them only if this person changed them (versions.progress_form_values)."""

    versioned_fields = ("status", "reported_rag", "rag_reason")

    text = _limited(
        "text", rows=6, label="What has happened since the last update?",
        help_text="Say what has been done, what is next, and anything the board should know.",
    )  # fmt: skip
    reported_rag = forms.ChoiceField(
        label="What RAG status are you reporting?",
        choices=Rag.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    rag_reason = _limited(
        "rag_reason", rows=3, label="Why is the action Red or Amber?",
        help_text="You must give a reason if you report Red or Amber. A reason left from an "
        "earlier Red or Amber is not kept if you now report Green or Blue.",
    )  # fmt: skip
    status = forms.ChoiceField(
        label="What is the action's status?",
        choices=Action.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the action's status"},
    )
    new_due_date = DateInputField(
        label="New due date",
        help_text="Only if the due date is moving. For example, 31 3 2024",
    )
    due_date_reason = _limited(
        "due_date_reason", rows=3, label="Why is the due date moving?",
        help_text="You must give a reason if you change the due date. Every move is "
        "counted as slippage and shown to the board.",
    )  # fmt: skip
    evidence = MultipleFileField(label="Upload evidence (optional)", required=False)

    def __init__(self, *args, action, today: datetime.date, **kwargs):
        self.action, self.today = action, today
        kwargs["initial"] = {**progress_form_values(action), **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        self.fields["evidence"].help_text = EVIDENCE_HINT.format(mb=settings.EVIDENCE_MAX_MB)

    def opened_snapshot(self):
        """The pre-filled fields and the due date the form shows."""
        return {**super().opened_snapshot(), "due_date": self.action.due_date}

    def clean(self):
        """Every broken rule at once, so one error summary lists them all (the service
        checks the same rules again when it records the update)."""
        data = super().clean()
        problems = progress_problems(
            text=data.get("text", ""), reported_rag=data.get("reported_rag", ""),
            rag_reason=data.get("rag_reason", ""), current_due_date=self.action.due_date,
            new_due_date=data.get("new_due_date"), due_date_reason=data.get("due_date_reason", ""),
            today=self.today,
        )  # fmt: skip
        for name, message in problems.items():
            if name not in self.errors:
                self.add_error(name, message)
        return data


class DirectorReviewForm(PlanEditForm):
    """Carries what the review rests on as the form showed it (versions.review_basis):
    the lead's RAG, the latest update and the latest review."""

    decision = forms.ChoiceField(
        label="Do you confirm or challenge this action's RAG?",
        choices=[
            (DirectorReview.Decision.CONFIRMED, "Confirm the RAG"),
            (DirectorReview.Decision.CHALLENGED, "Challenge the RAG"),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    comment = _limited(
        "comment", rows=5, label="Comment for the action's leads",
        help_text="You must comment if you challenge the RAG. The leads will see your "
        "comment on their home page until their next progress update answers it.",
    )  # fmt: skip

    def __init__(self, *args, action, **kwargs):
        self.action = action
        super().__init__(*args, **kwargs)

    def opened_snapshot(self):
        return {**super().opened_snapshot(), **review_basis(self.action)}


class ActionIndicatorsForm(PlanEditForm):
    """The indicators shown (a search narrows them), each with a tick and the effect the
    action should have on it: which way, optionally to what value, by which month, and
    why. It carries, per indicator shown, the link as it opened (opened_snapshot); the
    service writes only what this person changed (domain.link_effects)."""

    versioned_fields = ()

    def __init__(self, *args, rows: list[LinkRow], **kwargs):
        self.rows = rows
        super().__init__(*args, **kwargs)
        for row in rows:
            self._add_row_fields(row)

    def _add_row_fields(self, row: LinkRow) -> None:
        pk, ref, effect = row.indicator.pk, row.indicator.ref, row.effect or Effect()
        self.fields[f"link_{pk}"] = forms.BooleanField(
            required=False, initial=row.effect is not None,
            label=f"{ref} {row.indicator.title}",
        )  # fmt: skip
        self.fields[f"direction_{pk}"] = forms.ChoiceField(
            choices=list(WAY_WORDS.items()), initial=effect.direction, required=False,
            label=f"Which way should the action move {ref}?",
        )  # fmt: skip
        self.fields[f"value_{pk}"] = forms.CharField(
            required=False, label="Value to reach (optional)",
            initial="" if effect.value is None else format(effect.value.normalize(), "f"),
        )  # fmt: skip
        for part, label in (("month", "Month"), ("year", "Year")):
            initial = getattr(effect.by, part, None)
            self.fields[f"by_{part}_{pk}"] = forms.CharField(
                required=False, label=label, initial=initial
            )
        self.fields[f"reason_{pk}"] = forms.CharField(
            required=False, initial=effect.reason, label="Why will the action move it? (optional)"
        )

    def opened_snapshot(self):
        """Per indicator shown, its link's Effect.key() as the form opened ("" for none)."""
        return {str(row.indicator.pk): row.effect.key() if row.effect else "" for row in self.rows}

    def clean(self):
        """The effect's boxes are checked only for the indicators ticked."""
        data = super().clean()
        for row in self.rows:
            pk, ref = row.indicator.pk, row.indicator.ref
            if not data.get(f"link_{pk}"):
                continue
            data[f"by_{pk}"] = self._by_month(row)
            data[f"value_{pk}"] = self._value(row)
            data[f"reason_{pk}"] = " ".join((data.get(f"reason_{pk}") or "").split())
            if len(data[f"reason_{pk}"]) > REASON_LIMIT:
                message = f"The reason for {ref} must be {REASON_LIMIT} characters or fewer"
                self.add_error(f"reason_{pk}", message)
        return data

    def _value(self, row: LinkRow) -> Decimal | None:
        pk, ref = row.indicator.pk, row.indicator.ref
        text = str(self.cleaned_data.get(f"value_{pk}") or "").strip()
        figure = parse_value(text).value if text else None
        if text and (figure is None or abs(figure) >= VALUE_LIMIT):
            self.add_error(
                f"value_{pk}", f"Enter the value {ref} should reach as a number, like 85"
            )
        return figure

    def _by_month(self, row: LinkRow) -> datetime.date | None:
        """The month from the month and year boxes (both or neither)."""
        pk, ref = row.indicator.pk, row.indicator.ref
        month = str(self.cleaned_data.get(f"by_month_{pk}") or "").strip()
        year = str(self.cleaned_data.get(f"by_year_{pk}") or "").strip()
        if not month and not year:
            return None
        problem = month_problem(month, year)
        if problem:
            self.add_error(f"by_month_{pk}", f"The month for {ref} {problem}")
            return None
        return datetime.date(int(year), int(month), 1)

    def groups(self) -> list[tuple[str, list]]:
        """The rows grouped by service area, in scorecard order, each with its fields."""
        grouped: dict[str, list] = {}
        for row in self.rows:
            pk = row.indicator.pk
            fields = {name: self[f"{name}_{pk}"] for name in LINK_FIELDS}
            grouped.setdefault(row.indicator.service_area.title, []).append((row, fields))
        return list(grouped.items())

    def wanted(self) -> dict[int, Effect | None]:
        """Per indicator shown, the effect sent, or None where it is not ticked."""
        data, wanted = self.cleaned_data, {}
        for row in self.rows:
            pk = row.indicator.pk
            wanted[pk] = None
            if data.get(f"link_{pk}"):
                wanted[pk] = Effect(
                    data.get(f"direction_{pk}") or AS_POLARITY,
                    data.get(f"value_{pk}"), data.get(f"by_{pk}"),
                    data.get(f"reason_{pk}", ""),
                )  # fmt: skip
        return wanted

    def opened_links(self) -> dict[int, str]:
        return {int(pk): key for pk, key in (self.opened_values or {}).items() if pk.isdigit()}


LINK_FIELDS = ("link", "direction", "value", "by_month", "by_year", "reason")


def month_problem(month: str, year: str) -> str:
    """What is wrong with a month and year typed in, or "" when they make a month."""
    if not month or not year:
        return f"must include a {'month' if not month else 'year'}"
    if not (month.isdigit() and year.isdigit()) or not 1 <= int(month) <= 12:
        return "must be a real month, like 3 2024"
    if not 2000 <= int(year) <= 2100:
        return "must have a year from 2000 to 2100"
    return ""
