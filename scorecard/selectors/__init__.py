"""Reads for the performance scorecard, one module per concern:

- months: which month a page shows (?period=YYYY-MM) and the months held.
- rows: one indicator's month (values, comparators, judgements) from prefetched data.
- light: the indicators, their figures and stored SPC judgements as plain records, for
  pages of hundreds of rows (issue 13).
- spc: the SPC judgement of an indicator's approved values.
- pages: a service area's month, the overview's RAG counts and the exceptions.
"""

from scorecard.selectors.months import MonthChoice, add_months, choose_month, months_held
from scorecard.selectors.pages import (
    AreaCounts,
    AreaMonth,
    ExceptionRow,
    RowGroup,
    area_month,
    exceptions,
    overview,
)
from scorecard.selectors.rows import ScorecardRow, scorecard_indicators, target_in_force

__all__ = [
    "AreaCounts",
    "AreaMonth",
    "ExceptionRow",
    "MonthChoice",
    "RowGroup",
    "ScorecardRow",
    "add_months",
    "area_month",
    "choose_month",
    "exceptions",
    "months_held",
    "overview",
    "scorecard_indicators",
    "target_in_force",
]
