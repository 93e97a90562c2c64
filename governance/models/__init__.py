from governance.models.meetings import AgendaItem, Board, Meeting, Membership
from governance.models.minutes import (
    ActionArising,
    Attendance,
    Declaration,
    Minute,
    WorkProgrammeItem,
)
from governance.models.papers import Pack, Paper
from governance.models.people import Organisation, Post, PostAlias, PostHolder, User
from governance.models.reminders import Reminder
from governance.models.system import WorkerHeartbeat

__all__ = [
    "ActionArising",
    "AgendaItem",
    "Attendance",
    "Board",
    "Declaration",
    "Meeting",
    "Membership",
    "Minute",
    "Organisation",
    "Pack",
    "Paper",
    "Post",
    "PostAlias",
    "PostHolder",
    "Reminder",
    "User",
    "WorkProgrammeItem",
    "WorkerHeartbeat",
]
