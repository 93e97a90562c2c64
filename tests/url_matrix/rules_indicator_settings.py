"""Who may open the page setting many indicators' polarity, tolerance and target at once
(issue 12): performance officers and administrators (scorecard.change_indicator)."""

from tests.url_matrix.expectations import SCORECARD_MANAGERS, form

RULES = {
    "scorecard_indicator_settings": [
        form("scorecard_indicator_settings", may=SCORECARD_MANAGERS),
        form(
            "scorecard_indicator_settings",
            may=SCORECARD_MANAGERS,
            query="area=MX&not_set=on&page=2",
            label="filtered",
        ),
    ],
}
