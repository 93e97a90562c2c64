"""A django-tables2 table written out as a GOV.UK table, in Python.

Rules (the markup is the one templates/django_tables2/govuk.html wrote before, unchanged):
- The table sits in a region that scrolls sideways when it is wider than the page, so
  the page itself still reflows at 320px. The region is named by the caption, else by the
  table's `region_label`, else "Table". It is focusable so keyboard users can scroll it
  (app.mjs drops the tab stop when nothing scrolls).
- Caption: `caption` on the Table class or instance, `caption_class` for another size
  than govuk-table__caption--m.
- Sortable headers are links keeping the other query parameters (and leaving the page
  number out); the header cell says the sort in aria-sort and an arrow, never colour alone.
- Column attrs merge with the GOV.UK classes, e.g. attrs={"th": {"class":
  "govuk-table__header--numeric"}, "td": {"class": "govuk-table__cell--numeric"}}.
- A cell's value is written as the template language writes `{{ cell }}` (localised,
  escaped unless already safe).

Why in Python: the template loop cost a page of 50 rows about 30 ms in template nodes
alone (issue 13); the same markup written here costs a tenth of that.
"""

import html

from django.template.base import render_value_in_context
from django.utils import formats
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django_tables2.utils import AttributeDict

from common.tables_cells import cell_maker

SKIPPED_TH = ("class", "scope", "_ordering")
ARROWS = {True: "&#9660;", False: "&#9650;"}  # descending, ascending


def _escaped(value) -> str:
    """conditional_escape for the values a table holds, without its lazy-text wrapper
    (a list page escapes a few thousand values): safe text as it is, text escaped."""
    if isinstance(value, SafeString):
        return value
    if type(value) is str:
        return html.escape(value)
    return conditional_escape(value)


def _attributes(attrs, *, skip=("class",)) -> str:
    """The attributes other than those in `skip`, each as ` name="value"` (None left out)."""
    return "".join(
        f' {_escaped(name)}="{_escaped(value)}"'
        for name, value in attrs.items()
        if name not in skip and value is not None
    )


def _class(base: str, attrs) -> str:
    extra = attrs.get("class")
    return f"{base} {extra}" if extra else base


def query_string(request, *, updates: dict, without: tuple = ()) -> str:
    """The request's query string with `updates` set and `without` dropped, as
    django-tables2's querystring_replace tag writes it (escaped by format_html)."""
    params = dict(request.GET) if request is not None else {}
    params.update(updates)
    for name in without:
        params.pop(name, None)
    return "?" + urlencode(params, doseq=True)


def _header_cell(table, column, request) -> SafeString:
    th = column.attrs["th"]
    sort = ""
    header = conditional_escape(column.header)
    if column.orderable:
        descending = column.order_by_alias.is_descending
        state = ("descending" if descending else "ascending") if column.is_ordered else "none"
        sort = format_html(' aria-sort="{}"', state)
        href = query_string(
            request,
            updates={table.prefixed_order_by_field: column.order_by_alias.next},
            without=(table.prefixed_page_field,),
        )
        icon = ""
        if column.is_ordered:
            icon = format_html(
                '<span class="app-table__sort-icon" aria-hidden="true">{}</span>',
                mark_safe(ARROWS[descending]),  # noqa: S308 - a fixed entity
            )
        header = format_html(
            '<a class="govuk-link govuk-link--no-visited-state" href="{}">{}{}</a>',
            href,
            header,
            icon,
        )
    return format_html(
        '<th scope="col" class="{}"{}{}>{}</th>',
        _class("govuk-table__header", th),
        mark_safe(_attributes(th, skip=SKIPPED_TH)),  # noqa: S308 - escaped by _attributes
        sort,
        header,
    )


def _cell_text(column, cell, context) -> str:
    """As `{{ cell }}` writes it: text escaped at once, anything else (dates, numbers)
    localised as the template language does."""
    if column.localize is None:
        if isinstance(cell, str):
            return _escaped(cell)
        return render_value_in_context(cell, context)
    return conditional_escape(str(formats.localize(cell, use_l10n=bool(column.localize))))


def _cell_attributes(td) -> str:
    return f' class="{_escaped(_class("govuk-table__cell", td))}"{_attributes(td)}'


def _fixed_cell_attributes(table, column) -> str | None:
    """A column's cell attributes when the same on every row: none of the table's or the
    column's td (or cell) attrs is a callable reading the row. None otherwise."""
    sources = (table.attrs, column.column.attrs)
    parts = (source.get(key) or {} for source in sources for key in ("td", "cell"))
    if any(callable(value) for part in parts for value in part.values()):
        return None
    return _cell_attributes(column.attrs["td"])


def _cell(row, column, make):
    """The row's cell in `column`: worked out directly when the column allows it
    (common.tables_cells.cell_maker), else by the library. Callable attrs read the
    row from the column, as the library's BoundRow.items() leaves it."""
    cell = make(row.record) if make else row.get_cell(column.name)
    column.current_value, column.current_record = cell, row.record
    return cell


def _body_row(row, columns: list, context) -> str:
    """One row, every value escaped (_escaped) or already safe."""
    tr = row.attrs
    cells = []
    for column, make, attributes in columns:
        cell = _cell(row, column, make)
        if attributes is None:  # after the row is set on the column: callable attrs see it
            attributes = _cell_attributes(column.attrs["td"])
        cells.append(f"<td{attributes}>{_cell_text(column, cell, context)}</td>")
    row_class = _escaped(_class("govuk-table__row", tr))
    return f'<tr class="{row_class}"{_attributes(tr)}>{"".join(cells)}</tr>'


def _body(table, context) -> SafeString:
    columns = [
        (column, cell_maker(table, column), _fixed_cell_attributes(table, column))
        for column in table.columns
    ]
    rows = [_body_row(row, columns, context) for row in table.paginated_rows]
    if not rows and table.empty_text:
        rows.append(
            format_html(
                '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="{}">{}'
                "</td></tr>",
                len(table.columns),
                table.empty_text,
            )
        )
    return format_html(
        '<tbody class="govuk-table__body">{}</tbody>',
        mark_safe("".join(rows)),  # noqa: S308 - each row escaped above
    )


def _head(table, request) -> SafeString:
    if not table.show_header:
        return mark_safe("")
    cells = "".join(_header_cell(table, column, request) for column in table.columns)
    return format_html(
        '<thead class="govuk-table__head"><tr class="govuk-table__row">{}</tr></thead>',
        mark_safe(cells),  # noqa: S308 - each header cell escaped above
    )


def _foot(table) -> SafeString:
    if not table.has_footer():
        return mark_safe("")
    cells = format_html_join(
        "",
        '<td class="{}">{}</td>',
        ((_class("govuk-table__cell", c.attrs["tf"]), c.footer) for c in table.columns),
    )
    return format_html('<tfoot><tr class="govuk-table__row">{}</tr></tfoot>', cells)


def _caption(table) -> SafeString:
    if not getattr(table, "caption", ""):
        return mark_safe("")
    size = getattr(table, "caption_class", "") or "govuk-table__caption--m"
    return format_html(
        '<caption id="{}table-caption" class="govuk-table__caption {}">{}</caption>',
        table.prefix,
        size,
        table.caption,
    )


def _region_name(table) -> SafeString:
    if getattr(table, "caption", ""):
        return format_html('aria-labelledby="{}table-caption"', table.prefix)
    label = getattr(table, "region_label", "") or "Table"
    return format_html('aria-label="{}"', label)


def table_html(table, context) -> SafeString:
    """The whole table in its scrolling region (module docstring); `context` is the
    template context it is rendered in (its request and localisation)."""
    request = context.get("request")
    attrs = {"class": "govuk-table", **table.attrs}
    return format_html(
        '<div class="app-table-region" role="region" tabindex="0" data-app-scroll-region {}>'
        "<table {}>{}{}{}{}</table></div>",
        _region_name(table),
        AttributeDict(attrs).as_html(),  # as the library's render_attrs writes them
        _caption(table),
        _head(table, request),
        _body(table, context),
        _foot(table),
    )
