"""The attendance form: one row per person, members of the board current on the meeting's
day listed first, then anyone else recorded; and a place to add someone else.

Fields are named status_<person id> and deputy_<person id>, the names the attendance
service uses for its errors, so they land on the right field of one error summary.
"""

from django import forms
from django.utils.html import escape

from common.forms import OpenedVersionFormMixin
from governance.minutes.forms import PersonField, deputy_hint
from governance.minutes.selectors import AttendanceRow
from governance.minutes.services import AttendanceEntry
from governance.models import Attendance, User

NOT_RECORDED = ("", "Not recorded")
ADD_STATUSES = [
    (Attendance.Status.PRESENT, "Present"),
    (Attendance.Status.APOLOGIES, "Sent apologies"),
]


class AttendanceForm(forms.Form):
    """Present, apologies, absent or deputy attended for each person; "Not recorded"
    removes what was recorded (how an officer added by mistake is taken off)."""

    def __init__(self, *args, rows: list[AttendanceRow], people: list[User], **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            self._add_row_fields(row, people)
        listed = {row.person.pk for row in rows}
        self.fields["add_person"] = PersonField(
            people=[person for person in people if person.pk not in listed],
            required=False,
            label="Add someone else",
            help_text="For example, an officer who attended to present an item.",
        )
        self.fields["add_status"] = forms.ChoiceField(
            label="Their attendance", choices=ADD_STATUSES, required=False
        )

    def _add_row_fields(self, row: AttendanceRow, people: list[User]) -> None:
        pk, attendance, membership = row.person.pk, row.attendance, row.membership
        self.fields[f"status_{pk}"] = forms.ChoiceField(
            label=str(row.person),
            choices=[*Attendance.Status.choices, NOT_RECORDED],
            required=False,
            widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline govuk-radios--small"}),
            help_text=escape(_who(row)),
            initial=attendance.status if attendance else "",
        )
        self.fields[f"deputy_{pk}"] = PersonField(
            people=[person for person in people if person.pk != pk],
            required=False,
            label=f"Deputy for {row.person}",
            help_text=deputy_hint(membership) if membership else "Only if someone deputised.",
            empty_label="Their named deputy" if membership and membership.deputy else "Nobody",
            initial=str(attendance.deputy_id) if attendance and attendance.deputy_id else "",
        )

    def row_fields(self) -> list[tuple[AttendanceRow, forms.BoundField, forms.BoundField]]:
        return [
            (row, self[f"status_{row.person.pk}"], self[f"deputy_{row.person.pk}"])
            for row in self.rows
        ]

    def clean(self):
        data = super().clean()
        if data.get("add_person") and not data.get("add_status"):
            data["add_status"] = Attendance.Status.PRESENT
        return data

    def entries(self) -> list[AttendanceEntry]:
        """What the form says, for attendance_record()."""
        data = self.cleaned_data
        entries = [
            AttendanceEntry(
                person=row.person,
                status=data.get(f"status_{row.person.pk}") or "",
                deputy=data.get(f"deputy_{row.person.pk}"),
            )
            for row in self.rows
        ]
        if data.get("add_person"):
            entries.append(AttendanceEntry(person=data["add_person"], status=data["add_status"]))
        return entries


class AttendanceEditForm(OpenedVersionFormMixin, AttendanceForm):
    """The attendance form carrying the version it was opened on: only the rows changed
    are saved, never over someone else's change (governance.minutes.services)."""


def _who(row: AttendanceRow) -> str:
    """ "Chair, Tameside Council" under a member's name; "Not a member" for others."""
    membership = row.membership
    if membership is None:
        organisation = row.person.organisation
        return f"Not a member of the board{f', {organisation}' if organisation else ''}"
    organisation = membership.organisation or row.person.organisation
    role = membership.get_role_display()
    return f"{role}, {organisation}" if organisation else role
