"""Creates the roles staff hold, as groups (governance.roles)."""

from django.db import migrations

ROLES = (
    "Administrator",
    "Director (DCS)",
    "Board member",
    "Lead officer",
    "Performance officer",
    "Democratic services officer",
    "Viewer",
)


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("governance", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
