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
    due_date = tables.Column("Due", orderable=False, empty_values=())
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


STATUS_TAG_COLOURS = {
    Action.Status.NOT_STARTED: "govuk-tag--grey",
    Action.Status.IN_PROGRESS: "govuk-tag--blue",
    Action.Status.COMPLETE: "govuk-tag--green",
    Action.Status.COMPLETE_AND_EMBEDDING: "govuk-tag--turquoise",
}


def status_tag(status: str, label: str) -> str:
    """An action's status as a GOV.UK tag: colour for a glance, the word for everyone."""
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>', STATUS_TAG_COLOURS.get(status, ""), label
    )


class PlanActionsTable(MyActionsTable):
    """One priority's actions on the plan overview; status shown as a tag with its word."""

    # empty_values=() so render_due_date also writes "No due date (recurring)" in words.
    due_date = tables.Column("Due", orderable=False, empty_values=())

    class Meta(MyActionsTable.Meta):
        empty_text = "This priority has no actions yet."

    def __init__(self, *args, number: int, **kwargs):
        # A page holds one table per priority: each needs its own caption and id prefix.
        super().__init__(*args, prefix=f"priority-{number}-", **kwargs)
        self.caption = f"Actions for priority {number}"

    def render_status(self, record):
        return status_tag(record.status, record.get_status_display())
