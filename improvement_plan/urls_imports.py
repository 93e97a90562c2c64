"""Importing and exporting the plan."""

urlpatterns = []
