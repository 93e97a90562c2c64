"""Scorecard pages: the overview, exceptions and a service area's month.

exceptions/ comes before the service-area pattern, which takes any prefix.
"""

from django.urls import path

from scorecard.views import areas

urlpatterns = [
    path("", areas.ScorecardOverviewView.as_view(), name="scorecard_overview"),
    path("exceptions/", areas.ExceptionsView.as_view(), name="scorecard_exceptions"),
    path("<str:prefix>/", areas.ServiceAreaView.as_view(), name="scorecard_service_area"),
]
