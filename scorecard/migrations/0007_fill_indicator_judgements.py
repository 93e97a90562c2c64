"""Fills the stored SPC judgements for the approved values already held (issue 13)."""

from django.db import migrations

from scorecard.judgement_services import judgements_write

INDICATORS_AT_ONCE = 200


def fill(apps, schema_editor):
    models = (
        apps.get_model("scorecard", "Indicator"),
        apps.get_model("scorecard", "IndicatorValue"),
        apps.get_model("scorecard", "IndicatorJudgement"),
    )
    ids = list(models[0].objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), INDICATORS_AT_ONCE):
        judgements_write(models, ids[start : start + INDICATORS_AT_ONCE])


class Migration(migrations.Migration):
    dependencies = [("scorecard", "0006_indicator_judgements")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
