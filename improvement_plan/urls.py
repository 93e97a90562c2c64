"""Pages of the improvement plan, one URL module per group of pages."""

from django.urls import include, path

urlpatterns = [
    path("", include("improvement_plan.urls_lists")),
    path("", include("improvement_plan.urls_actions")),
    path("", include("improvement_plan.urls_imports")),
    path("", include("improvement_plan.urls_impact")),
]
