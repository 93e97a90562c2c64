"""Migration 0005_action_tracking_facts fills each action's tracking facts from the progress
updates (a lead's, not imported ones) and due-date changes already recorded."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("improvement_plan", "0004_merge_board_record_and_links")]
AFTER = [("improvement_plan", "0005_action_tracking_facts")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def test_the_facts_are_filled_from_what_was_recorded():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        apps = migrate(BEFORE)
        plan = apps.get_model("improvement_plan", "Plan").objects.create(title="P")
        objective = plan.priorities.create(number=1, title="P").objectives.create(
            order=1, title="O"
        )
        moved = objective.actions.create(order=1, reference="1.1.1", description="Moved")
        quiet = objective.actions.create(order=2, reference="1.1.2", description="Quiet")
        now = timezone.now()
        lead_at = now - datetime.timedelta(days=3)
        moved.progress_updates.create(text="Lead", created_at=lead_at)
        moved.progress_updates.create(text="Old", created_at=lead_at - datetime.timedelta(1))
        moved.progress_updates.create(text="Imported", created_at=now, is_imported=True)
        quiet.progress_updates.create(text="Imported", created_at=now, is_imported=True)
        for _ in range(2):
            moved.due_date_changes.create(reason="leave", changed_at=now)

        actions = migrate(AFTER).get_model("improvement_plan", "Action").objects
        facts = actions.order_by("order").values_list("last_update_at", "rebaseline_count")

        assert list(facts) == [(lead_at, 2), (None, 0)]
    finally:
        migrate(latest)
