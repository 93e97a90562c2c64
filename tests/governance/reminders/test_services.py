"""Recording and sending reminders once (governance.reminders.services)."""

import datetime

import pytest
from django.core import mail

from governance.models import Reminder, User
from governance.reminders import services
from tests.governance.reminders.conftest import TODAY

D = datetime.date
pytestmark = pytest.mark.django_db
REFUSING = "tests.governance.reminders.backends.RefusingBackend"


@pytest.fixture
def no_digest(settings):
    """Digests on Sundays, so the weekday tests see one reminder at a time."""
    settings.REMINDER_DIGEST_WEEKDAY = 6


def run(today=TODAY, dry_run=False):
    return services.reminders_run(today=today, dry_run=dry_run)


def test_each_reminder_is_sent_once_and_a_rerun_sends_nothing(action_due, lead):
    action_due(D(2023, 3, 9))

    first = run()
    second = run()

    assert [outcome for outcome, _ in first.lines] == ["sent", "sent"]  # due soon, digest
    assert second.lines == []
    assert second.already == 2
    assert len(mail.outbox) == 2
    assert Reminder.objects.filter(state=Reminder.State.SENT).count() == 2


def test_a_dry_run_sends_and_records_nothing(action_due):
    action_due(D(2023, 3, 9))

    report = run(dry_run=True)

    assert [outcome for outcome, _ in report.lines] == ["would send", "would send"]
    assert mail.outbox == []
    assert not Reminder.objects.exists()


def test_the_mail_is_html_and_text_with_links_to_each_page(action_due, lead):
    action = action_due(D(2023, 3, 9), reference="2.1.3", description="Induction planned")
    run()

    message = next(m for m in mail.outbox if "is due" in m.subject)
    assert message.to == [lead.email]
    assert message.subject == "Action 2.1.3 is due in 3 days"
    url = f"https://improvement.example.gov.uk/plan/actions/{action.pk}/"
    assert f"- 2.1.3 Induction planned (Due in 3 days)\n  {url}" in message.body
    html, kind = message.alternatives[0]
    assert kind == "text/html"
    assert f'<a href="{url}"' in html
    assert "https://improvement.example.gov.uk/accounts/reminders/" in html
    assert message.extra_headers["X-Reminder-Key"].endswith("|action_due_soon/3|2023-03-09")


def test_a_refused_message_is_recorded_as_failed_never_as_sent(action_due, settings, no_digest):
    action_due(D(2023, 3, 9))
    settings.EMAIL_BACKEND = REFUSING

    report = run(today=D(2023, 3, 7))  # a Tuesday: no digest

    assert [outcome for outcome, _ in report.lines] == ["failed"]
    reminder = Reminder.objects.get()
    assert (reminder.state, reminder.attempts, reminder.sent_at) == ("failed", 1, None)
    assert "SMTPRecipientsRefused" in reminder.last_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run(today=D(2023, 3, 7))
    reminder.refresh_from_db()
    assert (reminder.state, reminder.attempts, reminder.last_error) == ("sent", 2, "")
    assert len(mail.outbox) == 1


def test_delivery_gives_up_after_the_last_attempt(action_due, settings, no_digest):
    action_due(D(2023, 3, 9))
    settings.EMAIL_BACKEND = REFUSING
    settings.REMINDER_MAX_ATTEMPTS = 2
    run(today=D(2023, 3, 7))
    run(today=D(2023, 3, 7))

    assert run(today=D(2023, 3, 7)).lines == []
    assert Reminder.objects.get().attempts == 2


def test_delivering_a_sent_reminder_again_sends_nothing(action_due, no_digest):
    action_due(D(2023, 3, 9))
    run(today=D(2023, 3, 7))
    reminder = Reminder.objects.get()

    again = services.reminder_deliver(reminder_id=reminder.pk)

    assert again.attempts == 1
    assert len(mail.outbox) == 1


def test_a_digest_only_person_gets_their_reminders_in_the_digest(action_due, lead, director):
    lead.reminder_mode = User.ReminderMode.DIGEST
    lead.save()
    director.reminder_mode = User.ReminderMode.DIGEST
    director.save()
    action_due(D(2023, 3, 9), reference="2.1.1")
    action_due(D(2023, 1, 31), reference="2.1.2")  # 34 days overdue: escalated

    run()

    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == [
        "Escalation: improvement plan actions off track, week of 6 March 2023",
        "Your weekly digest: week of 6 March 2023",
    ]
    digest = next(m for m in mail.outbox if m.to == [lead.email])
    assert "2.1.1" in digest.body
    assert "2.1.2" in digest.body
    assert run(today=D(2023, 3, 7)).lines == []  # a Tuesday: nothing held comes out


def test_the_beat_run_records_and_starts_delivery_on_commit(
    action_due, django_capture_on_commit_callbacks, tasks_in_process, no_digest
):
    action_due(D(2023, 3, 9))
    with django_capture_on_commit_callbacks(execute=True):
        ids = services.reminders_schedule(today=D(2023, 3, 7))
    with django_capture_on_commit_callbacks(execute=True):
        again = services.reminders_schedule(today=D(2023, 3, 7))

    assert len(ids) == 1
    assert again == []
    assert len(mail.outbox) == 1


def test_the_beat_run_with_the_queue_down_logs_and_keeps_the_reminder_waiting(
    action_due, django_capture_on_commit_callbacks, monkeypatch, caplog, no_digest
):
    from governance import tasks

    def refuse(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(tasks.deliver_reminder, "delay", refuse)
    action_due(D(2023, 3, 9))
    with django_capture_on_commit_callbacks(execute=True):
        services.reminders_schedule(today=D(2023, 3, 7))

    assert Reminder.objects.get().state == Reminder.State.PENDING
    assert "the next run will" in caplog.text
    assert mail.outbox == []


def test_a_digest_only_person_without_actions_gets_a_digest_of_what_fell_due():
    from tests.governance.factories import AgendaItemFactory, MeetingFactory, UserFactory

    author = UserFactory(reminder_mode=User.ReminderMode.DIGEST)
    meeting = MeetingFactory(papers_deadline=D(2023, 3, 10))
    AgendaItemFactory(meeting=meeting, report_author=author, title="Children missing")

    assert (
        run(today=D(2023, 3, 6)).lines[0][1].subject == "Your weekly digest: week of 6 March 2023"
    )
    assert "Children missing" in mail.outbox[0].body
    assert run(today=D(2023, 3, 7)).lines == []
