"""Part C (issue 12, section 3): the links between actions and the indicators they
should move. The action's leads link them as well as the Director and administrators
(improvement_plan.link_indicators); every member of staff reads the impact view."""

from tests.url_matrix.expectations import PLAN_CHANGERS, form, pk, staff_page

RULES = {
    "action_indicators": [form("action_indicators", pk("action"), may=PLAN_CHANGERS)],
    "plan_impact": [staff_page("plan_impact")],
}
