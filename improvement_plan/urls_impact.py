"""The impact of the plan's actions on the scorecard indicators they should move."""

from django.urls import path

from improvement_plan.views import impact

urlpatterns = [
    path("impact/", impact.PlanImpactView.as_view(), name="plan_impact"),
]
