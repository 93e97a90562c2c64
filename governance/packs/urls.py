"""URLs of governance.packs."""

urlpatterns: list = []
