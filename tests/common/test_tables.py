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


# Cells worked out directly agree with the library's -------------------------------------


class Person:
    def __init__(self, name, nickname=None):
        self.name, self.nickname = name, nickname

    def shout(self):
        return self.name.upper()


class CellsTable(tables.Table):
    name = tables.Column()
    nickname = tables.Column(default="None given")
    shout = tables.Column()
    status = tables.Column()
    description = tables.Column(empty_values=())
    marked = tables.Column(accessor="name")
    asks_everything = tables.Column(accessor="name")
    asks_the_row = tables.Column(accessor="name")
    linked = tables.Column(accessor="name", linkify=lambda record: "/x/")
    spanning = tables.Column(accessor="objective__title")
    status_words = tables.Column(accessor="objective__priority__plan__title")
    action_status = tables.Column(accessor="action__status")

    def render_marked(self, value):
        return f"<{value}>"

    def render_asks_everything(self, value, record, column, bound_column, table):
        return (value, type(record).__name__, bound_column.name, table is self)

    def render_asks_the_row(self, bound_row):
        return "the row"


def test_direct_cells_are_the_librarys_cells_and_used_for_plain_columns(db):
    from django_tables2.rows import BoundRow

    from common.tables_cells import cell_maker
    from improvement_plan.models import Action, ProgressUpdate

    records = [
        Person("ann"),
        Person("bob", nickname=""),
        {"name": "cy", "nickname": "C", "status": "x", "shout": "loud"},
        {"name": "", "objective": {"title": "Across"}},
        Action(reference="1.1.1", description="", status=Action.Status.COMPLETE),
        Action(reference="1.1.2", description="Audit", status="not a status"),
        ProgressUpdate(action=Action(status=Action.Status.IN_PROGRESS), text="Done"),
    ]
    table = CellsTable(records)
    direct = {column.name: cell_maker(table, column) for column in table.columns}

    plain = {"name", "nickname", "shout", "status", "description", "marked", "asks_everything"}
    plain.update({"spanning", "status_words", "action_status"})
    assert {name for name, make in direct.items() if make} == plain
    for record in records:
        row = BoundRow(record, table=table)
        for name, make in direct.items():
            if make:
                assert make(record) == row.get_cell(name), (name, record)
    assert direct["action_status"](records[-1]) == "In progress"  # the choice's label
