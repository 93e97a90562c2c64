from django.contrib import admin

from improvement_plan.models import Action, Objective, Plan, Priority, ProgressUpdate


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_on", "ends_on"]


@admin.register(Priority)
class PriorityAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "plan"]
    list_filter = ["plan"]


@admin.register(Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    list_display = ["title", "priority", "order"]
    list_select_related = ["priority"]


class ProgressUpdateInline(admin.TabularInline):
    model = ProgressUpdate
    extra = 0


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["reference", "description", "due_date", "status"]
    list_filter = ["status", "objective__priority__plan"]
    search_fields = ["reference", "description"]
    filter_horizontal = ["lead_posts"]
    inlines = [ProgressUpdateInline]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    list_display = ["action", "created_at", "author", "reported_rag", "is_imported"]
    list_select_related = ["action", "author"]
