"""Filters for the action list (django-filter), each one a GOV.UK form field.

The RAG filter reads the computed `rag` annotation (improvement_plan.rag_selectors),
so the queryset it filters must come from selectors.action_rows().
"""

import datetime

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.text import Truncator

from improvement_plan import selectors
from improvement_plan.models import Action, Plan, ProgressUpdate, Rag


class ActionFilterForm(forms.Form):
    """The filter form: a due-date range must run forwards."""

    def clean(self):
        cleaned = super().clean()
        after, before = cleaned.get("due_after"), cleaned.get("due_before")
        if after and before and after > before:
            self.add_error(
                "due_before", "Due on or before must be the same as or after due on or after"
            )
        return cleaned


class PriorityChoiceField(forms.ModelChoiceField):
    """Priorities by number and a short title: the plan's titles run to 200 characters."""

    def label_from_instance(self, obj):
        return f"{obj.number}. {Truncator(obj.title).chars(70)}"


class PriorityFilter(django_filters.ModelChoiceFilter):
    field_class = PriorityChoiceField


class DateInputWidget(forms.MultiWidget):
    """GOV.UK date input: day, month and year boxes named <name>_day, _month, _year.

    Ids are <id>-day, -month, -year, and the field's label points at the day box, so
    an error summary link lands there. Rendered by improvement_plan/includes/date_input.html.
    """

    PARTS = (("day", "Day", "govuk-input--width-2"), ("month", "Month", "govuk-input--width-2"))
    PARTS += (("year", "Year", "govuk-input--width-4"),)

    def __init__(self, attrs=None):
        inputs = {name: forms.TextInput(attrs={"inputmode": "numeric"}) for name, *_ in self.PARTS}
        super().__init__(inputs, attrs)

    def decompress(self, value):
        return [value.day, value.month, value.year] if value else [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        id_ = context["widget"]["attrs"].get("id", name)
        for sub, (part, label, width) in zip(
            context["widget"]["subwidgets"], self.PARTS, strict=True
        ):
            sub.update(part=part, label=label, width=width)
            sub["attrs"]["id"] = f"{id_}-{part}"
        return context

    def id_for_label(self, id_):
        return f"{id_}-day" if id_ else ""


class DateInputField(forms.MultiValueField):
    """A date from GOV.UK day, month and year boxes; all empty is no date.

    Errors follow the GOV.UK date input pattern: what is missing, or "must be a real date".
    """

    widget = DateInputWidget

    def __init__(self, **kwargs):
        parts = [forms.CharField(required=False) for _ in DateInputWidget.PARTS]
        kwargs.update(required=False, require_all_fields=False)
        super().__init__(fields=parts, **kwargs)

    def compress(self, data_list):
        values = [str(value or "").strip() for value in data_list or []]
        if not any(values):
            return None
        missing = [
            name
            for (name, *_), value in zip(DateInputWidget.PARTS, values, strict=True)
            if not value
        ]
        if missing:
            raise forms.ValidationError(f"{self.label} must include a {' and '.join(missing)}")
        try:
            day, month, year = (int(value) for value in values)
            if year < 1000:
                raise ValueError
            return datetime.date(year, month, day)
        except ValueError:
            raise forms.ValidationError(f"{self.label} must be a real date") from None


class DateInputFilter(django_filters.Filter):
    field_class = DateInputField


class ActionFilter(django_filters.FilterSet):
    """Priority, lead post, status, computed RAG, overdue only, due between, and search."""

    q = django_filters.CharFilter(
        label="Search",
        method="search",
        help_text="Reference, action, objective or progress update text",
    )
    priority = PriorityFilter(
        field_name="objective__priority",
        queryset=None,
        label="Priority",
        empty_label="All priorities",
    )
    lead_post = django_filters.ModelChoiceFilter(
        field_name="lead_posts", queryset=None, label="Lead post", empty_label="All lead posts"
    )
    status = django_filters.ChoiceFilter(choices=Action.Status.choices, empty_label="Any status")
    rag = django_filters.ChoiceFilter(
        field_name="rag", choices=Rag.choices, label="RAG", empty_label="Any RAG"
    )
    overdue = django_filters.BooleanFilter(
        method="only_overdue", label="Overdue only", widget=forms.CheckboxInput
    )
    due_after = DateInputFilter(
        field_name="due_date",
        lookup_expr="gte",
        label="Due on or after",
        help_text="For example, 1 4 2023",
    )
    due_before = DateInputFilter(
        field_name="due_date",
        lookup_expr="lte",
        label="Due on or before",
        help_text="For example, 30 6 2023",
    )

    class Meta:
        model = Action
        fields: list[str] = []
        form = ActionFilterForm

    def __init__(self, *args, plan: Plan | None = None, today: datetime.date | None = None, **kw):
        super().__init__(*args, **kw)
        self.today = today or timezone.localdate()
        self.filters["priority"].queryset = selectors.plan_priorities(plan)
        self.filters["lead_post"].queryset = selectors.plan_lead_posts(plan)

    def search(self, queryset: QuerySet[Action], name: str, value: str) -> QuerySet[Action]:
        """Every word must appear in the reference, action, objective or a progress update."""
        for word in value.split():
            updates = ProgressUpdate.objects.filter(action=OuterRef("pk"), text__icontains=word)
            queryset = queryset.filter(
                Q(reference__icontains=word)
                | Q(description__icontains=word)
                | Q(objective__title__icontains=word)
                | Exists(updates)
            )
        return queryset

    def only_overdue(self, queryset: QuerySet[Action], name: str, value: bool) -> QuerySet[Action]:
        """Overdue by the rule in improvement_plan.domain.due_dates: past due and not complete."""
        return queryset.filter(selectors.overdue_q(today=self.today)) if value else queryset


class SlippageFilter(django_filters.FilterSet):
    """The slippage page narrows to one priority."""

    priority = PriorityFilter(
        field_name="objective__priority",
        queryset=None,
        label="Priority",
        empty_label="All priorities",
    )

    class Meta:
        model = Action
        fields: list[str] = []

    def __init__(self, *args, plan: Plan | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["priority"].queryset = selectors.plan_priorities(plan)
