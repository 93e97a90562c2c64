"""The page setting many indicators' polarity, amber tolerance and target at once: its
filters (django-filter) and its form, a row of fields per indicator and one reason.

The form carries the values it was opened on (common.forms, OpenedVersionFormMixin):
only the parts a person changed are sent to the service, and a part someone else
changed meanwhile is refused, theirs beside yours. The rules joining a row's fields (a
bound target and the polarity) are asked here too, so one error summary lists every
problem; scorecard.settings_services asks them again when it saves.
"""

import datetime

import django_filters
from django import forms
from django.db.models import QuerySet

from common.concurrency import opened_token
from common.forms import OPENED_FIELD, LimitedTextField, OpenedVersionFormMixin
from scorecard.domain.entry import as_typed, parse_month
from scorecard.domain.indicator_settings import (
    COMPARED,
    PARTS,
    default_tolerance_words,
    months_offered,
    setting_field,
)
from scorecard.forms import NumberField
from scorecard.models import Indicator, ServiceArea
from scorecard.selectors.rows import target_in_force
from scorecard.selectors.settings import newest_target
from scorecard.settings_services import REASON_MAX, SettingsChange, current_parts, row_problems
from scorecard.tables import month_in_words

PERCENTAGE = Indicator.Unit.PERCENTAGE
# The model's choices, said shortly enough for a table cell (the page explains "neither").
POLARITY_CHOICES = [
    (value, "Neither: not judged" if value == Indicator.Polarity.NEITHER else label)
    for value, label in Indicator.Polarity.choices
]


class IndicatorSettingsFilter(django_filters.FilterSet):
    area = django_filters.ModelChoiceFilter(
        field_name="service_area", queryset=ServiceArea.objects.all(), to_field_name="prefix",
        label="Service area", empty_label="Every service area",
    )  # fmt: skip
    not_set = django_filters.BooleanFilter(
        method="only_not_set", widget=forms.CheckboxInput,
        label="Only indicators whose polarity is not set",
    )  # fmt: skip

    class Meta:
        model = Indicator
        fields: list[str] = []

    def only_not_set(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(polarity=Indicator.Polarity.NOT_SET) if value else queryset


def _row_fields(indicator: Indicator, months: list[tuple[str, str]]) -> dict[str, forms.Field]:
    ref = indicator.ref
    too_big = f"{ref} amber tolerance must be less than 10,000,000,000"
    return {
        "polarity": forms.ChoiceField(
            label=f"Polarity of {ref}", choices=POLARITY_CHOICES,
            error_messages={"invalid_choice": f"Choose the polarity of {ref} from the list"},
        ),
        "amber_tolerance": NumberField(
            label=f"Amber tolerance of {ref}", required=False, max_digits=10,
            decimal_places=4,
            widget=forms.TextInput(attrs={"class": "govuk-input--width-4",
                                          "inputmode": "decimal", "spellcheck": "false"}),
            error_messages={
                "invalid": f"{ref} amber tolerance must be a number",
                "max_digits": too_big, "max_whole_digits": too_big,
                "max_decimal_places": f"{ref} amber tolerance must have 4 decimal places or fewer",
            },
        ),
        "target": forms.CharField(
            label=f"Target of {ref}", required=False, max_length=60,
            widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
            error_messages={"max_length": f"{ref} target must be 60 characters or fewer"},
        ),
        "target_from": forms.ChoiceField(
            label=f"New target of {ref} from", choices=months,
            error_messages={"invalid_choice": f"Choose the month {ref}'s new target starts"},
        ),
    }  # fmt: skip


def _target_words(indicator: Indicator, target, *, this_month: datetime.date) -> str:
    """The newest target in words and, when it starts in a later month, the one in force."""
    if target is None:
        return "No target yet"
    if target.effective_from <= this_month:
        return f"Now: {target.written} from {month_in_words(target.effective_from)}"
    targets = getattr(indicator, "targets_newest_first", None)
    if targets is None:
        targets = list(indicator.targets.order_by("-effective_from"))
    in_force = target_in_force(targets, period=this_month)
    now = f"now {in_force.written}" if in_force else "no target now"
    return f"From {month_in_words(target.effective_from)}: {target.written}; {now}"


def _hints(indicator: Indicator, target, *, this_month: datetime.date) -> dict[str, str]:
    """The words with a row's fields: why its polarity is what it is (learned, or who
    set it), the default tolerance, and the target now and to come."""
    figure = None if target is None else (target.high if target.low is None else target.low)
    default = default_tolerance_words(is_percentage=indicator.unit == PERCENTAGE, figure=figure)
    now = _target_words(indicator, target, this_month=this_month)
    return {
        "polarity_hint": indicator.polarity_reason,
        "tolerance_hint": f"Empty: {default}",
        "target_hint": now,
    }


class IndicatorSettingsForm(OpenedVersionFormMixin, forms.Form):
    """One row per indicator ("i<id>-polarity", "-amber_tolerance", "-target",
    "-target_from") and one reason for the whole save."""

    reason = LimitedTextField(
        limit=REASON_MAX,
        label="Why are you making these changes?",
        help_text="Required when anything changes. It goes into the history of each "
        "indicator you change, with your name.",
    )

    def __init__(self, *args, indicators: list[Indicator], today: datetime.date, **kwargs):
        self.indicators = indicators
        super().__init__(*args, **kwargs)
        self.this_month = this_month = today.replace(day=1)
        months = [(f"{m:%Y-%m}", month_in_words(m)) for m in months_offered(today)]
        for indicator in indicators:
            initial = {**current_parts(indicator), "target_from": f"{this_month:%Y-%m}"}
            initial["amber_tolerance"] = as_typed(initial["amber_tolerance"])  # "3", not "3.0000"
            for part, field in _row_fields(indicator, months).items():
                field.initial = initial[part]
                self.fields[setting_field(indicator.pk, part)] = field
        self.order_fields([name for name in self.fields if name != "reason"] + ["reason"])
        if not self.is_bound:  # the opened version, now the rows' fields are here
            self.initial[OPENED_FIELD] = opened_token(self.opened_snapshot())

    def tracked_field_names(self) -> list[str]:
        names = [setting_field(i.pk, part) for i in self.indicators for part in COMPARED]
        return [name for name in names if name in self.fields]

    def rows(self) -> list[dict]:
        """Each indicator with its bound fields by part and, in words, its newest target
        and its default tolerance, for the template."""
        rows = []
        for indicator in self.indicators:
            target = newest_target(indicator)
            fields = {part: self[setting_field(indicator.pk, part)] for part in PARTS}
            hints = _hints(indicator, target, this_month=self.this_month)
            rows.append({"indicator": indicator, **fields, **hints})
        return rows

    def _change(self, indicator: Indicator) -> SettingsChange:
        data, pk = self.cleaned_data, indicator.pk
        opened = self.opened_values or {}
        changed = getattr(self, "changed_fields", set())
        return SettingsChange(
            indicator_id=pk,
            polarity=data.get(setting_field(pk, "polarity"), ""),
            amber_tolerance=data.get(setting_field(pk, "amber_tolerance")),
            target=data.get(setting_field(pk, "target"), ""),
            target_from=parse_month(data.get(setting_field(pk, "target_from"), "")),
            changed=frozenset(p for p in COMPARED if setting_field(pk, p) in changed),
            opened={p: opened.get(setting_field(pk, p), "") for p in COMPARED},
        )

    def changes(self) -> list[SettingsChange]:
        """The rows this person changed, as the service takes them."""
        found = [self._change(indicator) for indicator in self.indicators]
        return [change for change in found if change.changed]

    def current(self) -> dict[str, object]:
        """Every row's parts as the database holds them now, by form field."""
        return {
            setting_field(indicator.pk, part): value
            for indicator in self.indicators
            for part, value in current_parts(indicator).items()
        }

    def clean(self):
        """Every broken rule at once, for every changed row (all or nothing)."""
        data = super().clean()
        by_pk = {indicator.pk: indicator for indicator in self.indicators}
        changes = self.changes()
        for change in changes:
            indicator = by_pk[change.indicator_id]
            for name, words in row_problems(indicator, change).items():
                if name not in self.errors:
                    self.add_error(name, words)
        if changes and not data.get("reason") and "reason" not in self.errors:
            self.add_error("reason", "Enter why you are making these changes")
        return data
