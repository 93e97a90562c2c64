"""Admin helpers every app shares."""


class ReadOnlyAdminMixin:
    """A model the admin may read but never add, change or delete: what the services
    work out or keep as a record (a meeting's record, stored judgements, reminders)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
