"""The board's action log filters (django-filter): status, owner, and overdue only."""

import datetime

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from governance.minutes.board_selectors import action_owners, overdue_q
from governance.models import ActionArising, Board


class ActionLogFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=ActionArising.Status.choices, label="Status", empty_label="Any status"
    )
    owner = django_filters.ModelChoiceFilter(queryset=None, label="Owner", empty_label="Anyone")
    overdue = django_filters.BooleanFilter(
        method="only_overdue", label="Overdue only", widget=forms.CheckboxInput
    )

    class Meta:
        model = ActionArising
        fields: list[str] = []

    def __init__(self, *args, board: Board, today: datetime.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.filters["owner"].queryset = action_owners(board=board)

    def only_overdue(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        """Overdue by the rule in governance.domain.minutes: open and past its due date."""
        return queryset.filter(overdue_q(today=self.today)) if value else queryset
