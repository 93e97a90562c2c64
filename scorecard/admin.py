from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from common.admin import ReadOnlyAdminMixin
from scorecard.judgement_services import indicator_judgements_refresh
from scorecard.models import (
    Benchmark,
    Commentary,
    Indicator,
    IndicatorJudgement,
    IndicatorValue,
    Section,
    ServiceArea,
    Target,
)


@admin.register(ServiceArea)
class ServiceAreaAdmin(admin.ModelAdmin):
    list_display = ["prefix", "title", "head_of_service", "order"]


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


class BenchmarkInline(admin.TabularInline):
    model = Benchmark
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["ref", "title", "service_area", "unit", "polarity"]
    list_filter = ["service_area", "unit", "polarity"]
    search_fields = ["ref", "title"]
    inlines = [TargetInline, BenchmarkInline]

    def save_model(self, request, obj, form, change):
        """A polarity or SPC baseline set here reaches the stored judgements (issue 13)."""
        super().save_model(request, obj, form, change)
        indicator_judgements_refresh(indicator_ids=[obj.pk])


@admin.register(IndicatorValue)
class IndicatorValueAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period", "value", "missing_reason", "state"]
    list_select_related = ["indicator"]
    list_filter = ["period"]

    def save_model(self, request, obj, form, change):
        """A figure changed here reaches the stored judgements (issue 13)."""
        super().save_model(request, obj, form, change)
        indicator_judgements_refresh(indicator_ids=[obj.indicator_id])

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        indicator_judgements_refresh(indicator_ids=[obj.indicator_id])

    def delete_queryset(self, request, queryset):
        indicator_ids = set(queryset.values_list("indicator_id", flat=True))
        super().delete_queryset(request, queryset)
        indicator_judgements_refresh(indicator_ids=indicator_ids)


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["indicator", "written", "kind", "low", "high", "effective_from"]
    list_select_related = ["indicator"]


@admin.register(Benchmark)
class BenchmarkAdmin(admin.ModelAdmin):
    list_display = ["indicator", "comparator", "value", "year"]
    list_select_related = ["indicator"]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["title", "service_area", "order"]
    list_select_related = ["service_area"]


@admin.register(Commentary)
class CommentaryAdmin(SimpleHistoryAdmin):
    list_display = ["service_area", "period", "state", "author", "updated_at"]
    list_select_related = ["service_area", "author"]


@admin.register(IndicatorJudgement)
class IndicatorJudgementAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The stored SPC judgements, to read only: they are worked out from the approved
    values by scorecard.judgement_services (or `manage.py refresh_judgements`), never
    typed in, so the admin can neither add, change nor delete one."""

    list_display = ("indicator", "period", "label", "side", "point_value")
    list_filter = ("label",)
    search_fields = ("indicator__ref", "indicator__title")
    list_select_related = ("indicator",)
    readonly_fields = [field.name for field in IndicatorJudgement._meta.fields]
