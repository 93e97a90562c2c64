"""{% settings_field row.target row.target_hint %}: one field of the indicator settings
table as a GOV.UK form group, written in Python (scorecard.settings_fields, issue 13)."""

from django import template

from scorecard.settings_fields import settings_field_html

register = template.Library()


@register.simple_tag
def settings_field(field, hint=""):
    return settings_field_html(field, hint or "")
