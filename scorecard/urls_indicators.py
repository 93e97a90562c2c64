"""Scorecard pages: indicators."""

urlpatterns = []
