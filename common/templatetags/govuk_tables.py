"""{% govuk_table table %}: a django-tables2 table as a GOV.UK table (common.tables)."""

from django import template

from common.tables import table_html

register = template.Library()


@register.simple_tag(takes_context=True)
def govuk_table(context, table):
    return table_html(table, context)
