"""Response headers and request limits every page shares.

- RequestTooBigMiddleware: a form posted over DATA_UPLOAD_MAX_MEMORY_SIZE (a 10 MB paste
  into a comment) gets the GOV.UK "too big" page with status 413, not Django's bare 400.
  The form data is read here, inside a try, before anything else reads it; Django caches
  what it read, so the views see the same data.
- NoStoreMiddleware: a signed-in person's pages and every file download are never kept
  by the browser or a proxy (Cache-Control: no-store, private), so the next person at a
  shared computer cannot bring them back with the Back button or from the cache. Public
  pages seen signed out stay cacheable.
"""

from django.core.exceptions import RequestDataTooBig
from django.http import FileResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from governance import errors


class RequestTooBigMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST":
            try:
                request.POST  # noqa: B018 (reading the form is the check)
            except RequestDataTooBig:
                return errors.request_too_big(request)
        return self.get_response(request)


def is_download(response) -> bool:
    """A file sent to be saved or opened: a FileResponse, or anything with a
    Content-Disposition header (CSV and XLSX exports, DOCX minutes, iCal feeds)."""
    return isinstance(response, FileResponse) or response.has_header("Content-Disposition")


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "no-store" in response.get("Cache-Control", ""):
            return response  # the view already said so
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or is_download(response):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response
