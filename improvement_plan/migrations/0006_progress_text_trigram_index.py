"""Searching the plan looks for each word anywhere in the actions' progress updates
(improvement_plan.filters.ActionFilter.search, an upper-cased LIKE '%word%'). At ten
times a council's size that read all 31,000 updates twice a search (issue 13). On
PostgreSQL a trigram index over the upper-cased text answers it; SQLite, the embedded
default, reads them as before. Not a model index: Django's indexes cannot be made on
one database only."""

from django.db import migrations

INDEX = "improvement_plan_progressupdate_text_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON improvement_plan_progressupdate "
        "USING gin (UPPER(text) gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("improvement_plan", "0005_action_tracking_facts")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
