"""The Django admin, for administrators only.

Anyone signed in who is not an administrator is refused with 403 rather than sent
to a second sign-in page; people not signed in go to the service's own sign-in.
"""

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from governance.permissions import is_administrator


class AdministratorAdminSite(admin.AdminSite):
    site_header = "Improvement governance administration"
    site_title = "Administration"
    index_title = "Administration"

    def has_permission(self, request):
        return is_administrator(request.user)

    def login(self, request, extra_context=None):
        if request.user.is_authenticated:
            if self.has_permission(request):
                return super().login(request, extra_context)
            raise PermissionDenied("The admin is for administrators only.")
        return redirect_to_login(request.GET.get("next", request.get_full_path()))
