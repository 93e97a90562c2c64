"""A select's options as the GOV.UK select writes them (common/templatetags/govuk_forms)."""

from django import forms
from django.template import Context, Template

from common.templatetags.govuk_forms import widget_attributes


class Choose(forms.Form):
    colour = forms.ChoiceField(
        choices=[("", "Any"), ("red", "Red & <b>bold</b>"), ("Shades", [("grey", "Grey")])]
    )


def options(form) -> str:
    return Template("{% load govuk_forms %}{% govuk_options field %}").render(
        Context({"field": form["colour"]})
    )


def test_options_escape_labels_flatten_groups_and_mark_the_chosen_one():
    html = options(Choose(data={"colour": "red"}))
    assert html == (
        '  <option value="">Any</option>\n'
        '  <option value="red" selected>Red &amp; &lt;b&gt;bold&lt;/b&gt;</option>\n'
        '  <option value="grey">Grey</option>\n'
    )


def test_attributes_leave_out_class_required_and_false_and_write_true_bare():
    written = widget_attributes(
        {"class": "x", "required": True, "disabled": True, "hidden": False, "data-n": 'a"b'}
    )
    assert written == ' disabled data-n="a&quot;b"'
