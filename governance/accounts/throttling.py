"""How django-axes names the account a failed sign-in was for, and the address it came from."""

from django.conf import settings

from governance.domain.client_address import client_address


def signed_in_email(request, credentials) -> str | None:
    """The email address tried, lower-cased, so "Ana@X" and "ana@x" count as one account.

    The sign-in form posts the address as "username" (Django's AuthenticationForm).
    """
    source = credentials if credentials else getattr(request, "POST", {})
    email = source.get("username") or source.get("email")
    return email.strip().lower() if email else None


def request_client_address(request) -> str:
    """The address django-axes counts failed sign-ins against (AXES_CLIENT_IP_CALLABLE):
    the client's, read through settings.TRUSTED_PROXY_COUNT proxies."""
    return client_address(
        request.META.get("REMOTE_ADDR", ""),
        request.META.get("HTTP_X_FORWARDED_FOR", ""),
        proxy_count=getattr(settings, "TRUSTED_PROXY_COUNT", 0),
    )
