"""Each action's tracking facts (improvement_plan.tracking): the lead's latest update and
the due-date moves, kept on the action by the services that change them."""

import datetime

import pytest
from django.utils import timezone

from improvement_plan import services
from improvement_plan.models import Action, DueDateChange, ProgressUpdate
from improvement_plan.tracking import tracking_refresh, tracking_refresh_all
from tests.governance.factories import UserFactory
from tests.improvement_plan.factories import ActionFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def facts(action: Action) -> tuple:
    action.refresh_from_db()
    return action.last_update_at, action.rebaseline_count


def test_a_new_action_has_no_update_and_no_move():
    assert facts(ActionFactory()) == (None, 0)


def test_a_progress_update_and_a_moved_due_date_are_kept_by_the_services():
    action, lead = ActionFactory(due_date=TODAY + datetime.timedelta(days=60)), UserFactory()
    update = services.progress_update_record(
        action=action, author=lead, text="Audit done", reported_rag="green", today=TODAY,
        new_due_date=TODAY + datetime.timedelta(days=90), due_date_reason="Staff on leave",
    )  # fmt: skip
    assert facts(action) == (update.created_at, 1)
    services.due_date_change(
        action=action, to_date=TODAY + datetime.timedelta(days=120), reason="Again", user=lead
    )
    assert facts(action) == (update.created_at, 2)


def test_imported_entries_are_not_a_leads_update_and_a_refresh_recomputes_from_the_rows():
    action = ActionFactory()
    now = timezone.now()
    ProgressUpdate.objects.create(action=action, text="From the plan", created_at=now,
                                  is_imported=True)  # fmt: skip
    lead = ProgressUpdate.objects.create(
        action=action, text="Lead", created_at=now - datetime.timedelta(days=3)
    )
    DueDateChange.objects.create(action=action, reason="leave", changed_at=now)
    tracking_refresh(action_ids=[action.pk])
    assert facts(action) == (lead.created_at, 1)
    lead.delete()
    DueDateChange.objects.all().delete()
    assert tracking_refresh_all(Action.objects.all()) == 1
    assert facts(action) == (None, 0)
