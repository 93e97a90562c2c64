"""Importing the performance team's scorecard tables from TSV, CSV or XLSX."""

from scorecard.importing.layout import ScorecardWarning
from scorecard.importing.reading import ScorecardFileError
from scorecard.importing.report import ScorecardImportReport
from scorecard.importing.service import ScorecardPeriodNeeded, scorecard_import

__all__ = [
    "ScorecardFileError",
    "ScorecardImportReport",
    "ScorecardPeriodNeeded",
    "ScorecardWarning",
    "scorecard_import",
]
