"""URLs of governance.minutes."""

urlpatterns: list = []
