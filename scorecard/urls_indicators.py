"""Scorecard pages: indicators."""

from django.urls import path

from scorecard.views import indicators

urlpatterns = [
    path(
        "indicators/not-judged/",
        indicators.NotJudgedView.as_view(),
        name="scorecard_not_judged",
    ),
    path(
        "indicators/<str:ref>/",
        indicators.IndicatorDetailView.as_view(),
        name="indicator_detail",
    ),
]
