"""The home page's table of the actions a person's posts lead: with the computed RAG and,
where they may give it, an "Update progress" link in each row.

Links in wide tables name their row with aria-label rather than visually hidden text: a
visually hidden span is positioned outside the table's scrolling region and would make
the page scroll sideways at 320px."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html

from governance.permissions import is_administrator, is_board_member, is_director, is_lead_officer
from improvement_plan.tables import MyActionsTable, rag_tag, status_tag

# Who may update some action (improvement_plan.rules.can_change_action): others see no
# "Progress" column at all rather than an empty one.
MAY_UPDATE_SOME = (is_administrator, is_director, is_lead_officer, is_board_member)


class HomeActionsTable(MyActionsTable):
    """Rows from improvement_plan.selectors.my_action_rows (computed `rag` annotated)."""

    rag = tables.Column("RAG", orderable=False, empty_values=())
    update = tables.Column("Progress", accessor="pk", orderable=False)

    class Meta(MyActionsTable.Meta):
        fields = [*MyActionsTable.Meta.fields, "rag", "update"]

    region_label = "Actions your posts lead"

    def __init__(self, *args, user, **kwargs):
        may_update = any(rule(user) for rule in MAY_UPDATE_SOME)
        super().__init__(*args, exclude=() if may_update else ("update",), **kwargs)
        self.user = user

    def render_rag(self, record):
        return rag_tag(record.rag)

    def render_status(self, record):
        return status_tag(record.status, record.get_status_display())

    def render_update(self, record):
        if not self.user.has_perm("improvement_plan.add_progressupdate", record):
            return ""
        return format_html(
            '<a class="govuk-link" href="{}" aria-label="Update progress on action {}">'
            "Update progress</a>",
            reverse("action_update", kwargs={"pk": record.pk}),
            record.reference,
        )
