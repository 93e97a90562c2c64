"""The project's URLs plus two views nobody wrote a rule for: a named one and an unnamed
one. test_url_matrix checks that the matrix would refuse them."""

from django.http import HttpResponse
from django.urls import path

from governance.urls import urlpatterns as project_urlpatterns


def new_view(request):
    return HttpResponse("A page with no rule")


urlpatterns = [
    *project_urlpatterns,
    path("plan/new-page/", new_view, name="new_page_without_rule"),
    path("reports/unnamed/", new_view),
]
