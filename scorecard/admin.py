from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from scorecard.models import (
    Benchmark,
    Commentary,
    Indicator,
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


@admin.register(IndicatorValue)
class IndicatorValueAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period", "value", "missing_reason", "state"]
    list_select_related = ["indicator"]
    list_filter = ["period"]


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
