"""Pages of the performance scorecard. Every signed-in member of staff may read them."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import TemplateView

from scorecard.models import ServiceArea
from scorecard.selectors import indicator_rows, service_areas_overview
from scorecard.tables import IndicatorTable, ServiceAreaTable


class ScorecardOverviewView(LoginRequiredMixin, TemplateView):
    """The scorecard's service areas, each with its head of service and latest month."""

    template_name = "scorecard/scorecard_overview.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            table=ServiceAreaTable(list(service_areas_overview())), **kwargs
        )


class ServiceAreaView(LoginRequiredMixin, TemplateView):
    """One service area's indicators: latest and previous figures and the target."""

    template_name = "scorecard/service_area.html"

    def get_context_data(self, **kwargs):
        area = get_object_or_404(
            ServiceArea.objects.select_related("head_of_service"), prefix=self.kwargs["prefix"]
        )
        rows = indicator_rows(area, today=timezone.localdate())
        return super().get_context_data(area=area, table=IndicatorTable(rows), **kwargs)
