"""The daily reminder sweep at volume (issue 13): planned and recorded in a fixed number
of queries, rendered and sent by workers in batches, each reminder once."""

import datetime
import math

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance import tasks
from governance.models import Reminder
from governance.reminders import messages, services
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.improvement_plan.factories import ActionFactory, ObjectiveFactory

D = datetime.date
TUESDAY = D(2023, 3, 7)  # with digests on Sundays, one reminder per action
pytestmark = pytest.mark.django_db
REFUSING = "tests.governance.reminders.backends.RefusingBackend"


@pytest.fixture(autouse=True)
def mail_in_memory(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://improvement.example.gov.uk"
    settings.REMINDER_DIGEST_WEEKDAY = 6


@pytest.fixture
def lead_post():
    post = PostFactory(name="AD CSC")
    person = UserFactory(full_name="Ana Lead", email="ana.lead@example.gov.uk")
    PostHolderFactory(post=post, person=person, start_date=D(2020, 1, 1))
    return post


@pytest.fixture
def actions_due(lead_post):
    """`count` actions of the current plan, led by the lead's post, due in two days."""
    objective = ObjectiveFactory()

    def make(count: int):
        return [
            ActionFactory(objective=objective, lead_posts=[lead_post], due_date=D(2023, 3, 9))
            for _ in range(count)
        ]

    return make


def _daily_run_queries() -> tuple[list[str], int]:
    """The daily run's statements (its delivery tasks start on commit, not here)."""
    with CaptureQueriesContext(connection) as captured:
        ids = services.reminders_schedule(today=TUESDAY)
    return [query["sql"] for query in captured], len(ids)


def _insert_batches(count: int) -> int:
    """INSERT statements the database needs for `count` reminders: one on PostgreSQL;
    SQLite takes at most 999 parameters a statement, so Django splits a bulk_create."""
    fields = [f for f in Reminder._meta.concrete_fields if not f.primary_key]
    return math.ceil(count / connection.ops.bulk_batch_size(fields, [None] * count))


def _inserts(queries: list[str]) -> int:
    return sum(query.startswith('INSERT INTO "governance_reminder"') for query in queries)


def test_the_daily_run_issues_the_same_queries_for_1_and_for_200_reminders(actions_due):
    actions_due(1)
    one, recorded_one = _daily_run_queries()
    Reminder.objects.all().delete()
    actions_due(199)
    many, recorded_many = _daily_run_queries()

    assert (recorded_one, recorded_many) == (1, 200)
    assert len(one) - _inserts(one) == len(many) - _inserts(many)
    assert (_inserts(one), _inserts(many)) == (1, _insert_batches(200))
    if connection.vendor == "postgresql":
        assert len(one) == len(many)


def test_recording_renders_nothing_and_a_worker_renders_each_mail_once(actions_due):
    (action,) = actions_due(1)
    (reminder_id,) = services.reminders_schedule(today=TUESDAY)
    reminder = Reminder.objects.get(pk=reminder_id)
    assert (reminder.body_text, reminder.body_html) == ("", "")  # nothing rendered yet
    assert reminder.content["sections"][0][1][0][1].endswith(f"/plan/actions/{action.pk}/")

    assert tasks.deliver_reminder.run([reminder_id]) == {"sent": 1, "failed": 0}
    assert tasks.deliver_reminder.run([reminder_id]) == {"sent": 0, "failed": 0}

    (message,) = mail.outbox
    url = f"https://improvement.example.gov.uk/plan/actions/{action.pk}/"
    assert message.subject == f"Action {action.reference} is due in 2 days"
    assert f"({'Due in 2 days'})\n  {url}" in message.body
    reminder.refresh_from_db()
    assert (reminder.state, reminder.attempts) == (Reminder.State.SENT, 1)
    assert reminder.body_text == message.body
    assert f'<a href="{url}"' in reminder.body_html


def test_a_batch_records_each_refusal_and_is_retried_for_those_still_waiting(actions_due, settings):
    actions_due(3)
    ids = services.reminders_schedule(today=TUESDAY)
    settings.EMAIL_BACKEND = REFUSING

    with pytest.raises(services.DeliveryFailed, match="3 of 3 reminders not sent"):
        tasks.deliver_reminder.run(ids)

    failed = Reminder.objects.filter(pk__in=ids)
    assert {(r.state, r.attempts) for r in failed} == {(Reminder.State.FAILED, 1)}
    assert all("SMTPRecipientsRefused" in r.last_error for r in failed)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Reminder.objects.filter(pk=ids[0]).update(state=Reminder.State.SENT)  # sent meanwhile

    assert tasks.deliver_reminder.run(ids) == {"sent": 2, "failed": 0}
    assert len(mail.outbox) == 2


def test_the_beat_run_starts_one_task_per_batch(actions_due, monkeypatch, settings):
    actions_due(5)
    monkeypatch.setattr(services, "DELIVERY_BATCH", 2)
    started = []
    monkeypatch.setattr(tasks.deliver_reminder, "delay", started.append)

    ids = services.reminders_schedule(today=TUESDAY)
    services._enqueue(ids)

    assert started == [ids[0:2], ids[2:4], ids[4:5]]


def test_a_single_id_from_before_batches_is_a_batch_of_one(actions_due):
    actions_due(1)
    (reminder_id,) = services.reminders_schedule(today=TUESDAY)

    assert tasks.deliver_reminder.run(reminder_id) == {"sent": 1, "failed": 0}


def test_links_are_reversed_once_and_read_the_same_as_reverse(settings):
    settings.SITE_URL = "https://example.gov.uk"

    assert messages.link("action_detail", 41) == "https://example.gov.uk" + reverse(
        "action_detail", args=[41]
    )
    assert messages.link("reminder_preferences") == "https://example.gov.uk" + reverse(
        "reminder_preferences"
    )
    month = reverse("scorecard_value_entry", args=["CSC", "2023-02"])
    assert messages.link("scorecard_value_entry", "CSC", "2023-02") == (
        "https://example.gov.uk" + month
    )


def test_the_admin_shows_a_mail_not_yet_rendered_as_it_will_be_sent(
    actions_due, client, user_with_role
):
    from governance import roles

    (action,) = actions_due(1)
    (reminder_id,) = services.reminders_schedule(today=TUESDAY)
    client.force_login(user_with_role(roles.ADMINISTRATOR))

    page = client.get(reverse("admin:governance_reminder_change", args=[reminder_id]))

    assert page.status_code == 200
    assert f"{action.reference} {action.description} (Due in 2 days)" in page.text
    assert "&quot;sections&quot;" not in page.text
