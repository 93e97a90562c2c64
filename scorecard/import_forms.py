"""The scorecard upload form: the file, checked by its content and size, and its month."""

import datetime
from pathlib import Path

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from governance.domain.file_types import sniff_kind
from scorecard.domain.references import parse_month
from scorecard.importing import ScorecardFileError
from scorecard.importing import pending as kept
from scorecard.importing.layout import parse_scorecard
from scorecard.importing.reading import read_sheets

EXTENSIONS = {".tsv": "tsv", ".txt": "txt", ".csv": "csv", ".xlsx": "xlsx"}
NO_TABLE = (
    "The selected file has no scorecard table: a table starts at a header row with "
    "Ref and Indicator columns"
)


def scorecard_file_kind(name: str, data: bytes) -> str:
    """ "tsv", "txt", "csv" or "xlsx", judged by the content; the name must say the same.

    Raises forms.ValidationError saying what is wrong. Text must be UTF-8; an XLSX must
    be an Excel workbook (governance.domain.file_types).
    """
    expected = EXTENSIONS.get(Path(name).suffix.lower())
    if expected is None:
        raise forms.ValidationError(
            "The selected file must be a TSV, CSV or text file, or an Excel workbook"
        )
    if not data:
        raise forms.ValidationError("The selected file is empty")
    if expected == "xlsx":
        if sniff_kind(data) != "xlsx":
            raise forms.ValidationError("The selected file is not an Excel workbook (XLSX)")
        return expected
    if sniff_kind(data) is not None:
        raise forms.ValidationError("The selected file is not TSV or CSV text")
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise forms.ValidationError(
            "The selected file is not UTF-8 text: save it from Excel as CSV UTF-8"
        ) from exc
    return expected


class ScorecardUploadForm(forms.Form):
    file = forms.FileField(
        label="Upload the scorecard",
        help_text="A TSV, CSV (UTF-8) or Excel (XLSX) file. Each table starts at a header "
        "row with Ref and Indicator columns, then month columns (such as Aug-23) or a "
        "Current column",
        error_messages={
            "required": "Select the scorecard's TSV, CSV or XLSX file",
            "empty": "The selected file is empty",
        },
    )
    period = forms.CharField(
        label="Month of the Current column",
        required=False,
        max_length=20,
        help_text="Needed when the file has a Current or Current Performance column: the "
        "month its figures describe. For example, 2023-06 or June 2023",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".tsv,.txt,.csv,.xlsx"
        self.file_bytes = b""
        self.file_kind = ""
        self.needs_period = False

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"The selected file must be smaller than {filesizeformat(limit)}"
            )
        data = upload.read()
        kind = scorecard_file_kind(upload.name, data)
        self.file_bytes, self.file_kind = data, kind
        if len(data) > kept.BACKGROUND_OVER_BYTES:  # read by a task, which says what is wrong
            return upload
        try:
            parsed = parse_scorecard(read_sheets(data, f"scorecard.{kind}"))
        except ScorecardFileError as exc:
            raise forms.ValidationError(f"The selected file cannot be imported. {exc}") from exc
        if not parsed.tables:
            raise forms.ValidationError(NO_TABLE)
        self.needs_period = parsed.has_current
        return upload

    def clean_period(self) -> datetime.date | None:
        text = " ".join(self.cleaned_data["period"].split())
        if not text:
            return None
        month = parse_month(text)
        if month is None or month.year < 2000:
            raise forms.ValidationError("Enter the month as 2023-06 or June 2023")
        if month > timezone.localdate().replace(day=1):
            raise forms.ValidationError("The month must be this month or earlier")
        return month

    def clean(self):
        cleaned = super().clean()
        if self.needs_period and "period" not in self.errors and not cleaned.get("period"):
            self.add_error(
                "period",
                "Enter the month of the Current column: the file has a Current column",
            )
        return cleaned
