"""The indicator settings page's fields, written in Python (scorecard.settings_fields,
issue 13), keep the GOV.UK form group: a label read by screen readers, the hint and the
error each with an id the control is described by, what was typed kept and escaped, the
option chosen selected, and the error classes and aria-invalid on a problem."""

import datetime
import re

import pytest

from scorecard.settings_fields import settings_field_html
from scorecard.settings_forms import IndicatorSettingsForm
from scorecard.settings_services import current_parts
from tests.scorecard.factories import IndicatorFactory

TODAY = datetime.date(2023, 7, 3)


@pytest.fixture
def indicator(db):
    return IndicatorFactory(ref="FD1", polarity="higher", unit="percentage")


def _bound(indicator, **typed) -> IndicatorSettingsForm:
    name = f"i{indicator.pk}-"
    data = {f"{name}{part}": str(value or "") for part, value in current_parts(indicator).items()}
    data |= {f"{name}target_from": "2023-07", "reason": "Agreed"}
    data |= {f"{name}{part}": value for part, value in typed.items()}
    form = IndicatorSettingsForm(data, indicators=[indicator], today=TODAY)
    form.is_valid()
    return form


def test_a_field_with_a_hint_is_described_by_it(indicator):
    form = IndicatorSettingsForm(indicators=[indicator], today=TODAY)
    html = settings_field_html(form[f"i{indicator.pk}-target"], "No target yet")
    field_id = f"id_i{indicator.pk}-target"

    assert f'<label class="govuk-label govuk-visually-hidden" for="{field_id}">' in html
    hint = f'<div id="{field_id}-hint" class="govuk-hint govuk-!-font-size-16">No target yet'
    assert hint in html
    assert f'aria-describedby="{field_id}-hint"' in html
    assert 'class="govuk-input govuk-input--width-10"' in html
    assert 'maxlength="60"' in html
    assert "required" not in html
    assert "govuk-form-group--error" not in html


def test_the_month_chosen_is_selected_and_the_others_are_offered(indicator):
    form = IndicatorSettingsForm(indicators=[indicator], today=TODAY)
    html = settings_field_html(form[f"i{indicator.pk}-target_from"])

    assert re.findall(r"<option [^>]*selected[^>]*>([^<]*)<", html) == ["July 2023"]
    assert html.count("<option ") == len(form.fields[f"i{indicator.pk}-target_from"].choices)
    assert "aria-describedby" not in html  # no hint, no error


def test_a_problem_is_shown_with_what_was_typed_escaped(indicator):
    form = _bound(indicator, amber_tolerance='3"<b>', polarity="sideways")
    tolerance = settings_field_html(form[f"i{indicator.pk}-amber_tolerance"], "Empty: 5 points")
    polarity = settings_field_html(form[f"i{indicator.pk}-polarity"])
    field_id = f"id_i{indicator.pk}-amber_tolerance"

    assert "govuk-form-group govuk-!-margin-bottom-0 govuk-form-group--error" in tolerance
    assert 'value="3&quot;&lt;b&gt;"' in tolerance
    assert f'aria-describedby="{field_id}-hint {field_id}-error"' in tolerance
    assert f'<p id="{field_id}-error" class="govuk-error-message">' in tolerance
    assert "FD1 amber tolerance must be a number" in tolerance
    assert 'class="govuk-input govuk-input--error govuk-input--width-4"' in tolerance
    assert 'class="govuk-select govuk-select--error"' in polarity
    assert 'aria-invalid="true"' in polarity
    assert "Choose the polarity of FD1 from the list" in polarity
    assert " selected" not in polarity  # "sideways" is no option
