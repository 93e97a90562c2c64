"""The Django admin, for administrators only.

Anyone signed in who is not an administrator is refused with 403 rather than sent
to a second sign-in page; people not signed in go to the service's own sign-in.
"""

from functools import wraps

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

    def _refuse_or_sign_in(self, request):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied("The admin is for administrators only.")

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(view)
        def administrators_only(request, *args, **kwargs):
            if not self.has_permission(request):
                return self._refuse_or_sign_in(request)
            return inner(request, *args, **kwargs)

        return administrators_only

    def login(self, request, extra_context=None):
        if not self.has_permission(request):
            return self._refuse_or_sign_in(request)
        return super().login(request, extra_context)
