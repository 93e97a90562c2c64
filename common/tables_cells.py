"""django-tables2 works out each cell by calling the column's render method with the
arguments it asks for, and reads what it asks for with inspect.signature on every
cell: a list of 50 rows by 8 columns read 400 signatures, a third of the time spent on
its cells (issue 13). A function's signature does not change while the process runs,
so it is read once per function and remembered.
"""

import functools

from django_tables2 import utils

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
