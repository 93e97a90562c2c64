"""Scorecard pages: indicators."""

from django.urls import path

from scorecard.views import indicators, settings

urlpatterns = [
    path(
        "indicators/not-judged/",
        indicators.NotJudgedView.as_view(),
        name="scorecard_not_judged",
    ),
    path(
        "indicators/settings/",
        settings.IndicatorSettingsView.as_view(),
        name="scorecard_indicator_settings",
    ),
    path(
        "indicators/<str:ref>/",
        indicators.IndicatorDetailView.as_view(),
        name="indicator_detail",
    ),
]
