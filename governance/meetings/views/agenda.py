"""A meeting's agenda: adding, changing, moving and deleting items
(governance.manage_meetings)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from common.concurrency import EditConflict
from governance.meetings import services
from governance.meetings.formatting import when_in_words
from governance.meetings.forms import AgendaItemEditForm, AgendaItemForm
from governance.meetings.selectors import agenda_items
from governance.meetings.views.common import (
    ObjectMixin,
    ServiceActionView,
    add_service_errors,
    refuse_conflict,
)
from governance.meetings.views.meetings import MeetingMixin

ITEM_FIELDS = ("title", "description", "presenters", "report_author", "exempt_paragraph")


def agenda_url(item) -> str:
    """The meeting's page, at the item."""
    return reverse("meeting_detail", kwargs={"pk": item.meeting_id}) + f"#item-{item.pk}"


class ItemMixin(ObjectMixin):
    permission_required = "governance.manage_meetings"

    def get_queryset(self):
        return agenda_items()

    def get_context_data(self, **kwargs):
        item = self.get_object()
        return super().get_context_data(
            item=item, meeting=item.meeting, when=when_in_words(item.meeting.starts_at), **kwargs
        )


class ItemFormMixin:
    form_class = AgendaItemForm
    template_name = "governance/agendaitem_form.html"

    def save(self, data: dict, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            item = self.save({name: form.cleaned_data[name] for name in ITEM_FIELDS}, form)
        except EditConflict as conflict:
            return refuse_conflict(self, form, conflict)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Item {item.order}, {item.title}, is saved")
        return redirect(agenda_url(item))


class AgendaItemAddView(MeetingMixin, ItemFormMixin, FormView):
    """Adds an item of business, before the closing standard items."""

    permission_required = "governance.manage_meetings"

    def save(self, data, form):
        return services.agenda_item_add(meeting=self.get_object(), user=self.request.user, **data)


class AgendaItemUpdateView(ItemMixin, ItemFormMixin, FormView):
    """Changes an item; only the fields changed are saved, and a change someone else made
    to the same field since the page was opened is shown, not overwritten."""

    form_class = AgendaItemEditForm

    def get_initial(self):
        item = self.get_object()
        return {name: getattr(item, name) for name in ITEM_FIELDS}

    def save(self, data, form):
        return services.agenda_item_update(
            item=self.get_object(), user=self.request.user, opened=form.opened_values,
            changed=form.changed_fields, **data,
        )  # fmt: skip


class AgendaItemMoveView(ServiceActionView):
    """Moves an item up or down (the button sends direction=up or down)."""

    permission_required = "governance.manage_meetings"

    def get_queryset(self):
        return agenda_items()

    def act(self, item):
        direction = self.request.POST.get("direction", "")
        moved = services.agenda_item_move(item=item, direction=direction, user=self.request.user)
        return f"{moved.title} is now item {moved.order}"

    def redirect_to(self, item):
        return agenda_url(item)


class AgendaItemDeleteView(ItemMixin, TemplateView):
    """Asks first, then deletes the item and its papers; the agenda is renumbered."""

    template_name = "governance/agendaitem_confirm_delete.html"

    def post(self, request, *args, **kwargs):
        item = self.get_object()
        try:
            services.agenda_item_delete(item=item, user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect(agenda_url(item))
        messages.success(request, f"Item {item.order}, {item.title}, is deleted")
        return redirect("meeting_detail", pk=item.meeting_id)
