"""Forms for boards, memberships, meetings, agenda items and papers.

Forms check what the fields alone can tell (a choice made, a real date, a time, text
within its limit, said in its hint: common.forms); the rules that join fields, or look
at the database, are the services' (their errors are put on the form, so one GOV.UK
error summary lists everything). Dates use the GOV.UK date input
(improvement_plan.filters.DateInputField).

Edit forms (…EditForm) carry the version they were opened on (common.forms.
OpenedVersionFormMixin): the services save only the fields changed and refuse a save
over someone else's newer change (governance.meetings.versions).
"""

import datetime

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format

from common.forms import (
    COMMENT_LIMIT,
    LONG_TEXT_LIMIT,
    SHORT_TEXT_LIMIT,
    TITLE_LIMIT,
    LimitedTextField,
    OpenedVersionFormMixin,
    limited_textarea,
)
from governance.meetings.paper_services import REPORT_KINDS, paper_max_bytes
from governance.meetings.times import parse_time
from governance.models import AgendaItem, Board, Membership, Organisation, User
from improvement_plan.filters import DateInputField
from improvement_plan.models import Plan
from scorecard.selectors import months_held


def limit_messages(label: str, limit: int, **messages) -> dict:
    """The error messages of a text field with a limit: "Title must be 250 characters or
    fewer", and any others given (such as required)."""
    return {"max_length": f"{label} must be {limit:,} characters or fewer", **messages}


class TimeTextField(forms.CharField):
    """A time of day as people write it ("6pm", "18:30"): governance.meetings.times."""

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        time = parse_time(text)
        if time is None:
            raise forms.ValidationError(
                f"{self.label} must be a real time, such as 6pm, 6:30pm or 18:30"
            )
        return time


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name or obj.email} ({obj.email})"


def people():
    return User.objects.filter(is_active=True).order_by("full_name", "email")


class BoardForm(forms.Form):
    name = LimitedTextField(
        label="Name", limit=200, required=True,
        error_messages=limit_messages("The name", 200, required="Enter the board's name"),
    )  # fmt: skip
    slug = forms.SlugField(
        label="Short name for the web address",
        max_length=80,
        required=False,
        help_text="Lower case letters, numbers and hyphens, such as improvement-board. "
        "Leave it empty to make one from the name.",
        error_messages={"invalid": "The short name may only have letters, numbers and hyphens"},
    )
    kind = forms.ChoiceField(
        label="What kind of board is it?",
        choices=Board.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of board"},
    )
    terms_of_reference = limited_textarea(
        label="Terms of reference", limit=LONG_TEXT_LIMIT, rows=8,
        error_messages=limit_messages("The terms of reference", LONG_TEXT_LIMIT),
    )  # fmt: skip
    contact_name = LimitedTextField(label="Contact name", limit=200)
    contact_email = forms.EmailField(
        label="Contact email address",
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk"
        },
    )
    default_place = LimitedTextField(
        label="Usual meeting place",
        limit=200,
        help_text="New meetings are held here unless you say otherwise.",
    )
    items_start_on_odd_pages = forms.BooleanField(
        label="Start each item of the agenda pack on a right-hand page",
        required=False,
        help_text="Adds a page saying “This page is intentionally left blank” where needed.",
    )
    is_public = forms.BooleanField(
        label="Show this board and its published meetings on the public pages", required=False
    )


class MembershipForm(forms.Form):
    person = PersonChoiceField(
        label="Person", queryset=people(), error_messages={"required": "Select the person"}
    )
    organisation = forms.ModelChoiceField(
        label="Organisation (optional)",
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label="None",
    )
    role = forms.ChoiceField(
        label="Role",
        choices=Membership.Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the member's role"},
    )
    deputy = PersonChoiceField(
        label="Named deputy (optional)",
        queryset=people(),
        required=False,
        empty_label="None",
        help_text="Who may attend in their place.",
    )
    start_date = DateInputField(label="Start date", help_text="For example, 1 5 2023")
    end_date = DateInputField(
        label="End date", help_text="Optional: leave it empty while the membership continues."
    )

    def clean(self):
        data = super().clean()
        if not data.get("start_date") and "start_date" not in self.errors:
            self.add_error("start_date", "Enter the date the membership starts")
        return data


class BoardEditForm(OpenedVersionFormMixin, BoardForm):
    """Changing a board: carries the version it was opened on."""


class MembershipEditForm(OpenedVersionFormMixin, MembershipForm):
    """Changing a membership: carries the version it was opened on."""


class MeetingForm(forms.Form):
    """When and where; `board` is asked only when a meeting is arranged."""

    board = forms.ModelChoiceField(
        label="Board",
        queryset=Board.objects.order_by("name"),
        empty_label="Choose a board",
        error_messages={"required": "Select the board"},
    )
    date = DateInputField(label="Date of the meeting", help_text="For example, 11 1 2023")
    start_time = TimeTextField(
        label="Start time",
        help_text="For example, 6pm, 6:30pm or 18:30",
        error_messages={"required": "Enter the start time"},
    )
    place = LimitedTextField(
        label="Place",
        limit=200,
        help_text="Leave empty to use the board's usual meeting place.",
    )
    papers_deadline = DateInputField(
        label="Papers deadline",
        help_text="Optional: the day report authors must send their papers by. "
        "For example, 30 12 2022",
    )

    def __init__(self, *args, with_board: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start_time"].widget.attrs["class"] = "govuk-input--width-10"
        if not with_board:
            del self.fields["board"]

    def clean(self):
        """The date and time in UK time, as `starts_at`; the date is required."""
        data = super().clean()
        if not data.get("date") and "date" not in self.errors:
            self.add_error("date", "Enter the date of the meeting")
        if data.get("date") and data.get("start_time"):
            naive = datetime.datetime.combine(data["date"], data["start_time"])
            data["starts_at"] = timezone.make_aware(naive)
        return data


class MeetingEditForm(OpenedVersionFormMixin, MeetingForm):
    """Changing when and where a meeting is: carries the version it was opened on (the
    start time as a time, however it is written on the page)."""

    def opened_snapshot(self):
        snapshot = super().opened_snapshot()
        if isinstance(snapshot.get("start_time"), str):
            snapshot["start_time"] = parse_time(snapshot["start_time"])
        return snapshot


class CancelMeetingForm(forms.Form):
    reason = forms.CharField(
        label="Why is the meeting cancelled?",
        max_length=90,
        help_text="Up to 90 characters. It is kept in the meeting's history.",
        error_messages={
            "required": "Enter why the meeting is cancelled",
            "max_length": "The reason must be 90 characters or fewer",
        },
    )


class AgendaItemForm(forms.Form):
    title = LimitedTextField(
        label="Title", limit=TITLE_LIMIT, required=True,
        error_messages=limit_messages("The title", TITLE_LIMIT, required="Enter the item's title"),
    )  # fmt: skip
    description = limited_textarea(
        label="Description (optional)",
        limit=COMMENT_LIMIT,
        error_messages=limit_messages("The description", COMMENT_LIMIT),
        help_text="What the board is asked to do, such as “The Panel to receive the "
        "Early Help and Children's Social Care scorecard.”",
    )
    presenters = LimitedTextField(
        label="Presented by (optional)",
        limit=SHORT_TEXT_LIMIT,
        error_messages=limit_messages("Presented by", SHORT_TEXT_LIMIT),
        help_text="Names and roles, such as “Alison Stathers-Tracey, Director of "
        "Children's Services”.",
    )
    report_author = PersonChoiceField(
        label="Report author (optional)",
        queryset=people(),
        required=False,
        empty_label="None",
        help_text="Reminded before the papers deadline.",
    )
    exempt_paragraph = forms.TypedChoiceField(
        label="Is this item exempt from publication?",
        choices=[("", "No, the public may see it"), *AgendaItem.ExemptParagraph.choices],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text="An exempt item (Schedule 12A to the Local Government Act 1972) is "
        "shown to the public by its number and title only; its papers are for board members.",
    )


class AgendaItemEditForm(OpenedVersionFormMixin, AgendaItemForm):
    """Changing an item: carries the version it was opened on."""


class PaperUploadForm(forms.Form):
    title = LimitedTextField(
        label="Title (optional)",
        limit=TITLE_LIMIT,
        error_messages=limit_messages("The title", TITLE_LIMIT),
        help_text="Leave empty to use the file's name.",
    )
    file = forms.FileField(label="PDF file", error_messages={"required": "Select a PDF file"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = filesizeformat(paper_max_bytes())
        self.fields["file"].help_text = f"A PDF smaller than {limit}, without a password."


class PaperReportForm(forms.Form):
    kind = forms.ChoiceField(
        label="Which report?",
        choices=[(kind.value, kind.label) for kind in REPORT_KINDS],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of report"},
    )
    plan = forms.ModelChoiceField(
        label="Improvement plan",
        queryset=Plan.objects.order_by("-starts_on", "title"),
        required=False,
        empty_label="The newest plan",
        help_text="Only for the improvement plan progress report.",
    )
    scorecard_period = forms.TypedChoiceField(
        label="Scorecard month",
        coerce=datetime.date.fromisoformat,
        empty_value=None,
        required=False,
        help_text="Only for the performance scorecard: months with approved figures.",
    )
    title = LimitedTextField(
        label="Title (optional)",
        limit=TITLE_LIMIT,
        error_messages=limit_messages("The title", TITLE_LIMIT),
        help_text="Leave empty for the usual title, such as “Performance scorecard, June 2023”.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        months = [(month.isoformat(), date_format(month, "F Y")) for month in months_held()]
        self.fields["scorecard_period"].choices = [("", "Choose a month"), *months]
