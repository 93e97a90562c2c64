"""Pages of the performance scorecard."""

from django.urls import path

from scorecard import views

urlpatterns = [
    path("", views.ScorecardOverviewView.as_view(), name="scorecard_overview"),
    path("<str:prefix>/", views.ServiceAreaView.as_view(), name="scorecard_service_area"),
]
