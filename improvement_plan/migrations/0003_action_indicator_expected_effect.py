"""Links between actions and indicators carry the expected effect (issue 12, section 3).

Action.indicators moves onto a link model, ActionIndicatorLink (which way, optionally to
what value, by when, why), with its own history. Existing links are kept, expecting the
indicator to move as its polarity says; the audit is kept too: the old record of the
action's linked indicators, snapshot by snapshot, becomes the link's history (each
indicator added or removed between one snapshot and the next, with who and when).
"""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def copy_links_and_their_history(apps, schema_editor):
    """Every pair ever linked gets a link row (so its history has an id); the pairs no
    longer linked are then deleted, leaving the links held now."""
    Action = apps.get_model("improvement_plan", "Action")
    Link = apps.get_model("improvement_plan", "ActionIndicatorLink")
    HistoricalLink = apps.get_model("improvement_plan", "HistoricalActionIndicatorLink")
    changes = _replayed_changes(apps)
    held = set(Action.indicators.through.objects.values_list("action_id", "indicator_id"))
    first_seen = {}
    for change in changes:
        first_seen.setdefault(change["pair"], change["when"])
    pairs = sorted(held | set(first_seen))
    links = Link.objects.bulk_create(
        Link(action_id=a, indicator_id=i, created_at=first_seen.get((a, i), timezone.now()))
        for a, i in pairs
    )
    ids = {(link.action_id, link.indicator_id): link.pk for link in Link.objects.all()}
    HistoricalLink.objects.bulk_create(
        HistoricalLink(
            id=ids[c["pair"]], action_id=c["pair"][0], indicator_id=c["pair"][1],
            history_type=c["kind"], history_date=c["when"], history_user_id=c["user"],
            created_at=first_seen[c["pair"]], expected_direction="polarity",
            history_change_reason="Linked indicators changed",
        )
        for c in changes
    )  # fmt: skip
    gone = [ids[pair] for pair in pairs if pair not in held]
    Link.objects.filter(pk__in=gone).delete()
    return links


def _replayed_changes(apps):
    """Each indicator added or removed between two snapshots of an action's old history,
    oldest first: {pair, kind ("+" or "-"), when, user}."""
    HistoricalAction = apps.get_model("improvement_plan", "HistoricalAction")
    OldLinks = apps.get_model("improvement_plan", "HistoricalAction_indicators")
    held = {}
    for row in OldLinks.objects.values("history_id", "indicator_id"):
        held.setdefault(row["history_id"], set()).add(row["indicator_id"])
    before, changes = {}, []
    snapshots = HistoricalAction.objects.order_by("history_date", "history_id")
    for snap in snapshots.values("history_id", "id", "history_date", "history_user_id"):
        now, was = held.get(snap["history_id"], set()), before.get(snap["id"], set())
        for kind, indicators in (("+", now - was), ("-", was - now)):
            changes += [
                {"pair": (snap["id"], i), "kind": kind, "when": snap["history_date"],
                 "user": snap["history_user_id"]}
                for i in sorted(indicators)
            ]  # fmt: skip
        before[snap["id"]] = now
    return changes


class Migration(migrations.Migration):

    dependencies = [
        ('improvement_plan', '0002_action_tracking'),
        ('scorecard', '0004_indicator_polarity_not_set'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ActionIndicatorLink',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('expected_direction', models.CharField(choices=[('polarity', 'As the polarity says'), ('up', 'Up'), ('down', 'Down'), ('band', 'Into the target band')], default='polarity', max_length=10)),
                ('expected_value', models.DecimalField(blank=True, decimal_places=4, help_text='The value the indicator should reach, if one is expected.', max_digits=14, null=True)),
                ('expected_by', models.DateField(blank=True, help_text='The first day of the month it should be reached by.', null=True)),
                ('reason', models.CharField(blank=True, help_text='Why the action moves it.', max_length=300)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('action', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='indicator_links', to='improvement_plan.action')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('indicator', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='action_links', to='scorecard.indicator')),
            ],
            options={
                'ordering': ['action', 'indicator'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalActionIndicatorLink',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('expected_direction', models.CharField(choices=[('polarity', 'As the polarity says'), ('up', 'Up'), ('down', 'Down'), ('band', 'Into the target band')], default='polarity', max_length=10)),
                ('expected_value', models.DecimalField(blank=True, decimal_places=4, help_text='The value the indicator should reach, if one is expected.', max_digits=14, null=True)),
                ('expected_by', models.DateField(blank=True, help_text='The first day of the month it should be reached by.', null=True)),
                ('reason', models.CharField(blank=True, help_text='Why the action moves it.', max_length=300)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('action', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='improvement_plan.action')),
                ('created_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('indicator', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='scorecard.indicator')),
            ],
            options={
                'verbose_name': 'historical action indicator link',
                'verbose_name_plural': 'historical action indicator links',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddConstraint(
            model_name='actionindicatorlink',
            constraint=models.UniqueConstraint(fields=('action', 'indicator'), name='action_indicator_link_unique'),
        ),
        migrations.RunPython(copy_links_and_their_history, migrations.RunPython.noop),
        migrations.RemoveField(model_name='action', name='indicators'),
        migrations.AddField(
            model_name='action',
            name='indicators',
            field=models.ManyToManyField(blank=True, help_text='The scorecard indicators this action should move.', related_name='actions', through='improvement_plan.ActionIndicatorLink', to='scorecard.indicator'),
        ),
        migrations.DeleteModel(
            name='HistoricalAction_indicators',
        ),
    ]
