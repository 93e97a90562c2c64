"""Boards, meetings, agendas and papers."""

from django.urls import include, path

urlpatterns = [
    path("meetings/", include("governance.meeting_urls")),
]
