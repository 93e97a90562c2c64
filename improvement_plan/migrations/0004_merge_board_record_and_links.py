from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("improvement_plan", "0003_action_indicator_expected_effect"),
        ("improvement_plan", "0003_board_record"),
    ]

    operations = []
