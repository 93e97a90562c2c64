"""django-tables2 tables for the improvement plan. RAG is always a tag with its word."""

from functools import lru_cache

import django_tables2 as tables
from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from improvement_plan.domain import rag
from improvement_plan.models import Action
from improvement_plan.rag_selectors import judge
from improvement_plan.selectors import REFERENCE_ORDER, days_overdue

RAG_TAG_TEMPLATE = "improvement_plan/includes/rag_tag.html"
# Cells holding people's text wrap anywhere, so a long word or pasted link cannot make
# the table (or the page) wider than the screen; other cells keep their words whole.
WRAPS = {"td": {"class": "app-break-word"}}


@lru_cache(maxsize=16)
def rag_tag(value: str) -> str:
    """A RAG as a GOV.UK tag with its word ("" is "Not reported"), from the shared include.
    Rendered once per value: a list of thousands shows the same few tags (issue 13)."""
    return mark_safe(render_to_string(RAG_TAG_TEMPLATE, {"rag": value}).strip())  # noqa: S308


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


def due_in_words(action: Action, *, today) -> str:
    """The due date in words, with "Overdue by N days" by the overdue rule (domain.due_dates)."""
    if action.due_date is None:
        return "No due date (recurring)"
    shown = date_format(action.due_date)
    overdue = days_overdue(action, today=today)
    if overdue is None:
        return shown
    return format_html(
        '{} <strong class="govuk-tag govuk-tag--red">Overdue by {} day{}</strong>',
        shown,
        overdue,
        "" if overdue == 1 else "s",
    )


def _rank(field: str, values) -> Case:
    """A CASE giving each value its position in `values`, so a column sorts in that order."""
    whens = [When(**{field: value}, then=Value(n)) for n, value in enumerate(values)]
    return Case(*whens, default=Value(len(values)), output_field=IntegerField())


class MyActionsTable(tables.Table):
    """The actions a person leads (home page): reference, action, leads, due date, status."""

    reference = tables.Column("Ref", orderable=False)
    description = tables.Column("Action", orderable=False, attrs=WRAPS)
    leads = tables.Column("Lead posts", accessor="pk", orderable=False, attrs=WRAPS)
    due_date = tables.Column("Due", orderable=False, empty_values=())
    status = tables.Column("Status", orderable=False)

    class Meta:
        model = Action
        fields = ["reference", "description", "leads", "due_date", "status"]
        empty_text = "You lead no actions."

    def __init__(self, *args, today, **kwargs):
        self.today = today
        super().__init__(*args, **kwargs)

    def render_reference(self, record):
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            reverse("action_detail", kwargs={"pk": record.pk}),
            record.reference,
        )

    def render_leads(self, record):
        return ", ".join(post.name for post in record.lead_posts.all())

    def render_due_date(self, record):
        return due_in_words(record, today=self.today)

    def render_status(self, record):
        return record.get_status_display()


class ActionListTable(MyActionsTable):
    """Actions with computed and reported RAG (rows from selectors.action_rows()).

    Ref sorts by the numbers (priority, objective, action), so 1.2.10 follows 1.2.9;
    RAG sorts worst first; status in the order work goes; due date with none last.
    """

    reference = tables.Column("Ref", order_by=REFERENCE_ORDER)
    description = tables.Column("Action", attrs=WRAPS)
    due_date = tables.Column("Due", empty_values=())
    status = tables.Column("Status")
    rag = tables.Column("RAG", empty_values=())
    reported_rag = tables.Column("Reported RAG", empty_values=())
    disagreement = tables.Column("Where they disagree", accessor="pk", orderable=False)

    class Meta(MyActionsTable.Meta):
        fields = [*MyActionsTable.Meta.fields, "rag", "reported_rag", "disagreement"]
        empty_text = "No actions match these filters."
        attrs = {"class": "govuk-table govuk-!-font-size-16"}  # eight columns in 960px

    def __init__(self, *args, caption: str = "Actions", **kwargs):
        super().__init__(*args, **kwargs)
        self.caption = caption

    def render_status(self, record):
        return status_tag(record.status, record.get_status_display())

    def render_rag(self, record):
        return rag_tag(record.rag)

    def render_reported_rag(self, record):
        return rag_tag(record.reported_rag)  # the code, not the display value tables2 passes

    def render_disagreement(self, record):
        return (
            rag.disagreement(reported=record.reported_rag, computed=judge(record, today=self.today))
            or ""
        )

    def order_due_date(self, queryset: QuerySet, is_descending: bool):
        due = (
            F("due_date").desc(nulls_last=True)
            if is_descending
            else F("due_date").asc(nulls_last=True)
        )
        return queryset.order_by(due, *REFERENCE_ORDER), True

    def order_status(self, queryset: QuerySet, is_descending: bool):
        rank = _rank("status", Action.Status.values)
        return self._order_by_rank(queryset, rank, is_descending)

    def order_rag(self, queryset: QuerySet, is_descending: bool):
        return self._order_by_rank(queryset, _rank("rag", rag.WORST_FIRST), is_descending)

    def order_reported_rag(self, queryset: QuerySet, is_descending: bool):
        return self._order_by_rank(queryset, _rank("reported_rag", rag.WORST_FIRST), is_descending)

    @staticmethod
    def _order_by_rank(queryset: QuerySet, rank: Case, is_descending: bool):
        queryset = queryset.annotate(sort_rank=rank)
        first = F("sort_rank").desc() if is_descending else F("sort_rank").asc()
        return queryset.order_by(first, *REFERENCE_ORDER), True


def _change_in_words(change) -> str:
    """One re-baselining: "31 March 2023 to 30 June 2023: reason (Name, 3 May 2023)"."""
    when = date_format(change.changed_at.date())
    who = change.changed_by.get_full_name() if change.changed_by else "someone no longer here"
    return format_html(
        '{} to {}: {} <span class="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">'
        "{}, {}</span>",
        date_format(change.from_date) if change.from_date else "no due date",
        date_format(change.to_date) if change.to_date else "no due date",
        change.reason,
        who,
        when,
    )


class SlippageTable(tables.Table):
    """Re-baselined actions (rows from slippage_selectors.slipped_actions, their changes
    and slippage filled in for the page), most days slipped first. Sorting is by the
    database's figures; what is shown is the domain rule's (slippage_selectors)."""

    reference = tables.Column("Ref", order_by=REFERENCE_ORDER)
    description = tables.Column("Action", orderable=False, attrs=WRAPS)
    times = tables.Column(
        "Times moved",
        accessor="slippage__times_rebaselined",
        order_by="times_moved",
        attrs={
            "th": {"class": "govuk-table__header--numeric"},
            "td": {"class": "govuk-table__cell--numeric"},
        },
    )
    original = tables.Column(
        "Original due date",
        accessor="slippage__original_due_date",
        orderable=False,
        empty_values=(),
    )
    current = tables.Column(
        "Current due date", accessor="slippage__current_due_date", orderable=False, empty_values=()
    )
    days = tables.Column(
        "Days slipped",
        accessor="slippage__days_slipped",
        order_by="days_moved",
        attrs={
            "th": {"class": "govuk-table__header--numeric"},
            "td": {"class": "govuk-table__cell--numeric"},
        },
    )
    reasons = tables.Column(
        "Reasons, who and when", accessor="changes", orderable=False, attrs=WRAPS
    )

    class Meta:
        empty_text = "No action's due date has moved."

    @property
    def caption(self) -> str:
        """Read when written, after paging: a COUNT, not every row (tables2 counts a
        paginated queryset; before, it would read the whole of it)."""
        count = len(self.data)
        return f"{count} action{'' if count == 1 else 's'} moved"

    def render_reference(self, record):
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            reverse("action_detail", kwargs={"pk": record.pk}),
            record.reference,
        )

    def render_original(self, value):
        return date_format(value) if value else "No due date"

    def render_current(self, value):
        return date_format(value) if value else "No due date"

    def render_days(self, value):
        if value < 0:
            return f"Brought forward {-value} day{'' if value == -1 else 's'}"
        return f"{value} day{'' if value == 1 else 's'}"

    def render_reasons(self, record):
        items = format_html_join(
            "", "<li>{}</li>", ((_change_in_words(c),) for c in record.changes)
        )
        return format_html(
            '<ol class="govuk-list govuk-list--number govuk-!-font-size-16">{}</ol>', items
        )
