"""Boards, members, meetings, agendas and papers; included at the site root."""

from django.urls import path

from governance.meetings.views import agenda, boards, meetings, papers

urlpatterns = [
    path("boards/", boards.BoardListView.as_view(), name="board_list"),
    path("boards/new/", boards.BoardCreateView.as_view(), name="board_create"),
    path("boards/<slug:slug>/", boards.BoardDetailView.as_view(), name="board_detail"),
    path("boards/<slug:slug>/edit/", boards.BoardUpdateView.as_view(), name="board_update"),
    path(
        "boards/<slug:slug>/members/add/",
        boards.MembershipAddView.as_view(),
        name="membership_add",
    ),
    path(
        "boards/<slug:slug>/members/<int:pk>/edit/",
        boards.MembershipUpdateView.as_view(),
        name="membership_update",
    ),
    path("meetings/", meetings.MeetingListView.as_view(), name="meeting_list"),
    path("meetings/new/", meetings.MeetingCreateView.as_view(), name="meeting_create"),
    path("meetings/<int:pk>/", meetings.MeetingDetailView.as_view(), name="meeting_detail"),
    path("meetings/<int:pk>/edit/", meetings.MeetingUpdateView.as_view(), name="meeting_update"),
    path(
        "meetings/<int:pk>/publish/",
        meetings.MeetingPublishAgendaView.as_view(),
        name="meeting_publish_agenda",
    ),
    path(
        "meetings/<int:pk>/held/", meetings.MeetingMarkHeldView.as_view(), name="meeting_mark_held"
    ),
    path("meetings/<int:pk>/cancel/", meetings.MeetingCancelView.as_view(), name="meeting_cancel"),
    path(
        "meetings/<int:pk>/items/add/", agenda.AgendaItemAddView.as_view(), name="agenda_item_add"
    ),
    path(
        "agenda-items/<int:pk>/edit/",
        agenda.AgendaItemUpdateView.as_view(),
        name="agenda_item_update",
    ),
    path(
        "agenda-items/<int:pk>/move/", agenda.AgendaItemMoveView.as_view(), name="agenda_item_move"
    ),
    path(
        "agenda-items/<int:pk>/delete/",
        agenda.AgendaItemDeleteView.as_view(),
        name="agenda_item_delete",
    ),
    path(
        "agenda-items/<int:pk>/papers/upload/",
        papers.PaperUploadView.as_view(),
        name="paper_add_upload",
    ),
    path(
        "agenda-items/<int:pk>/papers/report/",
        papers.PaperReportView.as_view(),
        name="paper_add_report",
    ),
    path("papers/<int:pk>/delete/", papers.PaperDeleteView.as_view(), name="paper_delete"),
    path("papers/<int:pk>/move/", papers.PaperMoveView.as_view(), name="paper_move"),
    path("papers/<int:pk>/download/", papers.PaperDownloadView.as_view(), name="paper_download"),
]
