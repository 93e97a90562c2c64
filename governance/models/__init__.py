from governance.models.meetings import AgendaItem, Board, Meeting, Membership
from governance.models.people import Organisation, Post, PostAlias, PostHolder, User
from governance.models.system import WorkerHeartbeat

__all__ = [
    "AgendaItem",
    "Board",
    "Meeting",
    "Membership",
    "Organisation",
    "Post",
    "PostAlias",
    "PostHolder",
    "User",
    "WorkerHeartbeat",
]
