"""The indicator settings page's fields written in Python (issue 13), each as the GOV.UK
form group the templates wrote (govuk/widgets/select.html and input.html, inside a form
group whose label only screen readers read, with an optional hint and the error).

Why: the page has four fields a row and 50 rows a page, and the month a new target
starts from offers three years of months: drawn through the widget templates, an option
and its attributes at a time, it was 2,000 template includes and most of the page's
time. The markup, the hint and error ids and aria-describedby are as the templates made
them (govuk/widgets/attrs.html: `class` left to the caller, `required` dropped).
"""

from functools import lru_cache

from django.forms import BoundField
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from common.templatetags.govuk_forms import widget_attributes


def _attributes(attrs: dict, describedby: str) -> str:
    """As govuk/widgets/attrs.html writes a widget's attributes (no author's
    aria-describedby kept: the GOV.UK hint and error are described instead)."""
    described = f' aria-describedby="{escape(describedby)}"' if describedby else ""
    return widget_attributes(attrs) + described


def _classes(base: str, field: BoundField) -> str:
    extra = field.field.widget.attrs.get("class")
    error = f" {base}--error" if field.errors else ""
    return f"{base}{error}{f' {escape(extra)}' if extra else ''}"


@lru_cache(maxsize=1024)
def _option_text(value: str, label: str) -> tuple[str, str, str]:
    return value, f'  <option value="{escape(value)}"', f">{escape(label)}</option>\n"


def _option(choice) -> tuple[str, str, str]:
    """An option's value, and its tag escaped either side of " selected", escaped once
    a process for each value and label (every row offers the same three years of months)."""
    value, label = choice
    return _option_text(str(value), str(label))


def _select(field: BoundField, describedby: str) -> str:
    widget = field.field.widget
    value = field.value()
    chosen = "" if value is None else str(value)
    head = f'<select class="{_classes("govuk-select", field)}"'
    if field.auto_id and "id" not in widget.attrs:
        head += f' id="{escape(field.auto_id)}"'
    head += f' name="{escape(field.html_name)}"'
    head += " disabled" if field.field.disabled else ""
    head += ' aria-invalid="true"' if field.errors else ""
    options = "".join(
        f"{start}{' selected' if value == chosen else ''}{end}"
        for value, start, end in map(_option, field.field.choices)
    )
    return f"{head}{_attributes(widget.attrs, describedby)}>\n{options}</select>"


def _input(field: BoundField, describedby: str) -> str:
    widget = field.subwidgets[0].data
    value = widget["value"]
    shown = f' value="{escape(value)}"' if value is not None else ""
    return (
        f'<input class="{_classes("govuk-input", field)}" type="{escape(widget["type"])}"'
        f' name="{escape(widget["name"])}"{shown}{_attributes(widget["attrs"], describedby)}>'
    )


def _error(field: BoundField, error_id: str) -> str:
    if not field.errors:
        return ""
    words = "<br>".join(
        f'<span class="govuk-visually-hidden">Error:</span> {escape(error)}'
        for error in field.errors
    )
    return f'<p id="{escape(error_id)}" class="govuk-error-message">{words}</p>'


def settings_field_html(field: BoundField, hint: str = "") -> SafeString:
    """One field of a settings row as a GOV.UK form group (module docstring)."""
    field_id = field.auto_id
    hint_id = f"{field_id}-hint" if hint else ""
    error_id = f"{field_id}-error" if field.errors else ""
    describedby = " ".join(part for part in (hint_id, error_id) if part)
    is_select = getattr(field.field.widget, "input_type", "") == "select"
    widget = (_select if is_select else _input)(field, describedby)
    hint_html = (
        f'<div id="{escape(hint_id)}" class="govuk-hint govuk-!-font-size-16">{escape(hint)}</div>'
        if hint
        else ""
    )
    error_class = " govuk-form-group--error" if field.errors else ""
    return mark_safe(  # noqa: S308 - every value written above is escaped
        f'<div class="govuk-form-group govuk-!-margin-bottom-0{error_class}">\n'
        f'  <label class="govuk-label govuk-visually-hidden" for="{escape(field.id_for_label)}">'
        f"{escape(field.label)}</label>\n  {hint_html}\n  {_error(field, error_id)}\n"
        f"  {widget}\n</div>"
    )
