"""A django-tables2 table written as a GOV.UK table (common.tables), and the remembered
signatures its cells are worked out with (common.tables_cells)."""

import django_tables2 as tables
import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django_tables2 import utils

from common import tables_cells


class PeopleTable(tables.Table):
    name = tables.Column(
        "Name",
        attrs={
            "td": {"class": "app-break-word", "data-kind": "name"},
            "th": {"class": "app-wide", "data-note": 'say "hi"'},
        },
    )
    score = tables.Column(
        "Score",
        orderable=False,
        attrs={"td": {"data-score": lambda record: record["score"]}},
        footer="Total",
    )
    note = tables.Column("Note", orderable=False, empty_values=())

    caption = "People"

    def render_note(self, record):
        return f"<b>{record['name']}</b>"  # text, not markup: must be escaped


def render(table, query=""):
    request = RequestFactory().get(f"/people/?{query}")
    table.paginate(per_page=2)
    template = Template("{% load govuk_tables %}{% govuk_table table %}")
    return template.render(Context({"table": table, "request": request}))


ROWS = [{"name": "Ann", "score": 3}, {"name": "Bob", "score": 5}, {"name": "Cy", "score": 1}]


def test_caption_names_the_scrolling_region():
    html = render(PeopleTable(ROWS))
    region = 'role="region" tabindex="0" data-app-scroll-region aria-labelledby="table-caption"'
    assert region in html
    assert (
        '<caption id="table-caption" class="govuk-table__caption govuk-table__caption--m">'
        "People</caption>"
    ) in html


def test_region_label_names_it_without_a_caption():
    table = PeopleTable(ROWS)
    table.caption = ""
    table.region_label = "Everyone"
    assert 'aria-label="Everyone"' in render(table)


def test_sortable_header_keeps_filters_drops_page_and_says_the_sort():
    html = render(PeopleTable(ROWS, order_by="-name"), query="q=a&page=2")
    assert 'aria-sort="descending"' in html
    assert 'href="?q=a&amp;sort=name"' in html
    assert '<span class="app-table__sort-icon" aria-hidden="true">&#9660;</span>' in html
    assert '<th scope="col" class="govuk-table__header">Score</th>' in html
    assert 'app-wide desc orderable" data-note="say &quot;hi&quot;" aria-sort="descending"' in html


def test_cells_keep_column_attrs_callables_read_each_row_and_text_is_escaped():
    html = render(PeopleTable([*ROWS[:1], {"name": "<i>Bo</i>", "score": 5}]))
    assert '<td class="govuk-table__cell app-break-word" data-kind="name">Ann</td>' in html
    assert ">&lt;i&gt;Bo&lt;/i&gt;</td>" in html
    assert 'data-score="3"' in html
    assert 'data-score="5"' in html
    assert "&lt;b&gt;Ann&lt;/b&gt;" in html
    assert "Cy" not in html  # the second page


def test_footer_and_empty_text():
    html = render(PeopleTable(ROWS))
    assert '<tfoot><tr class="govuk-table__row">' in html
    assert ">Total</td>" in html
    empty = render(PeopleTable([], empty_text="Nobody yet."))
    assert '<td class="govuk-table__cell" colspan="3">Nobody yet.</td>' in empty


class Renders:
    def method(self, record, value):
        return (record, value)

    def open_ended(self, value, **kwargs):
        return kwargs


def plain(record):
    return record


@pytest.mark.parametrize(
    ("fn", "expected"),
    [
        (Renders().method, (("record", "value"), None)),
        (Renders().open_ended, (("value",), "kwargs")),
        (plain, (("record",), None)),
        (lambda table, **rest: None, (("table",), "rest")),
    ],
)
def test_remembered_signature_reads_as_the_library_does(fn, expected):
    assert tables_cells.signature(fn) == expected == tables_cells._read(fn)


def test_the_library_uses_the_remembered_signature():
    assert utils.signature is tables_cells.signature
    assert utils.call_with_appropriate(Renders().method, {"record": 1, "value": 2, "x": 3}) == (
        1,
        2,
    )
