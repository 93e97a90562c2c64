"""GOV.UK form rendering through Django's form renderer.

Every form, unless it says otherwise, renders each field with the GOV.UK field
template (label, hint, error message, the right input classes), and pages show a
GOV.UK error summary from templates/includes/error_summary.html.
"""

from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"
