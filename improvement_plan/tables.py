"""django-tables2 tables for the improvement plan."""

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html

from improvement_plan.models import Action
from improvement_plan.selectors import days_overdue


class MyActionsTable(tables.Table):
    """The actions a person leads: reference, action, leads, due date (with overdue in words)."""

    reference = tables.Column("Ref", orderable=False)
    description = tables.Column("Action", orderable=False)
    leads = tables.Column("Lead posts", accessor="pk", orderable=False)
    due_date = tables.Column("Due", orderable=False)
    status = tables.Column("Status", orderable=False)

    class Meta:
        model = Action
        fields = ["reference", "description", "leads", "due_date", "status"]
        empty_text = "You lead no actions."

    def __init__(self, *args, today, **kwargs):
        self.today = today
        super().__init__(*args, **kwargs)

    def render_leads(self, record):
        return ", ".join(post.name for post in record.lead_posts.all())

    def render_due_date(self, record):
        if record.due_date is None:
            return "No due date (recurring)"
        shown = date_format(record.due_date)
        overdue = days_overdue(record, today=self.today)
        if overdue is None:
            return shown
        return format_html(
            '{} <strong class="govuk-tag govuk-tag--red">Overdue by {} day{}</strong>',
            shown,
            overdue,
            "" if overdue == 1 else "s",
        )

    def render_status(self, record):
        return record.get_status_display()
