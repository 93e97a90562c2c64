"""Pages of a scorecard list that grows (issue 13), shown with the GOV.UK pagination
component (templates/includes/pagination.html).

Rules: ?page=N; a page that is not a number, or past the last, gives the nearest page
(Paginator.get_page), never an error. Page links keep every other query parameter
(the filters)."""

from django.core.paginator import Page, Paginator


def page_of(request, items, *, per_page: int) -> tuple[Page, str]:
    """The page of `items` asked for, and the query string without the page number."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
