"""The Director's review list: its filter and its table.

Rows come from improvement_plan.action_selectors.actions_to_review(), which annotates
the computed RAG, whether it disagrees with the reported one, and open challenges.
"""

import django_filters
import django_tables2 as tables
from django import forms
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime

from improvement_plan.domain.rag import disagreement
from improvement_plan.models import Priority, Rag
from improvement_plan.rag_selectors import judge
from improvement_plan.tables import WRAPS, rag_tag

NEEDS_REVIEW, ALL = "needs_review", "all"


class ReviewFilter(django_filters.FilterSet):
    """Needing review (a disagreement, Red or Amber) unless the Director asks for all."""

    show = django_filters.ChoiceFilter(
        label="Show",
        choices=[
            (NEEDS_REVIEW, "Actions needing review: disagreements, Red and Amber"),
            (ALL, "All actions"),
        ],
        empty_label=None,
        widget=forms.RadioSelect,
        method="filter_show",
    )
    rag = django_filters.ChoiceFilter(
        label="Computed RAG", choices=Rag.choices, empty_label="Any RAG", field_name="rag"
    )
    priority = django_filters.ModelChoiceFilter(
        label="Priority",
        field_name="objective__priority",
        queryset=Priority.objects.none(),
        empty_label="All priorities",
    )

    def __init__(self, data=None, *args, plan=None, **kwargs):
        data = data.copy() if data is not None else {}
        if not data.get("show"):
            data["show"] = NEEDS_REVIEW
        super().__init__(data, *args, **kwargs)
        if plan is not None:
            self.filters["priority"].queryset = plan.priorities.order_by("number")

    def filter_show(self, queryset, name, value):
        if value == NEEDS_REVIEW:
            return queryset.filter(review_rank__lt=3)
        return queryset


class ReviewTable(tables.Table):
    """One row per action: both RAGs in words, how they differ, and the last review."""

    reference = tables.Column("Ref", orderable=False)
    description = tables.Column("Action", orderable=False, attrs=WRAPS)
    reported_rag = tables.Column("Reported RAG", orderable=False, empty_values=())
    rag = tables.Column("Computed RAG", orderable=False)
    difference = tables.Column("Reported against computed", accessor="pk", orderable=False)
    reviewed = tables.Column("Last review", accessor="pk", orderable=False)
    review = tables.Column("Review", accessor="pk", orderable=False)

    class Meta:
        empty_text = "No actions need review."

    region_label = "Actions to review"

    def __init__(self, *args, today, **kwargs):
        self.today = today
        super().__init__(*args, **kwargs)

    def render_review(self, record):
        return format_html(
            '<a class="govuk-link" href="{}">Review<span class="govuk-visually-hidden"> the RAG '
            "of action {}</span></a>",
            reverse("action_review", args=[record.pk]),
            record.reference,
        )

    def render_description(self, record):
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            reverse("action_detail", args=[record.pk]),
            record.description,
        )

    def render_reported_rag(self, record):
        return rag_tag(record.reported_rag)

    def render_rag(self, record):
        return format_html("{}<br>{}", rag_tag(record.rag), judge(record, today=self.today).reason)

    def render_difference(self, record):
        if not record.reported_rag:
            return "No RAG reported"
        judgement = judge(record, today=self.today)
        words = disagreement(reported=record.reported_rag, computed=judgement)
        return words or "Reported and computed RAG agree"

    def render_reviewed(self, record):
        if record.open_challenge:
            return "Challenged, not yet answered"
        if record.last_reviewed_at is None:
            return "Not reviewed"
        return f"Reviewed {date_format(localtime(record.last_reviewed_at), 'j F Y')}"
