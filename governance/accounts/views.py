"""The signed-in person's own settings: which reminders they get by email."""

import calendar

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.views.generic import FormView

from governance import services
from governance.accounts.forms import ReminderPreferencesForm


class ReminderPreferencesView(LoginRequiredMixin, FormView):
    """Anyone signed in chooses for themselves; nobody else's choice can be changed here."""

    form_class = ReminderPreferencesForm
    template_name = "governance/user_reminders.html"

    def get_context_data(self, **kwargs):
        day = calendar.day_name[settings.REMINDER_DIGEST_WEEKDAY]
        return super().get_context_data(digest_day=day, **kwargs)

    def get_initial(self):
        return {"reminder_mode": self.request.user.reminder_mode}

    def form_valid(self, form):
        person = services.reminder_mode_set(
            person=self.request.user, mode=form.cleaned_data["reminder_mode"]
        )
        messages.success(self.request, f"You will get {person.get_reminder_mode_display().lower()}")
        return redirect("reminder_preferences")
