"""URLs of governance.public: pages and downloads for the public, without sign-in."""

from django.urls import path

from governance.public import views

urlpatterns = [
    path("", views.PublicBoardListView.as_view(), name="public_board_list"),
    path("boards/<slug:slug>/", views.PublicBoardDetailView.as_view(), name="public_board_detail"),
    path("boards/<slug:slug>/meetings.ics", views.BoardCalendarView.as_view(), name="board_ical"),
    path(
        "meetings/<int:pk>/", views.PublicMeetingDetailView.as_view(), name="public_meeting_detail"
    ),
    path("meetings/<int:pk>/minutes/", views.PublicMinutesView.as_view(), name="public_minutes"),
    path(
        "packs/<int:pk>/download/",
        views.PublicPackDownloadView.as_view(),
        name="public_pack_download",
    ),
    path(
        "papers/<int:pk>/download/",
        views.PublicPaperDownloadView.as_view(),
        name="public_paper_download",
    ),
]
