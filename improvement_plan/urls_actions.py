"""One action: detail, progress, review."""

urlpatterns = []
