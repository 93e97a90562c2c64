"""The plan upload form: which plan, and the file, checked by its content and size."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from governance.domain.file_types import sniff_kind
from improvement_plan.importing import PlanFileError, PlanLayoutError
from improvement_plan.importing import pending as kept
from improvement_plan.importing.export_layout import parse_rows
from improvement_plan.importing.reading import read_rows
from improvement_plan.models import Plan

NEW_PLAN = "new"
EXTENSIONS = {".csv": "csv", ".xlsx": "xlsx"}


def plan_file_kind(name: str, data: bytes) -> str:
    """ "csv" or "xlsx", judged by the content; the name must say the same.

    Raises forms.ValidationError saying what is wrong. A CSV must be UTF-8 text; an
    XLSX must be an Excel workbook (governance.domain.file_types).
    """
    expected = EXTENSIONS.get(Path(name).suffix.lower())
    if expected is None:
        raise forms.ValidationError("The selected file must be a CSV file or an Excel workbook")
    if not data:
        raise forms.ValidationError("The selected file is empty")
    if expected == "xlsx":
        if sniff_kind(data) != "xlsx":
            raise forms.ValidationError("The selected file is not an Excel workbook (XLSX)")
        return "xlsx"
    if sniff_kind(data) is not None:
        raise forms.ValidationError("The selected file is not CSV text")
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise forms.ValidationError(
            "The selected file is not UTF-8 text: save it from Excel as CSV UTF-8"
        ) from exc
    return "csv"


class PlanUploadForm(forms.Form):
    plan = forms.ChoiceField(
        label="Which plan is the file for?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the plan, or a new plan"},
    )
    new_title = forms.CharField(
        label="Name of the new plan",
        required=False,
        max_length=250,
        help_text="Only if you selected a new plan. For example, "
        "Children's Social Care Improvement Plan 2024 to 2025",
    )
    file = forms.FileField(
        label="Upload the plan",
        help_text="A CSV (UTF-8) or Excel (XLSX) file with the plan's table: Item, Action, "
        "Lead/ Timeframe, Progress/ Comments and RAG columns, or a file exported from here",
        error_messages={
            "required": "Select the plan's CSV or XLSX file",
            "empty": "The selected file is empty",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plans = Plan.objects.order_by("title").values_list("pk", "title")
        self.fields["plan"].choices = [(str(pk), title) for pk, title in plans] + [
            (NEW_PLAN, "A new plan")
        ]
        if not plans:
            self.fields["plan"].initial = NEW_PLAN
        self.fields["file"].widget.attrs["accept"] = ".csv,.xlsx"
        self.file_bytes = b""
        self.file_kind = ""

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"The selected file must be smaller than {filesizeformat(limit)}"
            )
        data = upload.read()
        kind = plan_file_kind(upload.name, data)
        if len(data) <= kept.BACKGROUND_OVER_BYTES:  # a bigger file is read by a task, not here
            try:
                parse_rows(read_rows(data, f"plan.{kind}"))
            except (PlanFileError, PlanLayoutError) as exc:
                raise forms.ValidationError(f"The selected file cannot be imported. {exc}") from exc
        self.file_bytes, self.file_kind = data, kind
        return upload

    def clean_new_title(self):
        return " ".join(self.cleaned_data["new_title"].split())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("plan") != NEW_PLAN:
            return cleaned
        title = cleaned.get("new_title")
        if not title:
            self.add_error("new_title", "Enter the name of the new plan")
        elif Plan.objects.filter(title__iexact=title).exists():
            self.add_error("new_title", f"A plan called {title} already exists: select it above")
        return cleaned

    def plan_choice(self) -> tuple[int | None, str]:
        """The chosen plan's id (None for a new plan) and title."""
        choice = self.cleaned_data["plan"]
        if choice == NEW_PLAN:
            return None, self.cleaned_data["new_title"]
        return int(choice), dict(self.fields["plan"].choices)[choice]
