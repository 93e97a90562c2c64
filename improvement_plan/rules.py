"""Who may do what in the improvement plan: every rule for the app, in one place.

Leads (lead officers and board members holding one of an action's lead posts today)
update their own actions; the Director and administrators update everything; every
signed-in member of staff reads. Those who update an action also link it to the
indicators it should move. Only the Director (and administrators) review RAG;
administrators and the Director import plans.
"""

import rules
from django.utils import timezone

from governance.permissions import (
    is_administrator,
    is_board_member,
    is_director,
    is_lead_officer,
    is_staff_member,
)


@rules.predicate
def holds_a_lead_post(user, action) -> bool:
    """True when the user holds, today, one of the posts that lead the action."""
    if action is None or not user.is_authenticated:
        return False
    from governance.selectors import post_ids_held

    held = post_ids_held(person=user, today=timezone.localdate())
    return any(post.pk in held for post in action.lead_posts.all())


leads_action = holds_a_lead_post & (is_lead_officer | is_board_member)
can_change_action = is_administrator | is_director | leads_action
can_review = is_administrator | is_director

rules.add_perm("improvement_plan.view_action", is_staff_member)
rules.add_perm("improvement_plan.change_action", can_change_action)
rules.add_perm("improvement_plan.add_progressupdate", can_change_action)
rules.add_perm("improvement_plan.add_evidence", can_change_action)
rules.add_perm("improvement_plan.view_evidence", is_staff_member)
rules.add_perm("improvement_plan.add_directorreview", can_review)
# The action's leads link the indicators it should move, as do the Director and
# administrators (issue 12, section 3).
rules.add_perm("improvement_plan.link_indicators", can_change_action)
rules.add_perm("improvement_plan.import_plan", is_administrator | is_director)
rules.add_perm("improvement_plan.export_plan", is_staff_member)
