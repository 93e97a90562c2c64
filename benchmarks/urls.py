"""The product's URLs and one more, used only by the benchmarks: the bare page, a
signed-in page rendering a trivial template through the same middleware. Every page's
time is given as a ratio to it, measured in the same run (benchmarks.measure)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import path
from django.views.generic import TemplateView

from governance.urls import urlpatterns as product_urls


class BarePage(LoginRequiredMixin, TemplateView):
    template_name = "benchmarks/bare.html"


urlpatterns = [path("bench/bare/", BarePage.as_view(), name="bench_bare"), *product_urls]
