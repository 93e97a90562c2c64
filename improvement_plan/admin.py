"""The plan in the admin, for administrators. Every change form carries the version it
was opened on (admin_forms): it saves only what the administrator changed."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from common.admin import ReadOnlyAdminMixin
from improvement_plan.admin_forms import OpenedVersionAdminForm
from improvement_plan.models import (
    Action,
    ActionIndicatorLink,
    BoardRecord,
    DirectorReview,
    DueDateChange,
    Evidence,
    Milestone,
    Objective,
    Plan,
    Priority,
    ProgressUpdate,
)
from improvement_plan.tracking import tracking_refresh


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    form = OpenedVersionAdminForm
    list_display = ["title", "starts_on", "ends_on"]


@admin.register(Priority)
class PriorityAdmin(admin.ModelAdmin):
    form = OpenedVersionAdminForm
    list_display = ["number", "title", "plan"]
    list_filter = ["plan"]


@admin.register(Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    form = OpenedVersionAdminForm
    list_display = ["title", "priority", "order"]
    list_select_related = ["priority"]


class KeepsTrackingFacts:
    """An admin for a row the computed RAG reads (a progress update, a due-date change):
    after a save or delete here, the action's tracking facts are recomputed
    (improvement_plan.tracking), as the services do."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        tracking_refresh(action_ids=[obj.action_id])

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        tracking_refresh(action_ids=[obj.action_id])

    def delete_queryset(self, request, queryset):
        action_ids = set(queryset.values_list("action_id", flat=True))
        super().delete_queryset(request, queryset)
        tracking_refresh(action_ids=action_ids)


class ProgressUpdateInline(admin.TabularInline):
    model = ProgressUpdate
    form = OpenedVersionAdminForm
    extra = 0


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    form = OpenedVersionAdminForm
    list_display = ["reference", "description", "due_date", "status"]
    list_filter = ["status", "objective__priority__plan"]
    search_fields = ["reference", "description"]
    filter_horizontal = ["lead_posts"]
    inlines = [ProgressUpdateInline]  # links to indicators: ActionIndicatorLinkAdmin

    def save_related(self, request, form, formsets, change):
        """The inline progress updates may have changed: recompute the tracking facts."""
        super().save_related(request, form, formsets, change)
        tracking_refresh(action_ids=[form.instance.pk])


@admin.register(ActionIndicatorLink)
class ActionIndicatorLinkAdmin(SimpleHistoryAdmin):
    """The indicators each action should move, with the effect expected; its history
    records every link added, changed or removed."""

    form = OpenedVersionAdminForm
    list_display = ["action", "indicator", "expected_direction", "expected_by", "created_at"]
    list_select_related = ["action", "indicator"]
    search_fields = ["action__reference", "indicator__ref", "indicator__title"]
    autocomplete_fields = ["action", "indicator"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(KeepsTrackingFacts, admin.ModelAdmin):
    form = OpenedVersionAdminForm
    list_display = ["action", "created_at", "author", "reported_rag", "is_imported"]
    list_select_related = ["action", "author"]


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    form = OpenedVersionAdminForm
    list_display = ["action", "due_date", "written"]
    list_select_related = ["action"]


@admin.register(DueDateChange)
class DueDateChangeAdmin(KeepsTrackingFacts, admin.ModelAdmin):
    """Due-date changes are the slippage record: shown, never edited here."""

    list_display = ["action", "from_date", "to_date", "reason", "changed_by", "changed_at"]
    list_select_related = ["action", "changed_by"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    form = OpenedVersionAdminForm
    list_display = ["original_name", "action", "kind", "size", "uploaded_by", "uploaded_at"]
    list_select_related = ["action", "uploaded_by"]


@admin.register(DirectorReview)
class DirectorReviewAdmin(admin.ModelAdmin):
    form = OpenedVersionAdminForm
    list_display = ["action", "decision", "rag", "reviewer", "reviewed_at"]
    list_select_related = ["action", "reviewer"]


@admin.register(BoardRecord)
class BoardRecordAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """A meeting's record is read only: it says what the board was shown, and only
    meeting_record_retake (governance.records.services), with a reason, replaces it."""

    list_display = ["occasion", "presented_on", "scorecard_period", "taken_at", "taken_by"]
    list_select_related = ["taken_by"]
