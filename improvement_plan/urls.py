"""Pages of the improvement plan."""

from django.urls import path

from improvement_plan import views

urlpatterns = [
    path("", views.PlanOverviewView.as_view(), name="plan_overview"),
]
