"""Error pages in the page frame, never a bare server error.

The 500 page is self-contained (no database, no static files), so its stylesheet is
inline: the Content-Security-Policy for that one response allows exactly that stylesheet
by its SHA-256 hash, never 'unsafe-inline'.
"""

import base64
import hashlib
import re

from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

INLINE_STYLE = re.compile(r"<style>(.*?)</style>", re.S)


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def request_too_big(request):
    """413: the form was bigger than the service reads (DATA_UPLOAD_MAX_MEMORY_SIZE)."""
    return render(request, "errors/413.html", {"back_url": _back_url(request)}, status=413)


def _back_url(request) -> str | None:
    """The page the form was on, when the browser says so and it is on this site."""
    referer = request.META.get("HTTP_REFERER", "")
    allowed = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return referer if referer and allowed else None


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without a valid token (a page open too long, or
    cookies blocked) gets a GOV.UK page that says what to do, not Django's bare one."""
    return render(request, "errors/403_csrf.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    response = render(request, "errors/500.html", status=500)
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"
        for css in INLINE_STYLE.findall(response.content.decode())
    ]
    response._csp_replace = {"style-src": hashes}  # read by csp.middleware.CSPMiddleware
    return response
