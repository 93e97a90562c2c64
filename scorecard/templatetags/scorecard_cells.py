"""Filters for the scorecard's long tables, each cell's words worked out in Python
rather than through a template include or the date filter (issue 13: the indicator
page's tables run to every month held, ten years of them at 10x).

- {{ period|month_words }}: "June 2023" (scorecard.tables.month_in_words, once a month).
- {{ "Amber"|rag_word_tag }}: a RAG word as the GOV.UK tag
  improvement_plan/includes/rag_tag.html draws ("Amber" in the orange tag); any other
  word, as that include does, "Not reported" in grey.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from scorecard.tables import month_in_words

register = template.Library()

TAGS = {
    word.lower(): format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, word)
    for word, colour in (("Red", "red"), ("Amber", "orange"), ("Green", "green"), ("Blue", "blue"))
}
NOT_REPORTED = format_html('<strong class="govuk-tag govuk-tag--grey">{}</strong>', "Not reported")


@register.filter
def month_words(period) -> str:
    return month_in_words(period) if period else ""


@register.filter
def rag_word_tag(word) -> SafeString:
    return TAGS.get(str(word or "").lower(), NOT_REPORTED)
