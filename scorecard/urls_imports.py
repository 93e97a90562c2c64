"""Scorecard pages: importing a scorecard file, with the dry run to check first."""

from django.urls import path

from scorecard.views import imports

urlpatterns = [
    path("import/", imports.ScorecardImportView.as_view(), name="scorecard_import"),
    path(
        "import/check/",
        imports.ScorecardImportPreviewView.as_view(),
        name="scorecard_import_preview",
    ),
    path(
        "import/confirm/",
        imports.ScorecardImportConfirmView.as_view(),
        name="scorecard_import_confirm",
    ),
    path(
        "import/cancel/",
        imports.ScorecardImportCancelView.as_view(),
        name="scorecard_import_cancel",
    ),
    path(
        "import/progress/",
        imports.ScorecardImportProgressView.as_view(),
        name="scorecard_import_progress",
    ),
    path(
        "import/status/",
        imports.ScorecardImportStatusView.as_view(),
        name="scorecard_import_status",
    ),
]
