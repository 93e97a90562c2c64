"""Pages of the performance scorecard, one URL module per group of pages.

Fixed paths (indicators/, enter/, import/, exceptions/) come before the
service-area pattern, which takes any prefix.
"""

from django.urls import include, path

urlpatterns = [
    path("", include("scorecard.urls_indicators")),
    path("", include("scorecard.urls_entry")),
    path("", include("scorecard.urls_imports")),
    path("", include("scorecard.urls_areas")),
]
