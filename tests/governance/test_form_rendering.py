"""Every form renders GOV.UK markup through the project's form renderer."""

import re

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string


class EveryWidgetForm(forms.Form):
    name = forms.CharField(label="Full name", help_text="As it appears on your payslip")
    email = forms.EmailField(
        label="Email address", widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(label="Password", widget=forms.PasswordInput)
    count = forms.IntegerField(label="Number of children")
    due = forms.DateField(label="Due date", widget=forms.DateInput(attrs={"type": "date"}))
    notes = forms.CharField(label="Notes", widget=forms.Textarea, help_text="Keep it short")
    board = forms.ChoiceField(
        label="Board", choices=[("", "Choose a board"), ("ib", "Improvement")]
    )
    rag = forms.ChoiceField(
        label="RAG rating",
        choices=[("red", "Red"), ("amber", "Amber"), ("green", "Green")],
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
        help_text="How the lead rates progress",
    )
    areas = forms.MultipleChoiceField(
        label="Service areas",
        choices=[("front", "Front door"), ("lac", "Children in care")],
        widget=forms.CheckboxSelectMultiple,
    )
    confirm = forms.BooleanField(label="I have checked the figures", help_text="Tick to confirm")
    paper = forms.FileField(label="Board paper")
    secret = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        raise forms.ValidationError("These figures do not add up")


def rendered(form) -> str:
    return str(form)


def element(html: str, tag: str, id_: str) -> str:
    """The opening tag of the element with this id."""
    match = re.search(rf'<{tag}\b[^>]*\bid="{re.escape(id_)}"[^>]*>', html)
    assert match, f"no <{tag} id={id_}> in:\n{html}"
    return match.group(0)


@pytest.fixture
def invalid_form():
    form = EveryWidgetForm(data={"board": "ib", "rag": "amber"})
    assert not form.is_valid()
    return form


def test_unbound_form_uses_govuk_classes_by_widget():
    html = rendered(EveryWidgetForm())
    for id_ in ("id_name", "id_email", "id_count", "id_due"):
        assert 'class="govuk-input"' in element(html, "input", id_)
    assert "govuk-password-input__input" in element(html, "input", "id_password")
    assert 'data-module="govuk-password-input"' in html
    assert 'class="govuk-textarea"' in element(html, "textarea", "id_notes")
    assert 'class="govuk-select"' in element(html, "select", "id_board")
    assert 'class="govuk-file-upload"' in element(html, "input", "id_paper")
    assert '<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">' in html
    assert 'class="govuk-radios__input"' in element(html, "input", "id_rag_0")
    assert '<div class="govuk-checkboxes" data-module="govuk-checkboxes">' in html
    assert 'class="govuk-checkboxes__input"' in element(html, "input", "id_areas_1")
    assert 'class="govuk-checkboxes govuk-checkboxes--small"' in html
    assert 'class="govuk-checkboxes__input"' in element(html, "input", "id_confirm")
    assert html.count('class="govuk-form-group') == 11  # one per visible field
    assert "govuk-error-message" not in html


def test_labels_and_fieldsets():
    html = rendered(EveryWidgetForm())
    assert '<label class="govuk-label" for="id_name">Full name</label>' in html
    assert '<legend class="govuk-fieldset__legend">RAG rating</legend>' in html
    assert '<legend class="govuk-fieldset__legend">Service areas</legend>' in html
    assert 'for="id_rag_2">Green</label>' in html
    assert 'for="id_confirm">I have checked the figures</label>' in html
    assert '<input type="hidden" name="secret" id="id_secret">' in html


def test_hints_are_linked_by_aria_describedby():
    html = rendered(EveryWidgetForm())
    assert '<div id="id_name-hint" class="govuk-hint">As it appears on your payslip</div>' in html
    assert 'aria-describedby="id_name-hint"' in element(html, "input", "id_name")
    assert 'aria-describedby="id_notes-hint"' in element(html, "textarea", "id_notes")
    assert '<fieldset class="govuk-fieldset" aria-describedby="id_rag-hint">' in html
    assert 'aria-describedby="id_confirm-hint"' in element(html, "input", "id_confirm")
    assert "aria-describedby" not in element(html, "input", "id_email")


def test_widget_attributes_are_kept_and_required_is_left_to_the_server():
    html = rendered(EveryWidgetForm())
    assert 'autocomplete="email"' in element(html, "input", "id_email")
    assert 'type="date"' in element(html, "input", "id_due")
    assert "required" not in html


def test_errors_mark_the_group_and_the_input(invalid_form):
    html = rendered(invalid_form)
    assert (
        '<p id="id_name-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> This field is required.</p>'
    ) in html
    name = element(html, "input", "id_name")
    assert "govuk-input govuk-input--error" in name
    assert 'aria-describedby="id_name-hint id_name-error"' in name
    assert 'aria-describedby="id_email-error"' in element(html, "input", "id_email")
    assert "govuk-textarea--error" in element(html, "textarea", "id_notes")
    assert "govuk-file-upload--error" in element(html, "input", "id_paper")
    assert "govuk-input--error" in element(html, "input", "id_password")
    assert '<fieldset class="govuk-fieldset" aria-describedby="id_areas-error">' in html, (
        "checkboxes name their error on the fieldset"
    )
    assert 'aria-describedby="id_confirm-hint id_confirm-error"' in element(
        html, "input", "id_confirm"
    )
    assert html.count("govuk-form-group--error") == 10  # 9 fields, 1 form-wide
    assert "These figures do not add up" in html


def test_valid_values_are_shown_back(invalid_form):
    html = rendered(invalid_form)
    assert 'value="amber" id="id_rag_1" checked' in html
    assert '<option value="ib" selected>Improvement</option>' in html
    assert "govuk-select--error" not in html


def test_saved_file_is_named_with_a_way_to_remove_it():
    class PaperForm(forms.Form):
        paper = forms.FileField(label="Board paper", required=False)

    saved = SimpleUploadedFile("minutes.pdf", b"%PDF")
    saved.url = "/media/minutes.pdf"
    html = rendered(PaperForm(initial={"paper": saved}))
    assert 'href="/media/minutes.pdf"' in html
    assert 'name="paper-clear"' in html
    assert "Remove the current file" in html


def test_error_summary_links_each_error_to_its_field(invalid_form):
    html = render_to_string("includes/error_summary.html", {"form": invalid_form})
    assert 'data-module="govuk-error-summary"' in html
    assert '<h2 class="govuk-error-summary__title">There is a problem</h2>' in html
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', html)
    assert ("id_name", "These figures do not add up") in links, "form-wide errors go first"
    targets = [target for target, _ in links]
    assert targets == [
        "id_name",
        "id_name",
        "id_email",
        "id_password",
        "id_count",
        "id_due",
        "id_notes",
        "id_areas_0",
        "id_confirm",
        "id_paper",
    ]
    for target in targets:
        assert f'id="{target}"' in rendered(invalid_form)


def test_error_summary_is_empty_for_a_form_without_errors():
    assert (
        render_to_string("includes/error_summary.html", {"form": EveryWidgetForm()}).strip() == ""
    )
