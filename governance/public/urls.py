"""URLs of governance.public."""

urlpatterns: list = []
