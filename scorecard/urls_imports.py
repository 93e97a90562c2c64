"""Scorecard pages: imports."""

urlpatterns = []
