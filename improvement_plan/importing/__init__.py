"""Importing an improvement plan from the council's own CSV or XLSX table, or an export."""

from improvement_plan.importing.layout import PlanLayoutError, RowWarning
from improvement_plan.importing.reading import PlanFileError
from improvement_plan.importing.report import PlanImportReport
from improvement_plan.importing.service import plan_import

__all__ = ["PlanFileError", "PlanImportReport", "PlanLayoutError", "RowWarning", "plan_import"]
