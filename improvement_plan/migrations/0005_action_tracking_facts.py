"""Keeps each action's tracking facts on the action (improvement_plan.tracking) and fills
them from the progress updates and due-date changes already recorded."""

from django.db import migrations, models
from django.db.models import Count, IntegerField, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce


def backfill(apps, schema_editor):
    """The same rule as improvement_plan.tracking, over the historical models, in one UPDATE."""
    Action = apps.get_model("improvement_plan", "Action")
    ProgressUpdate = apps.get_model("improvement_plan", "ProgressUpdate")
    DueDateChange = apps.get_model("improvement_plan", "DueDateChange")
    latest = (
        ProgressUpdate.objects.filter(action=OuterRef("pk"), is_imported=False)
        .values("action")
        .annotate(latest=Max("created_at"))
        .values("latest")
    )
    moves = (
        DueDateChange.objects.filter(action=OuterRef("pk"))
        .values("action")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Action.objects.update(
        last_update_at=Subquery(latest),
        rebaseline_count=Coalesce(Subquery(moves, output_field=IntegerField()), 0),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("improvement_plan", "0004_merge_board_record_and_links"),
    ]

    operations = [
        migrations.AddField(
            model_name="action",
            name="last_update_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="The latest lead's progress update (imported entries do not count).",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="action",
            name="rebaseline_count",
            field=models.PositiveIntegerField(
                default=0, editable=False, help_text="How many times the due date has moved."
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
