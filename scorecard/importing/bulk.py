"""Two bulk writes an import needs that Django's own are slow at (issue 13).

- History in bulk: the historical rows (django-simple-history) of rows just written,
  copied by the database itself with one INSERT ... SELECT per batch of ids, instead
  of building a historical object per row in Python. Each names the user, the reason
  and the kind of change ("+" made, "~" changed), as a save would.
- Updates in bulk: one UPDATE ... FROM (VALUES ...) per batch, each row its own
  values, instead of bulk_update's CASE WHEN per row and field.

Table and column names come from the models, never from input; values are parameters, and
the ids of rows are written in as integers (int() of each), so no batch meets a limit.
"""

from collections.abc import Iterable, Iterator

from django.db import connection
from django.db.models import Model
from django.utils import timezone

ROWS_PER_QUERY = 2000  # where the database takes any number of parameters
HISTORY_COLUMNS = ("history_date", "history_change_reason", "history_type", "history_user_id")
IDS_PER_QUERY = 5000  # ids written into the query as integers (not parameters: no limit)


def _batches(items: list, per_row: int) -> Iterator[list]:
    limit = connection.features.max_query_params
    size = max(1, (limit - 10) // per_row) if limit else ROWS_PER_QUERY
    for start in range(0, len(items), size):
        yield items[start : start + size]


def history_copy(model: type[Model], pks: Iterable[int], *, kind: str, user, reason: str) -> None:
    """Writes each row's historical record from the row as it now is in the database."""
    pks = sorted(pks)
    history = model.history.model
    quote = connection.ops.quote_name
    columns = [quote(field.column) for field in history.tracked_fields]
    names = ", ".join([*columns, *map(quote, HISTORY_COLUMNS)])
    user_id = getattr(user, "pk", None)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        for start in range(0, len(pks), IDS_PER_QUERY):
            ids = ", ".join(str(int(pk)) for pk in pks[start : start + IDS_PER_QUERY])
            cursor.execute(
                f"INSERT INTO {quote(history._meta.db_table)} ({names}) "  # noqa: S608
                f"SELECT {', '.join(columns)}, %s, %s, %s, %s FROM {quote(model._meta.db_table)} "
                f"WHERE {quote(model._meta.pk.column)} IN ({ids})",
                [now, reason, kind, user_id],
            )


def rows_update(model: type[Model], objs: list[Model], names: list[str]) -> None:
    """Sets `names` of each object's row to the object's values, in batches."""
    if not objs or not names:
        return
    quote = connection.ops.quote_name
    fields = [model._meta.pk, *(model._meta.get_field(name) for name in names)]
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    sets = ", ".join(f"{quote(f.column)} = v.{quote(f.column)}" for f in fields[1:])
    aliases = ", ".join(quote(f.column) for f in fields)
    casts = ", ".join(f"CAST(%s AS {f.cast_db_type(connection)})" for f in fields)
    with connection.cursor() as cursor:
        for batch in _batches(objs, len(fields)):
            rows = ", ".join([f"({casts})"] * len(batch))
            params = [
                f.get_db_prep_save(getattr(o, f.attname), connection) for o in batch for f in fields
            ]
            cursor.execute(
                f"WITH v ({aliases}) AS (VALUES {rows}) "  # noqa: S608
                f"UPDATE {table} SET {sets} FROM v WHERE {table}.{pk} = v.{pk}",
                params,
            )
