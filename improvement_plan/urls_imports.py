"""Importing a plan: upload, check the dry run, confirm or cancel."""

from django.urls import path

from improvement_plan.views import imports

urlpatterns = [
    path("import/", imports.PlanImportView.as_view(), name="plan_import"),
    path("import/check/", imports.PlanImportPreviewView.as_view(), name="plan_import_preview"),
    path("import/confirm/", imports.PlanImportConfirmView.as_view(), name="plan_import_confirm"),
    path("import/cancel/", imports.PlanImportCancelView.as_view(), name="plan_import_cancel"),
    path("import/progress/", imports.PlanImportProgressView.as_view(), name="plan_import_progress"),
    path("import/status/", imports.PlanImportStatusView.as_view(), name="plan_import_status"),
]
