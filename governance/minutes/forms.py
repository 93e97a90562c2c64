"""Forms of the meeting record, each field a GOV.UK form group.

Forms check what a field alone can tell (a real date or time, a choice made); the rules
that join fields live in governance.domain.minutes and the services, whose errors the
views put on the form, so one error summary lists every problem. People are chosen from
one list read once per form (people_list), however many fields offer it.

Help text is shown as HTML by the GOV.UK field template: anything from the database in
it is escaped here. Text fields have limits that fit their use, said in their hint
(common.forms). Edit forms (…EditForm) carry the version they were opened on, so a save
never overwrites someone else's newer change (governance.meetings.versions).
"""

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape

from common.forms import (
    COMMENT_LIMIT,
    LONG_TEXT_LIMIT,
    SHORT_TEXT_LIMIT,
    TITLE_LIMIT,
    LimitedTextField,
    OpenedVersionFormMixin,
    limited_textarea,
)
from governance.meetings.forms import limit_messages
from governance.minutes.selectors import meeting_day
from governance.models import ActionArising, Declaration, Meeting, User, WorkProgrammeItem
from improvement_plan.filters import DateInputField


def people_list() -> list[User]:
    """Everyone who may be named in the record, by name. One query."""
    return list(User.objects.select_related("organisation").order_by("full_name", "pk"))


def person_label(person: User) -> str:
    return f"{person}, {person.organisation}" if person.organisation_id else str(person)


class PersonField(forms.ChoiceField):
    """A person chosen from a list read once; cleans to the User (or None)."""

    def __init__(self, *, people: list[User], empty_label: str = "Choose a person", **kwargs):
        self.people = {str(person.pk): person for person in people}
        choices = [("", empty_label)] + [(str(p.pk), person_label(p)) for p in people]
        super().__init__(choices=choices, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return self.people.get(value) if value else None


TIME_PATTERN = re.compile(r"^(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm)?$")


class TimeTextField(forms.CharField):
    """A time as people write it: "6pm", "6.30pm", "18:30" or "6:30 pm"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs={"class": "govuk-input--width-5"}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, datetime.time):
            return value.strftime("%H:%M")
        return value

    def to_python(self, value):
        text = super().to_python(value).strip().lower().replace(" ", "")
        if not text:
            return None
        match = TIME_PATTERN.match(text)
        if match is None:
            raise forms.ValidationError(f"{self.label} must be a time, like 6pm or 18:30")
        hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
        if half:
            hour = hour % 12 + (12 if half == "pm" else 0) if 1 <= hour <= 12 else 99
        if hour > 23 or minute > 59:
            raise forms.ValidationError(f"{self.label} must be a real time, like 6pm or 18:30")
        return datetime.time(hour, minute)


class TimesForm(forms.Form):
    commenced_at = TimeTextField(label="Commenced", help_text="For example, 6pm or 18:00")
    terminated_at = TimeTextField(label="Terminated", help_text="For example, 7.35pm or 19:35")


class DeclarationForm(forms.Form):
    agenda_item = forms.ModelChoiceField(
        label="Agenda item",
        queryset=None,
        empty_label="Choose an item",
        error_messages={"required": "Select the agenda item the interest is in"},
    )
    person = PersonField(
        people=[],
        label="Who declared the interest?",
        error_messages={"required": "Select who declared the interest"},
    )
    kind = forms.ChoiceField(
        label="Kind of interest",
        choices=Declaration.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of interest"},
    )
    interest = limited_textarea(
        label="Nature of the interest",
        limit=COMMENT_LIMIT,
        rows=3,
        required=True,
        help_text="As declared at the meeting.",
        error_messages=limit_messages(
            "The nature of the interest", COMMENT_LIMIT,
            required="Enter the nature of the interest, as declared",
        ),
    )  # fmt: skip

    def __init__(self, *args, meeting: Meeting, people: list[User], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.order_by("order")
        self.fields["agenda_item"].label_from_instance = lambda item: f"{item.order}. {item.title}"
        self.fields["person"] = PersonField(
            people=people, label=self.fields["person"].label,
            error_messages=self.fields["person"].error_messages,
        )  # fmt: skip


class MinuteForm(forms.Form):
    agenda_item = forms.ModelChoiceField(
        label="Agenda item (optional)",
        queryset=None,
        required=False,
        empty_label="Not an agenda item",
        help_text="The title is the item’s title when you leave the title empty.",
    )
    title = LimitedTextField(
        label="Title", limit=TITLE_LIMIT, error_messages=limit_messages("The title", TITLE_LIMIT)
    )
    text = limited_textarea(
        label="Minute",
        limit=LONG_TEXT_LIMIT,
        rows=10,
        error_messages=limit_messages("The minute", LONG_TEXT_LIMIT),
        help_text="What was considered and said. Leave a blank line between paragraphs; "
        "start a line with “- ” for a bullet.",
    )
    resolved = limited_textarea(
        label="Resolved",
        limit=LONG_TEXT_LIMIT,
        error_messages=limit_messages("The resolutions", LONG_TEXT_LIMIT),
        help_text="The resolutions, as agreed. Leave empty if nothing was resolved.",
    )

    def __init__(self, *args, meeting: Meeting, with_item: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_item:
            del self.fields["agenda_item"]
            return
        field = self.fields["agenda_item"]
        field.queryset = meeting.agenda_items.filter(minute__isnull=True).order_by("order")
        field.label_from_instance = lambda item: f"{item.order}. {item.title}"

    def clean(self):
        data = super().clean()
        item = data.get("agenda_item")
        if not data.get("title") and item is not None:
            data["title"] = item.title
        if not data.get("title") and "title" not in self.errors:
            self.add_error("title", "Enter the minute’s title")
        return data


class MinuteEditForm(OpenedVersionFormMixin, MinuteForm):
    """Changing a minute: carries the version it was opened on."""


class ActionArisingForm(forms.Form):
    description = limited_textarea(
        label="Action agreed",
        limit=COMMENT_LIMIT,
        rows=3,
        required=True,
        error_messages=limit_messages(
            "The action", COMMENT_LIMIT, required="Enter the action agreed"
        ),
    )
    owner = PersonField(people=[], label="Owner")
    due_date = DateInputField(label="Due date", help_text="For example, 8 3 2023")

    def __init__(self, *args, people: list[User], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"] = PersonField(
            people=people,
            label="Owner",
            help_text="They will be able to report the action’s progress.",
            error_messages={"required": "Select who owns the action"},
        )

    def clean(self):
        data = super().clean()
        if data.get("due_date") is None and "due_date" not in self.errors:
            self.add_error("due_date", "Enter the date the action is due")
        return data


class ActionArisingUpdateForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        choices=ActionArising.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the action’s status"},
    )
    progress = limited_textarea(
        label="Progress",
        limit=COMMENT_LIMIT,
        error_messages=limit_messages("Progress", COMMENT_LIMIT),
        help_text="What has been done, and what is left to do.",
    )
    completed_on = DateInputField(
        label="Date completed",
        help_text="Only when the action is done or no longer needed. Leave empty for today. "
        "For example, 27 3 2023",
    )


class ActionArisingUpdateEditForm(OpenedVersionFormMixin, ActionArisingUpdateForm):
    """Reporting an action's progress: carries the version it was opened on, so a stale
    form never resets a status someone else has just set."""


def month_choices(*, today: datetime.date, keep: datetime.date | None = None) -> list:
    """Months from a year ago to two years ahead (and the month already chosen)."""
    first = today.replace(day=1)
    months = {(first.year * 12 + first.month - 1 + offset) for offset in range(-12, 25)}
    if keep:
        months.add(keep.year * 12 + keep.month - 1)
    days = [datetime.date(n // 12, n % 12 + 1, 1) for n in sorted(months)]
    return [("", "No month set")] + [(day.isoformat(), date_format(day, "F Y")) for day in days]


class WorkProgrammeItemForm(forms.Form):
    topic = LimitedTextField(
        label="Topic", limit=TITLE_LIMIT, required=True,
        error_messages=limit_messages("The topic", TITLE_LIMIT, required="Enter the topic"),
    )  # fmt: skip
    lead = LimitedTextField(
        label="Lead (optional)",
        limit=TITLE_LIMIT,
        error_messages=limit_messages("The lead", TITLE_LIMIT),
        help_text="Who presents it, for example, Director of Children’s Services.",
    )
    purpose = limited_textarea(
        label="Purpose (optional)",
        limit=SHORT_TEXT_LIMIT,
        rows=3,
        error_messages=limit_messages("The purpose", SHORT_TEXT_LIMIT),
        help_text="What the board is asked to do: note, scrutinise, agree.",
    )
    meeting = forms.ModelChoiceField(
        label="Meeting", queryset=None, required=False, empty_label="No meeting set yet"
    )
    planned_month = forms.TypedChoiceField(
        label="Month planned",
        required=False,
        coerce=datetime.date.fromisoformat,
        empty_value=None,
        help_text="Only when no meeting is set yet.",
    )
    status = forms.ChoiceField(
        label="Status",
        choices=WorkProgrammeItem.Status.choices,
        widget=forms.RadioSelect,
        initial=WorkProgrammeItem.Status.PLANNED,
        error_messages={"required": "Select the topic’s status"},
    )

    def __init__(self, *args, board, keep_month: datetime.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        meetings = board.meetings.exclude(status=Meeting.Status.CANCELLED).order_by("starts_at")
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda meeting: date_format(
            meeting_day(meeting), "l j F Y"
        )
        self.fields["planned_month"].choices = month_choices(
            today=timezone.localdate(), keep=keep_month
        )


class WorkProgrammeItemEditForm(OpenedVersionFormMixin, WorkProgrammeItemForm):
    """Changing a work programme topic: carries the version it was opened on."""


class TimesEditForm(OpenedVersionFormMixin, TimesForm):
    """The meeting's times: carries the version they were opened on."""


def deputy_hint(membership) -> str:
    """The hint under a member's deputy list: whom the board names, escaped for the template."""
    named = f" Their named deputy is {escape(membership.deputy)}." if membership.deputy else ""
    return f"Only if someone deputised for them.{named}"
