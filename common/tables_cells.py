"""django-tables2 works out each cell by calling the column's render method with the
arguments it asks for, and reads what it asks for with inspect.signature on every
cell: a list of 50 rows by 8 columns read 400 signatures, a third of the time spent on
its cells (issue 13). A function's signature does not change while the process runs,
so it is read once per function and remembered.
"""

import functools

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django_tables2 import Column, utils

_read = utils.signature


@functools.lru_cache(maxsize=2048)
def _of_function(function, bound: bool):
    """The (arguments, catch-all name) django-tables2 reads, for a plain function or,
    when `bound`, for it as a method (its first argument, self, left out)."""
    arguments, catch_all = _read(function)
    return (arguments[1:], catch_all) if bound and arguments else (arguments, catch_all)


def signature(fn):
    """django_tables2.utils.signature, remembered by the function (module docstring)."""
    function = getattr(fn, "__func__", None)
    if function is not None:
        return _of_function(function, True)
    try:
        return _of_function(fn, False)
    except TypeError:  # not hashable: read as before
        return _read(fn)


def remember_signatures() -> None:
    """Makes django-tables2 use the remembered signature (its call_with_appropriate
    looks the module's `signature` up on each call)."""
    utils.signature = signature


# Cells worked out directly -------------------------------------------------------------

# What a render method may ask for and still be called directly (not the row itself).
DIRECT_ARGUMENTS = frozenset({"value", "record", "column", "bound_column", "table"})


def _shows_choice_label(accessor, record) -> bool:
    """Whether the accessor ends at a model field with choices, read from the record's
    model through its relations (the library's Accessor.get_field)."""
    if not isinstance(record, models.Model):
        return False
    try:
        field = accessor.get_field(record)
    except FieldDoesNotExist:
        return False
    return bool(getattr(field, "choices", ()))


def cell_maker(table, bound_column):
    """A function record -> the cell django-tables2's BoundRow would give, for a plain
    Column rendered by a method asking only for DIRECT_ARGUMENTS; None for any other
    column, which the library works out itself. The same steps as
    BoundRow._get_and_render_with: the choice's label (get_<field>_display) when the
    accessor ends at a model field with choices, else the accessor's value (None when
    it cannot be read); the column's default for an empty value; else the render
    method's result. Worked out once a table rather than once a cell (issue 13)."""
    column, accessor = bound_column.column, utils.Accessor(bound_column.accessor)
    if type(column) is not Column or bound_column.link or not accessor.bits:
        return None
    render = bound_column.render
    arguments, catch_all = signature(render)
    if catch_all or not set(arguments) <= DIRECT_ARGUMENTS:
        return None
    *path, last = accessor.bits
    owner_of = utils.Accessor(accessor.SEPARATOR.join(path)) if path else None
    display, empty, choices = f"get_{last}_display", column.empty_values, {}

    def value_of(record):
        owner = owner_of.resolve(record, quiet=True) if owner_of is not None else record
        if isinstance(owner, models.Model):
            kind = type(record)
            if kind not in choices:
                choices[kind] = _shows_choice_label(accessor, record)
            if choices[kind] and hasattr(owner, display):
                return getattr(owner, display)()
        return accessor.resolve(record, quiet=True)

    def cell(record):
        value = value_of(record)
        if value in empty:
            return bound_column.default
        given = {"value": value, "record": record, "column": column}
        given.update(bound_column=bound_column, table=table)
        return render(**{argument: given[argument] for argument in arguments})

    return cell
