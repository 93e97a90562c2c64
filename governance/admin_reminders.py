"""The administrators' view of reminders: what was sent, to whom and why, and what
failed. Read only: a reminder is a record of a message. A failed one can be tried
again, which resets its tries and starts its delivery. A reminder not yet rendered (the
workers render mails as they send them) shows its mail as it will be sent."""

from django.contrib import admin, messages

from common.admin import ReadOnlyAdminMixin
from governance.models import Reminder
from governance.reminders.messages import render, stored_mail
from governance.reminders.services import reminders_retry


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "recipient", "kind", "about", "reason", "state", "attempts"]
    list_filter = ["state", "kind", "for_date"]
    search_fields = ["recipient__full_name", "recipient__email", "subject", "about"]
    date_hierarchy = "created_at"
    list_select_related = ["recipient"]
    actions = ["try_again"]
    fields = [
        "recipient", "kind", "about", "reason", "subject", "state", "attempts", "last_error",
        "created_at", "sent_at", "for_date", "key", "mail_text",
    ]  # fmt: skip
    readonly_fields = fields

    @admin.display(description="Mail")
    def mail_text(self, reminder: Reminder) -> str:
        if reminder.body_html:
            return reminder.body_text
        return render(stored_mail(reminder), reminder.recipient)[0]

    @admin.action(description="Try sending the selected failed reminders again")
    def try_again(self, request, queryset):
        count = len(reminders_retry(reminders=queryset))
        messages.success(request, f"{count} failed reminders will be tried again.")
