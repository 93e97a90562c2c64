"""Forms for one action: a lead's progress update, the Director's review, linked indicators.

Forms check what a field alone can tell (a real date, a choice made). The rules that
join fields (a reason for Red or Amber, a reason for a new due date) live in
improvement_plan.domain.progress: the progress form asks them too, so one error summary
lists every problem, and the services' own errors are put on the form as well.
"""

import datetime

from django import forms
from django.conf import settings

from improvement_plan.domain.progress import progress_problems
from improvement_plan.filters import DateInputField
from improvement_plan.models import Action, DirectorReview, Rag
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


class ProgressUpdateForm(forms.Form):
    text = forms.CharField(
        label="What has happened since the last update?",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text="Say what has been done, what is next, and anything the board should know.",
    )
    reported_rag = forms.ChoiceField(
        label="What RAG status are you reporting?",
        choices=Rag.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    rag_reason = forms.CharField(
        label="Why is the action Red or Amber?",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="You must give a reason if you report Red or Amber.",
    )
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
    due_date_reason = forms.CharField(
        label="Why is the due date moving?",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="You must give a reason if you change the due date. Every move is "
        "counted as slippage and shown to the board.",
    )
    evidence = MultipleFileField(label="Upload evidence (optional)", required=False)

    def __init__(self, *args, action, today: datetime.date, **kwargs):
        self.action, self.today = action, today
        super().__init__(*args, **kwargs)
        self.fields["evidence"].help_text = EVIDENCE_HINT.format(mb=settings.EVIDENCE_MAX_MB)

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


class DirectorReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="Do you confirm or challenge this action's RAG?",
        choices=[
            (DirectorReview.Decision.CONFIRMED, "Confirm the RAG"),
            (DirectorReview.Decision.CHALLENGED, "Challenge the RAG"),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    comment = forms.CharField(
        label="Comment for the action's leads",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text="You must comment if you challenge the RAG. The leads will see your "
        "comment on their home page until their next progress update answers it.",
    )


class IndicatorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.ref} {obj.title}"


class ActionIndicatorsForm(forms.Form):
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
