"""Who may do what with boards, meetings, minutes and packs: every rule, in one place.

- Democratic services officers (and administrators) manage boards, memberships,
  meetings, agendas, papers, minutes, actions arising, the work programme and packs.
- Every signed-in member of staff may see the meetings pages, but of a meeting's papers
  only what the public may see, unless they sit on its board.
- The full papers (exempt items and the full pack) are for the board's members: anyone
  with a membership of the meeting's board current on the meeting's day or today, and
  for those who manage meetings.
- The owner of an action arising may report its progress.
"""

import rules
from django.utils import timezone

from governance.models import AgendaItem, Board, Meeting, Pack, Paper
from governance.permissions import (
    is_administrator,
    is_democratic_services,
    is_staff_member,
)


def _board_and_meeting(obj) -> tuple[Board | None, Meeting | None]:
    """The board and meeting a board, meeting, agenda item, paper or pack belongs to."""
    if isinstance(obj, Board):
        return obj, None
    if isinstance(obj, Paper):
        obj = obj.agenda_item
    if isinstance(obj, AgendaItem | Pack):
        obj = obj.meeting
    if isinstance(obj, Meeting):
        return obj.board, obj
    return None, None


@rules.predicate
def sits_on_board(user, obj) -> bool:
    """True when the user has a membership of the object's board current on the meeting's
    day or today (a member who left since still reads the papers of meetings they sat in)."""
    if obj is None or not user.is_authenticated:
        return False
    board, meeting = _board_and_meeting(obj)
    if board is None:
        return False
    days = {timezone.localdate()}
    if meeting is not None:
        days.add(timezone.localtime(meeting.starts_at).date())
    memberships = board.memberships.filter(person=user)
    return any(
        membership.start_date <= day and (membership.end_date is None or membership.end_date >= day)
        for membership in memberships
        for day in days
    )


@rules.predicate
def owns_action_arising(user, action) -> bool:
    return action is not None and user.is_authenticated and action.owner_id == user.pk


can_manage_meetings = is_administrator | is_democratic_services
can_read_full_papers = can_manage_meetings | sits_on_board

rules.add_perm("governance.view_meetings", is_staff_member)
rules.add_perm("governance.manage_boards", can_manage_meetings)
rules.add_perm("governance.manage_meetings", can_manage_meetings)
rules.add_perm("governance.record_minutes", can_manage_meetings)
rules.add_perm("governance.build_pack", can_manage_meetings)
rules.add_perm("governance.view_full_papers", can_read_full_papers)
rules.add_perm("governance.update_action_arising", can_manage_meetings | owns_action_arising)
