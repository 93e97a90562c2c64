"""A meeting's record "as presented"; included at the site root."""

from django.urls import path

from governance.records.views import MeetingRecordView

urlpatterns = [
    path("meetings/<int:pk>/record/", MeetingRecordView.as_view(), name="meeting_record"),
]
