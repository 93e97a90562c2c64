"""Forms for one action: a lead's progress update, the Director's review, linked indicators.

Forms check what a field alone can tell (a real date, a choice made). The rules that
join fields (a reason for Red or Amber, a reason for a new due date) live in
improvement_plan.domain.progress: the progress form asks them too, so one error summary
lists every problem, and the services' own errors are put on the form as well.
"""

import datetime

from django import forms
from django.conf import settings

from common.forms import LimitedTextField, OpenedVersionFormMixin, limited_textarea
from improvement_plan.domain.progress import TEXT_LIMITS, progress_problems, too_long_message
from improvement_plan.filters import DateInputField
from improvement_plan.models import Action, DirectorReview, Rag
from improvement_plan.versions import progress_form_values, review_basis
from scorecard.models import Indicator

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


class IndicatorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.ref} {obj.title}"


class ActionIndicatorsForm(PlanEditForm):
    """The linked indicators as a set: the service applies only this person's ticks and
    unticks (domain.indicator_links)."""

    indicators = IndicatorChoiceField(
        label="Scorecard indicators this action should move",
        queryset=Indicator.objects.select_related("service_area").order_by(
            "service_area__order", "service_area__prefix", "order", "ref"
        ),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "govuk-checkboxes--small"}),
        required=False,
    )

    def groups(self) -> list[tuple[str, list]]:
        """The indicator checkboxes grouped by service area, in scorecard order."""
        grouped: dict[str, list] = {}
        for option in self["indicators"].subwidgets:
            area = option.data["value"].instance.service_area
            grouped.setdefault(area.title, []).append(option)
        return list(grouped.items())

    def opened_indicator_ids(self) -> set[int]:
        """The indicators that were ticked when the form opened."""
        opened = (self.opened_values or {}).get("indicators", "")
        return {int(pk) for pk in opened.split(",") if pk.isdigit()}
