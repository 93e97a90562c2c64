"""The beat's schedule is in the database (django-celery-beat), editable in the admin."""

import pytest
from django_celery_beat.models import PeriodicTask

from governance import tasks  # noqa: F401  (registers the tasks, as a worker does)
from governance.celery import app

pytestmark = pytest.mark.django_db


def test_the_daily_run_is_scheduled_at_seven_in_uk_time():
    task = PeriodicTask.objects.get(name="Send reminders each morning")

    assert task.task == "governance.send_reminders"
    assert task.task in app.tasks
    assert task.enabled
    assert (task.crontab.minute, task.crontab.hour, str(task.crontab.timezone)) == (
        "0",
        "7",
        "Europe/London",
    )


def test_delivery_retries_with_back_off_and_acknowledges_late():
    deliver = app.tasks["governance.deliver_reminder"]

    assert deliver.acks_late
    assert deliver.retry_backoff == 60
    assert deliver.max_retries >= 1
    assert app.tasks["governance.send_reminders"].acks_late


def test_an_administrator_changes_the_schedule_in_the_admin(client, user_with_role):
    from django.urls import reverse

    from governance import roles

    client.force_login(user_with_role(roles.ADMINISTRATOR))
    task = PeriodicTask.objects.get(name="Send reminders each morning")

    listing = client.get(reverse("admin:django_celery_beat_periodictask_changelist"))
    page = client.get(reverse("admin:django_celery_beat_periodictask_change", args=[task.pk]))

    assert listing.status_code == 200
    assert "Send reminders each morning" in listing.text
    assert page.status_code == 200
    client.force_login(user_with_role(roles.DEMOCRATIC_SERVICES))
    refused = client.get(reverse("admin:django_celery_beat_periodictask_changelist"))
    assert refused.status_code == 403
