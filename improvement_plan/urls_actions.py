"""One action: detail, progress, review, linked indicators, evidence; the Director's review list."""

from django.urls import path

from improvement_plan.views import actions, review

urlpatterns = [
    path("actions/<int:pk>/", actions.ActionDetailView.as_view(), name="action_detail"),
    path("actions/<int:pk>/update/", actions.ProgressUpdateView.as_view(), name="action_update"),
    path("actions/<int:pk>/review/", review.DirectorReviewView.as_view(), name="action_review"),
    path(
        "actions/<int:pk>/indicators/",
        actions.ActionIndicatorsView.as_view(),
        name="action_indicators",
    ),
    path("evidence/<int:pk>/", actions.EvidenceDownloadView.as_view(), name="evidence_download"),
    path("review/", review.ReviewListView.as_view(), name="review_list"),
]
