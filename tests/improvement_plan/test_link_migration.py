"""Migration 0003_action_indicator_expected_effect keeps every link an action had and
turns the action's old record of its linked indicators into the links' history."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from scorecard.models import Indicator, ServiceArea

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("improvement_plan", "0002_action_tracking")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def old_world(apps):
    """An action linked to A1 now, whose history shows A2 added and later removed."""
    plan = apps.get_model("improvement_plan", "Plan").objects.create(title="P")
    priority = plan.priorities.create(number=1, title="Priority")
    objective = priority.objectives.create(order=1, title="Objective")
    action = objective.actions.create(order=1, reference="1.1.1", description="Audit")
    # The scorecard's tables stay as they are now: its models of today write them.
    area = ServiceArea.objects.create(prefix="X", title="X")
    a1 = Indicator.objects.create(service_area=area, ref="A1", title="One")
    a2 = Indicator.objects.create(service_area=area, ref="A2", title="Two")
    action.indicators.add(a1.pk)
    snapshots = apps.get_model("improvement_plan", "HistoricalAction").objects
    old_links = apps.get_model("improvement_plan", "HistoricalAction_indicators").objects
    now = timezone.now()
    for days, held in ((3, []), (2, [a1, a2]), (1, [a1])):
        snapshot = snapshots.create(
            id=action.pk, objective_id=objective.pk, order=1, reference="1.1.1",
            description="Audit", status="not_started", history_type="~", created_at=now,
            updated_at=now, history_date=now - datetime.timedelta(days=days),
        )  # fmt: skip
        for indicator in held:
            old_links.create(id=1, history=snapshot, action_id=action.pk, indicator_id=indicator.pk)


def test_links_and_their_history_are_kept():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        old_world(migrate(BEFORE))
        apps = migrate(latest)
        links = apps.get_model("improvement_plan", "ActionIndicatorLink").objects
        history = apps.get_model("improvement_plan", "HistoricalActionIndicatorLink").objects

        assert list(links.values_list("indicator__ref", "expected_direction")) == [
            ("A1", "polarity")
        ]
        assert list(
            history.order_by("history_date", "history_id").values_list(
                "indicator__ref", "history_type"
            )
        ) == [("A1", "+"), ("A2", "+"), ("A2", "-")]
    finally:
        migrate(latest)
