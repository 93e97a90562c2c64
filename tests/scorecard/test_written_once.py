"""What the scorecard's pages write once rather than per row or per option (issue 13)
is what they wrote before: the month picker's options, the links to indicators."""

import datetime
import re
from types import SimpleNamespace

from django.urls import reverse

from scorecard.filters import MonthForm
from scorecard.selectors.months import MonthChoice
from scorecard.tables import IndicatorLinks

JUNE, MAY, APRIL = (datetime.date(2023, m, 1) for m in (6, 5, 4))


def test_the_month_picker_offers_the_months_held_newest_first_the_month_shown_chosen():
    html = MonthForm(MonthChoice(MAY, (JUNE, MAY, APRIL))).options_html()

    assert re.findall(r'<option value="([^"]*)"', html) == ["2023-06", "2023-05", "2023-04"]
    assert re.findall(r"<option [^>]*selected[^>]*>([^<]*)<", html) == ["May 2023"]
    assert ">June 2023</option>" in html


def test_no_month_shown_chooses_none():
    html = MonthForm(MonthChoice(None, (JUNE,))).options_html()
    assert "selected" not in html


def test_an_indicator_link_is_the_url_reverse_gives_with_the_title_escaped():
    links = IndicatorLinks()
    for ref in ("FD1", "CIN 8é", "A&B?x=1#y"):
        indicator = SimpleNamespace(ref=ref, title="Contacts <in> month & more")
        url = reverse("indicator_detail", kwargs={"ref": ref}).replace("&", "&amp;")
        assert links(indicator) == (
            f'<a class="govuk-link" href="{url}">Contacts &lt;in&gt; month &amp; more</a>'
        )
