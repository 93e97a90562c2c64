"""Choosing one's reminders, the administrators' list of reminders, and publishing a
pack telling the board's members."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from governance import roles
from governance.models import Membership, Pack, Reminder, User
from governance.packs import services as pack_services
from tests.governance.factories import MeetingFactory, MembershipFactory, PackFactory

pytestmark = pytest.mark.django_db
PREFERENCES = reverse("reminder_preferences")
ADMIN_LIST = reverse("admin:governance_reminder_changelist")


def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get(PREFERENCES)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_everyone_chooses_their_own_reminders(client, user_with_role, any_role):
    person = user_with_role(any_role)
    client.force_login(person)
    page = client.get(PREFERENCES).text
    assert "Which reminders do you want by email?" in page
    assert "Every Monday it sends a digest" in page

    response = client.post(PREFERENCES, {"reminder_mode": "digest"}, follow=True)

    person.refresh_from_db()
    assert person.reminder_mode == User.ReminderMode.DIGEST
    assert "You will get the weekly digest only" in response.text


def test_no_choice_shows_the_error_summary(client, user_with_role):
    client.force_login(user_with_role(roles.VIEWER))

    response = client.post(PREFERENCES, {"reminder_mode": ""})

    assert "govuk-error-summary" in response.text
    assert "Select which reminders you want by email" in response.text
    assert response.text.count("<title>Error: ") == 1


@pytest.mark.parametrize("role", roles.ALL_ROLES)
def test_only_administrators_see_what_was_sent(client, user_with_role, role):
    person = user_with_role(role)
    Reminder.objects.create(
        key="1|action:1|action_overdue|2023-03-01", recipient=person, kind="action_overdue",
        about="Action 2.1.3", reason="Overdue by 5 days", for_date=datetime.date(2023, 3, 1),
        subject="Action 2.1.3 is overdue", body_text="Text", body_html="<p>Text</p>",
        state=Reminder.State.FAILED, last_error="SMTPRecipientsRefused: 550",
    )  # fmt: skip
    client.force_login(person)

    response = client.get(ADMIN_LIST)

    if role == roles.ADMINISTRATOR:
        assert response.status_code == 200
        assert "Action 2.1.3" in response.text
        assert "Not sent: failed" in response.text
    else:
        assert response.status_code in (302, 403)


def test_publishing_a_pack_tells_the_boards_members_once(
    django_capture_on_commit_callbacks, tasks_in_process, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    meeting = MeetingFactory()
    member = MembershipFactory(board=meeting.board, role=Membership.Role.MEMBER).person
    pack = PackFactory(meeting=meeting, state=Pack.State.BUILT, page_count=12)

    with django_capture_on_commit_callbacks(execute=True):
        pack_services.pack_publish(pack=pack, user=None)
    with django_capture_on_commit_callbacks(execute=True):
        pack_services.pack_publish(pack=pack, user=None)

    assert [m.to for m in mail.outbox] == [[member.email]]
    assert mail.outbox[0].subject.startswith("Agenda pack published: ")
    assert Reminder.objects.get().for_date == timezone.localdate()


def test_publishing_with_the_queue_down_still_publishes(
    client, user_with_role, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    from governance import tasks

    def refuse(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(tasks.announce_pack, "delay", refuse)
    pack = PackFactory(state=Pack.State.BUILT, page_count=12)
    client.force_login(user_with_role(roles.DEMOCRATIC_SERVICES))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("pack_publish", args=[pack.pk]), follow=True)

    assert response.status_code == 200
    assert f"Version {pack.version} of the pack is published" in response.text
    pack.refresh_from_db()
    assert pack.published_at is not None
    assert "Could not start announcing pack" in caplog.text


def test_an_administrator_tries_failed_reminders_again(
    client, user_with_role, django_capture_on_commit_callbacks, tasks_in_process, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    admin = user_with_role(roles.ADMINISTRATOR)
    failed = Reminder.objects.create(
        key="1|action:1|action_overdue|2023-03-01", recipient=admin, kind="action_overdue",
        about="Action 2.1.3", reason="Overdue", for_date=datetime.date(2023, 3, 1),
        subject="Action 2.1.3 is overdue", body_text="Text", body_html="<p>Text</p>",
        state=Reminder.State.FAILED, attempts=5, last_error="SMTPRecipientsRefused: 550",
    )  # fmt: skip
    client.force_login(admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            ADMIN_LIST, {"action": "try_again", "_selected_action": [failed.pk]}, follow=True
        )

    assert "1 failed reminders will be tried again" in response.text
    failed.refresh_from_db()
    assert (failed.state, failed.attempts) == (Reminder.State.SENT, 1)
    assert [m.subject for m in mail.outbox] == ["Action 2.1.3 is overdue"]


def test_digest_only_members_are_not_mailed_when_a_pack_is_published(
    django_capture_on_commit_callbacks, tasks_in_process, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    meeting = MeetingFactory()
    MembershipFactory(board=meeting.board, person__reminder_mode=User.ReminderMode.DIGEST)
    pack = PackFactory(meeting=meeting, state=Pack.State.BUILT, page_count=12)

    with django_capture_on_commit_callbacks(execute=True):
        pack_services.pack_publish(pack=pack, user=None)

    assert mail.outbox == []
    assert not Reminder.objects.exists()
