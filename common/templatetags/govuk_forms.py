"""{% govuk_options field %}: a select's options, written in Python.

The same markup templates/govuk/widgets/select.html wrote with a loop including
govuk/widgets/attrs.html for each option (option groups flattened into one list;
`selected` and `disabled` as bare attributes; `class` and `required` left out). A
filter listing sixty lead posts spent most of its time in those includes (issue 13).
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

LEFT_OUT = ("class", "required", "aria-describedby")


def widget_attributes(attrs: dict) -> str:
    """A widget's attributes as govuk/widgets/attrs.html writes them, with no
    aria-describedby of the author's (the caller says what describes the field)."""
    written = []
    for name, value in attrs.items():
        if name in LEFT_OUT or value is False or value is None:
            continue
        written.append(
            f" {conditional_escape(name)}"
            if value is True
            else f' {conditional_escape(name)}="{conditional_escape(str(value))}"'
        )
    return "".join(written)


@register.simple_tag
def govuk_options(field):
    """Each option of the bound select `field`, one per line."""
    lines = []
    for option in field.subwidgets:
        data = option.data
        value = conditional_escape(str(data["value"]))
        label = conditional_escape(data["label"])
        attributes = widget_attributes(data["attrs"])
        lines.append(f'  <option value="{value}"{attributes}>{label}</option>\n')
    return mark_safe("".join(lines))  # noqa: S308 - every part escaped above
