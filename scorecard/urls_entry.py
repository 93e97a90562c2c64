"""Scorecard pages: entry."""

urlpatterns = []
