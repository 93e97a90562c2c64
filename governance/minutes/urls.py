"""URLs of the meeting record, included at the site root: full paths here."""

from django.urls import path

from governance.minutes.views import actions, attendance, documents, programme, record

urlpatterns = [
    path(
        "meetings/<int:pk>/attendance/",
        attendance.MeetingAttendanceView.as_view(),
        name="meeting_attendance",
    ),
    path(
        "meetings/<int:pk>/declarations/",
        attendance.MeetingDeclarationsView.as_view(),
        name="meeting_declarations",
    ),
    path(
        "declarations/<int:pk>/delete/",
        attendance.DeclarationDeleteView.as_view(),
        name="declaration_delete",
    ),
    path("meetings/<int:pk>/minutes/", record.MeetingMinutesView.as_view(), name="meeting_minutes"),
    path("meetings/<int:pk>/minutes/add/", record.MinuteAddView.as_view(), name="minute_add"),
    path("minutes/<int:pk>/edit/", record.MinuteUpdateView.as_view(), name="minute_update"),
    path(
        "meetings/<int:pk>/minutes/from-agenda/",
        record.MinutesFromAgendaView.as_view(),
        name="minutes_from_agenda",
    ),
    path(
        "meetings/<int:pk>/minutes/publish/",
        record.MinutesPublishView.as_view(),
        name="minutes_publish",
    ),
    path(
        "meetings/<int:pk>/minutes/approve/",
        record.MinutesApproveView.as_view(),
        name="minutes_approve",
    ),
    path("meetings/<int:pk>/times/", record.MeetingTimesView.as_view(), name="meeting_times"),
    path(
        "minutes/<int:pk>/actions/add/",
        actions.ActionArisingAddView.as_view(),
        name="action_arising_add",
    ),
    path(
        "actions-arising/<int:pk>/",
        actions.ActionArisingUpdateView.as_view(),
        name="action_arising_update",
    ),
    path(
        "boards/<slug:slug>/actions/",
        actions.BoardActionLogView.as_view(),
        name="board_action_log",
    ),
    path(
        "boards/<slug:slug>/attendance/",
        attendance.BoardAttendanceView.as_view(),
        name="board_attendance",
    ),
    path(
        "boards/<slug:slug>/work-programme/",
        programme.BoardWorkProgrammeView.as_view(),
        name="board_work_programme",
    ),
    path(
        "boards/<slug:slug>/work-programme/add/",
        programme.WorkProgrammeItemAddView.as_view(),
        name="work_programme_item_add",
    ),
    path(
        "work-programme/<int:pk>/",
        programme.WorkProgrammeItemUpdateView.as_view(),
        name="work_programme_item_update",
    ),
    path(
        "meetings/<int:pk>/agenda.docx",
        documents.MeetingAgendaDocxView.as_view(),
        name="meeting_agenda_docx",
    ),
    path(
        "meetings/<int:pk>/minutes.docx",
        documents.MeetingMinutesDocxView.as_view(),
        name="meeting_minutes_docx",
    ),
]
