"""`{% linked_actions indicator %}`: the indicator page's section on the improvement
plan's actions that should move it (improvement_plan.indicator_actions), so the
scorecard's page shows them without the scorecard importing the plan."""

from django import template
from django.utils import timezone

from improvement_plan.indicator_actions import linked_actions as actions_for

register = template.Library()


@register.inclusion_tag("improvement_plan/includes/indicator_linked_actions.html")
def linked_actions(indicator):
    """The actions linked to the indicator, with computed RAG as of today."""
    return {"actions": actions_for(indicator, today=timezone.localdate())}
