"""Pages of boards' meetings."""

from django.urls import path

from governance import meeting_views

urlpatterns = [
    path("", meeting_views.MeetingListView.as_view(), name="meeting_list"),
    path("<int:pk>/", meeting_views.MeetingDetailView.as_view(), name="meeting_detail"),
]
