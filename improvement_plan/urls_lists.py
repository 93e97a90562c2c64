"""The plan's list pages: overview, every action, my actions, slippage."""

from django.urls import path

from improvement_plan.views import lists

urlpatterns = [
    path("", lists.PlanOverviewView.as_view(), name="plan_overview"),
    path("since-last-board/", lists.SinceLastBoardView.as_view(), name="plan_since_last_board"),
    path("actions/", lists.ActionListView.as_view(), name="action_list"),
    path("mine/", lists.MyActionsView.as_view(), name="my_actions"),
    path("slippage/", lists.SlippageView.as_view(), name="slippage"),
]
