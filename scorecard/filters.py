"""The month picker of the scorecard pages: a GOV.UK select of the months held."""

from django import forms
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from scorecard.selectors.months import MonthChoice, period_param
from scorecard.tables import month_in_words


class MonthForm(forms.Form):
    """?period=YYYY-MM, offering the months with approved values, newest first.

    Never bound: the view reads and checks the month itself (selectors.months.choose_month)
    so an unknown month falls back with a message rather than a form error.
    """

    period = forms.ChoiceField(label="Month")

    def __init__(self, choice: MonthChoice):
        shown = period_param(choice.period) if choice.period else None
        super().__init__(initial={"period": shown})
        self.fields["period"].choices = [
            (period_param(month), month_in_words(month)) for month in choice.held
        ]

    def options_html(self) -> SafeString:
        """The select's options, the month shown selected, written once in Python: the
        widget's templates drew each of the months held (ten years of them at 10x) one
        by one (issue 13). The include writes the GOV.UK select around them."""
        chosen = self.initial.get("period")
        options = (
            f'<option value="{escape(value)}"{" selected" if value == chosen else ""}>'
            f"{escape(words)}</option>"
            for value, words in self.fields["period"].choices
        )
        return mark_safe("\n".join(options))  # noqa: S308 - each value and label escaped
