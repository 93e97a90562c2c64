"""What the meetings views share: reading an object once, service errors on forms,
POST-only actions that report back with a message."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from rules.contrib.views import PermissionRequiredMixin


def refuse_conflict(view, form, conflict, current=None):
    """A save refused because someone else changed the same fields since the form was
    opened (common.concurrency): their values beside the person's own, nothing saved.
    `current` is what is saved now in the form's terms (the service's by default)."""
    form.show_conflict(conflict, conflict.current if current is None else current)
    return view.form_invalid(form)


def add_service_errors(form, error: ValidationError, *, fields: dict | None = None) -> None:
    """Puts a service's ValidationError on the form's fields (`fields` maps the service's
    names to the form's where they differ), or on the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for name, field_messages in error.message_dict.items():
        name = (fields or {}).get(name, name)
        form.add_error(name if name in form.fields else None, field_messages)


class ObjectMixin(PermissionRequiredMixin):
    """The object in the URL, read once from `get_queryset()`: the rules and the page
    share it. Pages about meetings say so to the navigation."""

    lookup_field = "pk"

    def get_queryset(self):
        raise NotImplementedError

    def get_object(self, queryset=None):
        if not hasattr(self, "_object"):
            lookup = {self.lookup_field: self.kwargs[self.lookup_field]}
            self._object = get_object_or_404(self.get_queryset(), **lookup)
        return self._object

    def get_context_data(self, **kwargs):
        return super().get_context_data(nav_section="meetings", **kwargs)


class ServiceActionView(ObjectMixin, View):
    """A button's POST: runs `act(obj)`, then goes back to `redirect_to(obj)` with the
    success message, or with the service's reason it was refused."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        try:
            done = self.act(obj)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, done)
        return redirect(self.redirect_to(obj))

    def act(self, obj) -> str:
        raise NotImplementedError

    def redirect_to(self, obj) -> str:
        raise NotImplementedError
