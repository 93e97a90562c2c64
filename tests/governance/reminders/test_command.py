"""`manage.py send_reminders` on the demo council, on a day in the plan's life."""

import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from governance import demo_meetings
from governance.models import Reminder

pytestmark = pytest.mark.django_db
DAY = "2023-03-07"  # a Tuesday: the week's digest (Monday) is still due


@pytest.fixture
def demo(settings, monkeypatch):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    monkeypatch.setattr(demo_meetings, "_packs", lambda meeting, *, user: None)
    call_command("load_demo", "--allow-without-debug", "--as-written", stdout=io.StringIO())


def send(*args) -> str:
    out = io.StringIO()
    call_command("send_reminders", "--today", DAY, *args, stdout=out)
    return out.getvalue()


def test_each_lead_gets_the_right_reminders_once(demo):
    output = send()

    to_ad_csc = sorted(m.subject for m in mail.outbox if m.to == ["ad.csc@demo.tameside.example"])
    assert to_ad_csc == [
        "13 figures for the February 2023 scorecard due by 14 March 2023",
        "Action 2.1.3 is overdue by 158 days",
        "Action 2.2.1 is overdue by 127 days",
        "Action 2.3.4 is overdue by 127 days",
        "Action 3.5.1 is overdue by 158 days",
        "Action 3.5.3 is overdue by 158 days",
        "Your weekly digest: week of 6 March 2023",
    ]
    escalations = [m for m in mail.outbox if m.subject.startswith("Escalation")]
    assert [m.to for m in escalations] == [["dcs@demo.tameside.example"]]
    assert any(
        "for the February 2023 scorecard due by 14 March 2023" in m.subject for m in mail.outbox
    )
    sent = len(mail.outbox)
    assert f"Reminders for 7 March 2023: {sent} sent, 0 failed" in output
    assert "sent       Action overdue" in output

    again = send()
    assert len(mail.outbox) == sent
    assert f"0 sent, 0 failed; {sent} due today were recorded already" in again


def test_a_dry_run_says_what_would_be_sent_and_does_nothing(demo):
    output = send("--dry-run")

    assert "would send Action overdue" in output
    assert "to ad.csc@demo.tameside.example: Action 2.1.3 is overdue by 158 days" in output
    assert mail.outbox == []
    assert not Reminder.objects.exists()


def test_a_bad_date_says_what_to_type(db):
    with pytest.raises(CommandError, match="--today must be a date like 2023-03-08"):
        call_command("send_reminders", "--today", "7 March")


def test_failures_are_listed_and_the_command_fails(demo, settings):
    settings.EMAIL_BACKEND = "tests.governance.reminders.backends.RefusingBackend"

    with pytest.raises(CommandError, match="reminders were not sent"):
        send()
    assert not Reminder.objects.filter(state=Reminder.State.SENT).exists()
