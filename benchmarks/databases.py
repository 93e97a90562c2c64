"""The benchmarks' own database, made anew beside the one DATABASE_URL names, so that a
run never touches a council's data and always starts from nothing."""

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url


def fresh_beside(url: str) -> str:
    """The URL of a new, empty database named like `url`'s with `_bench` added (dropped
    first if an earlier run left it). SQLite: a file beside the named one."""
    config = dj_database_url.parse(url)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        path = Path(config["NAME"]).with_suffix(".bench.sqlite3")
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    bench = f"{config['NAME']}_bench"
    _recreate_postgres(config, bench)
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{bench}"))


def _recreate_postgres(config: dict, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
