"""The plan's search over progress updates has a trigram index on PostgreSQL
(migration improvement_plan 0006), and the search the list runs can use it."""

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL index"),
]


def test_progress_text_has_a_trigram_index_the_search_can_use():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["improvement_plan_progressupdate_text_trgm"],
        )
        (definition,) = cursor.fetchone()
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM improvement_plan_progressupdate "
            "WHERE UPPER(text) LIKE UPPER(%s)",
            ["%audit%"],
        )
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "gin_trgm_ops" in definition
    assert "improvement_plan_progressupdate_text_trgm" in plan
