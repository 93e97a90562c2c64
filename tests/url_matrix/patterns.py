"""Every URL pattern the project serves, read from the root resolver.

A pattern is known by its name with its namespaces ("admin:index"), or by its route
when it has no name, so an unnamed view is listed too. Left out: the Django admin's own
pages (tests/governance/test_admin_access.py covers them; /admin/ itself stays in),
and static and media files.
"""

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

ADMIN_NAMESPACE = "admin"
ADMIN_KEPT = {"admin:index"}


def _walk(resolver: URLResolver, prefix: str, namespaces: tuple[str, ...]):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from _walk(entry, route, inner)
        elif isinstance(entry, URLPattern):
            name = ":".join((*namespaces, entry.name)) if entry.name else None
            yield name or route, route, namespaces


def _is_file_route(route: str) -> bool:
    file_prefixes = [p.lstrip("/") for p in (settings.STATIC_URL, settings.MEDIA_URL) if p]
    return any(prefix and route.startswith(prefix) for prefix in file_prefixes)


def url_pattern_keys() -> set[str]:
    """The name (or route) of every pattern the matrix must have a rule for."""
    keys = set()
    for key, route, namespaces in _walk(get_resolver(), "", ()):
        if ADMIN_NAMESPACE in namespaces and key not in ADMIN_KEPT:
            continue
        if _is_file_route(route):
            continue
        keys.add(key)
    return keys
