from django.urls import path

from scorecard.views import areas

urlpatterns = [
    path("", areas.ScorecardOverviewView.as_view(), name="scorecard_overview"),
    path("<str:prefix>/", areas.ServiceAreaView.as_view(), name="scorecard_service_area"),
]
