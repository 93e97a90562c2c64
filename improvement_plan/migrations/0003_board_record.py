import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("improvement_plan", "0002_action_tracking"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="BoardRecord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("occasion", models.CharField(help_text='"Improvement Board, 11 January 2023"', max_length=300)),
                ("presented_on", models.DateField(help_text="The day of the meeting it was presented at.")),
                ("scorecard_period", models.DateField(blank=True, help_text="The scorecard month presented, if any was held.", null=True)),
                ("taken_at", models.DateTimeField()),
                ("actions", models.JSONField(default=list, help_text="Each action's RAG, status and due date.")),
                ("indicators", models.JSONField(default=list, help_text="Each indicator's value, RAG, direction and SPC label.")),
                ("plan", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="board_records", to="improvement_plan.plan")),
                ("taken_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
            ],
            options={"ordering": ["plan", "presented_on", "taken_at", "id"]},
        ),
    ]
