"""Who may do what in the scorecard: every rule for the app, in one place.

Every signed-in member of staff reads the scorecard. An indicator's owner (holding
its owner post today), performance officers and administrators enter values and
commentary; performance officers and administrators approve them, import and set
targets; the Director reads everything and approves too.

Figures not yet approved (draft or submitted) are seen only by the people who work on
them: those who may enter the figure, the lead officer heading its service area, and
those who approve (scorecard.view_unapproved, one rule for every page that shows one).
Everyone else sees approved figures only, as boards do.
"""

import rules
from django.utils import timezone

from governance.permissions import (
    is_administrator,
    is_director,
    is_lead_officer,
    is_performance_officer,
    is_staff_member,
)


@rules.predicate
def owns_indicator(user, indicator) -> bool:
    """True when the user holds, today, the indicator's owner post."""
    if indicator is None or indicator.owner_id is None or not user.is_authenticated:
        return False
    from governance.selectors import post_ids_held

    return indicator.owner_id in post_ids_held(person=user, today=timezone.localdate())


@rules.predicate
def heads_service_area(user, area) -> bool:
    """True when the user holds, today, the service area's head-of-service post."""
    if area is None or area.head_of_service_id is None or not user.is_authenticated:
        return False
    from governance.selectors import post_ids_held

    return area.head_of_service_id in post_ids_held(person=user, today=timezone.localdate())


@rules.predicate
def heads_indicator_area(user, indicator) -> bool:
    """True when the user holds, today, the head-of-service post of the indicator's area."""
    return indicator is not None and heads_service_area(user, indicator.service_area)


can_manage = is_administrator | is_performance_officer
can_approve = can_manage | is_director
can_enter_values = can_manage | (owns_indicator & is_lead_officer)
can_write_commentary = can_manage | (heads_service_area & is_lead_officer)
can_see_unapproved = can_approve | ((owns_indicator | heads_indicator_area) & is_lead_officer)

rules.add_perm("scorecard.view_indicator", is_staff_member)
rules.add_perm("scorecard.enter_values", can_enter_values)
rules.add_perm("scorecard.write_commentary", can_write_commentary)
rules.add_perm("scorecard.view_unapproved", can_see_unapproved)
rules.add_perm("scorecard.approve_values", can_approve)
rules.add_perm("scorecard.import_scorecard", can_manage)
rules.add_perm("scorecard.change_indicator", can_manage)
rules.add_perm("scorecard.export_scorecard", is_staff_member)
