"""The admin's change forms for the plan carry the version they were opened on too.

Rule (common.concurrency): a field the administrator did not change is saved as it
stands now, never as the page showed it, so an admin edit cannot put back a status or
RAG a lead changed meanwhile; a field both changed is refused with theirs beside yours.
The admin saves inside a transaction (ModelAdmin.changeform_view), so the row read here
under select_for_update stays as read until the save.
"""

from typing import Any

from django import forms
from django.db import models

from common.concurrency import EditConflict, check_no_conflicts
from common.forms import OpenedVersionFormMixin


def saved_value(instance: models.Model, name: str) -> Any:
    """A field's value as the form holds it: a row for a foreign key, rows for a set."""
    field = instance._meta.get_field(name)
    if field.many_to_many:
        return list(getattr(instance, name).all())
    return getattr(instance, name)


class OpenedVersionAdminForm(OpenedVersionFormMixin, forms.ModelForm):
    """A ModelForm for the admin that saves only what the administrator changed."""

    # Declared so the admin's fieldsets include it (as a hidden input).
    opened_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def tracked_field_names(self) -> list[str]:
        """The model's own fields (a formset adds DELETE, which is not one)."""
        names = {field.name for field in self._meta.model._meta.get_fields()}
        return [name for name in super().tracked_field_names() if name in names]

    def clean(self):
        data = super().clean()
        if self.instance.pk is None:
            return data
        saved = type(self.instance)._default_manager.select_for_update().get(pk=self.instance.pk)
        current = {name: saved_value(saved, name) for name in self.tracked_field_names()}
        for name in set(current) - self.changed_fields:
            data[name] = current[name]
        try:
            check_no_conflicts(
                opened=self.opened_values, current=current, submitted=data,
                changed=self.changed_fields, labels=self.labels(),
            )  # fmt: skip
        except EditConflict as conflict:
            self._refuse(conflict, current)
        return data

    def refresh_untouched(self, current) -> None:
        """Not needed here: the form stands on the version it opened on for every field
        this person left alone (see _refuse), so a stale value still counts as untouched."""

    def _refuse(self, conflict: EditConflict, current: dict) -> None:
        """Each conflict as an error with both values. The form now stands on theirs for
        those fields only, so saving again is a choice; every other field keeps the
        version it opened on, so one left alone still counts as left alone."""
        standing = dict(self.opened_values)
        standing.update({item.field: current[item.field] for item in conflict.conflicts})
        self.show_conflict(conflict, standing)
        for item in conflict.conflicts:
            self.add_error(
                None,
                f"{item.label}: saved now “{_shown(item.theirs)}”, you sent “{_shown(item.yours)}”",
            )


def _shown(value) -> str:
    if isinstance(value, list | tuple) or hasattr(value, "model"):
        return ", ".join(str(item) for item in value) or "(none)"
    return "(empty)" if value in (None, "") else str(value)
