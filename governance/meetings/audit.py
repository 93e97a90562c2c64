"""Who changed what, and why.

Meetings and agenda items keep django-simple-history records: each save names the user
and the reason (the history keeps 100 characters of it). Boards, memberships and papers
have no history tables, so their changes go to Django's admin log (LogEntry), which the
admin shows as each object's history.
"""

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry

__all__ = ["ADDITION", "CHANGE", "DELETION", "log_change", "save_with_history"]

REASON_MAX = 100


def save_with_history(obj, *, user, reason: str, fields: list[str] | None = None) -> None:
    """Saves a model with history, the history entry naming who changed it and why."""
    obj._history_user = user
    obj._change_reason = reason[:REASON_MAX]
    obj.save(update_fields=fields)


def log_change(obj, *, user, flag: int, message: str) -> None:
    """Records a change to a model without history in the admin log (log before a delete,
    while the object still has its primary key). Nothing is logged without a user."""
    if user is None or not getattr(user, "pk", None):
        return
    LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[obj],
        action_flag=flag,
        change_message=message,
        single_object=True,
    )
