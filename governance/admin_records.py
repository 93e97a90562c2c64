"""Admin for what meetings produce: papers, packs, attendance, declarations, minutes,
actions arising and the work programme. Imported by governance.admin, so the admin
lists every model; democratic services do this work on the meeting pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from governance.models import (
    ActionArising,
    Attendance,
    Declaration,
    Minute,
    Pack,
    Paper,
    WorkProgrammeItem,
)


@admin.register(Paper)
class PaperAdmin(admin.ModelAdmin):
    list_display = ["title", "agenda_item", "kind", "page_count", "added_at"]
    list_filter = ["kind"]
    search_fields = ["title", "agenda_item__title"]
    raw_id_fields = ["agenda_item", "plan", "added_by"]


@admin.register(Pack)
class PackAdmin(admin.ModelAdmin):
    list_display = ["meeting", "audience", "version", "state", "page_count", "built_at"]
    list_filter = ["audience", "state"]
    raw_id_fields = ["meeting", "requested_by"]
    readonly_fields = ["item_pages", "error"]


@admin.register(Attendance)
class AttendanceAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "person", "organisation", "status", "deputy"]
    list_filter = ["status"]
    raw_id_fields = ["meeting", "membership", "person", "deputy"]


@admin.register(Declaration)
class DeclarationAdmin(admin.ModelAdmin):
    list_display = ["meeting", "agenda_item", "person", "kind"]
    list_filter = ["kind"]
    raw_id_fields = ["meeting", "agenda_item", "person"]


@admin.register(Minute)
class MinuteAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "meeting", "municipal_year"]
    list_filter = ["board", "municipal_year"]
    search_fields = ["title", "text", "resolved"]
    raw_id_fields = ["meeting", "agenda_item"]


@admin.register(ActionArising)
class ActionArisingAdmin(SimpleHistoryAdmin):
    list_display = ["description", "owner", "due_date", "status"]
    list_filter = ["status"]
    search_fields = ["description"]
    raw_id_fields = ["minute", "owner", "created_by"]


@admin.register(WorkProgrammeItem)
class WorkProgrammeItemAdmin(admin.ModelAdmin):
    list_display = ["topic", "board", "meeting", "planned_month", "status"]
    list_filter = ["board", "status"]
    raw_id_fields = ["meeting"]
