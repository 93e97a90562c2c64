from django.urls import path

from improvement_plan.views import lists

urlpatterns = [
    path("", lists.PlanOverviewView.as_view(), name="plan_overview"),
]
