"""Scorecard pages: entering a month's values and commentary, and approving them.

A month in a URL is written "2023-06"; the views receive the first day of that month.
"""

import datetime

from django.urls import path, register_converter

from scorecard.views import entry


class MonthConverter:
    """ "2023-06" to and from 1 June 2023; "2023-13" matches nothing (404)."""

    regex = r"[0-9]{4}-[0-9]{2}"

    def to_python(self, value: str) -> datetime.date:
        year, month = value.split("-")
        return datetime.date(int(year), int(month), 1)  # ValueError: no match

    def to_url(self, value) -> str:
        return value if isinstance(value, str) else f"{value:%Y-%m}"


register_converter(MonthConverter, "entry_month")

urlpatterns = [
    path("enter/", entry.EntryListView.as_view(), name="scorecard_entry_list"),
    path(
        "enter/<str:prefix>/<entry_month:month>/",
        entry.ValueEntryView.as_view(),
        name="scorecard_value_entry",
    ),
    path(
        "enter/<str:prefix>/<entry_month:month>/commentary/",
        entry.CommentaryView.as_view(),
        name="scorecard_commentary",
    ),
    path("approve/", entry.ApprovalsView.as_view(), name="scorecard_approvals"),
]
