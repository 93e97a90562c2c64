"""URLs of agenda packs; included at the site root by governance/urls.py."""

from django.urls import path

from governance.packs import views

urlpatterns = [
    path("meetings/<int:pk>/packs/build/", views.PackBuildView.as_view(), name="pack_build"),
    path("packs/<int:pk>/", views.PackDetailView.as_view(), name="pack_detail"),
    path("packs/<int:pk>/status/", views.PackStatusView.as_view(), name="pack_status"),
    path("packs/<int:pk>/download/", views.PackDownloadView.as_view(), name="pack_download"),
    path("packs/<int:pk>/publish/", views.PackPublishView.as_view(), name="pack_publish"),
]
