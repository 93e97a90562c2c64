"""`{% judgement_evidence indicator page %}`: the indicator page's section on how the
indicator is judged and the council's letter beside ours (scorecard.judgement_evidence),
so the page's view need not change."""

from django import template

from scorecard.judgement_evidence import judgement_evidence as evidence_for

register = template.Library()


@register.inclusion_tag("scorecard/includes/indicator_judgement_evidence.html")
def judgement_evidence(indicator, page):
    """The section for an indicator from indicators_for_page() and its IndicatorPage."""
    return {"indicator": indicator, "evidence": evidence_for(indicator, page.approved)}
