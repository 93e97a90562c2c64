from django.contrib import admin
from django.urls import include, path

from governance import views
from governance.accounts import urls as account_urls

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.HealthView.as_view(), name="healthz"),
    path("accounts/", include(account_urls)),
    path("plan/", include("improvement_plan.urls")),
    path("scorecard/", include("scorecard.urls")),
    path("", include("governance.meetings.urls")),
    path("", include("governance.minutes.urls")),
    path("", include("governance.packs.urls")),
    path("", include("governance.records.urls")),
    path("public/", include("governance.public.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "governance.errors.bad_request"
handler403 = "governance.errors.permission_denied"
handler404 = "governance.errors.page_not_found"
handler500 = "governance.errors.server_error"
