"""Writes for reminders: plan the day's, record each once, deliver each once.

Rules:
- What is due today comes from governance.reminders.plan_actions and plan_returns.
- A person who chose the weekly digest gets no other reminder but escalations: what
  falls due for them on the digest's day is added to their digest; on other days it is
  not sent (User.ReminderMode).
- Recording: a reminder whose key is already recorded is not recorded again, so
  planning twice (a rerun, a task delivered twice) adds nothing (governance.models.
  reminders). A dry run records nothing.
- Delivery locks the reminder, sends it only when it is not yet sent, and marks it sent
  once the mail server has taken it. A refusal is recorded as a failure with the reason
  and raised, for the task to retry with back-off; after REMINDER_MAX_ATTEMPTS it is not
  tried again. Redeliveries of a sent reminder send nothing.
- Tasks are started once the recording commits; a task queue that does not answer is
  logged, and the next run tries the reminders still waiting.
"""

import datetime
import logging
from dataclasses import dataclass, field, replace
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from governance.domain.reminders import weekly_date
from governance.models import Pack, Reminder, User
from governance.reminders import plan_actions, plan_returns
from governance.reminders.messages import Planned, render

logger = logging.getLogger(__name__)


def reminders_due(*, today: datetime.date) -> list[Planned]:
    """Everything due today, before anyone's choice of digest is applied."""
    actions = plan_actions.open_actions(today=today)
    return [
        *plan_actions.action_reminders(actions, today=today),
        *plan_returns.scorecard_reminders(today=today),
        *plan_returns.papers_reminders(today=today),
        *plan_returns.pack_reminders(today=today),
        *plan_actions.digests(actions, today=today),
        *plan_actions.escalations(actions, today=today),
    ]


def apply_digest_choice(planned: list[Planned], *, today: datetime.date) -> list[Planned]:
    """Rule (module docstring): digest-only people's reminders go into their digest, on
    the digest's day (one is made for them if they have none); other days they wait."""
    held: dict[int, list[Planned]] = {}
    kept = []
    for entry in planned:
        wants_digest = entry.recipient.reminder_mode == User.ReminderMode.DIGEST
        if wants_digest and entry.can_wait_for_digest:
            held.setdefault(entry.recipient.pk, []).append(entry)
        else:
            kept.append(entry)
    result = []
    for entry in kept:
        extra = held.pop(entry.recipient.pk, []) if entry.kind == Reminder.Kind.DIGEST else []
        sections = tuple(section for other in extra for section in other.sections)
        result.append(replace(entry, sections=entry.sections + sections) if extra else entry)
    week = weekly_date(today=today, weekday=settings.REMINDER_DIGEST_WEEKDAY)
    if week is not None:
        for entries in held.values():
            sections = [section for entry in entries for section in entry.sections]
            result.append(plan_actions.digest_for(entries[0].recipient, sections, week))
    return result


@dataclass
class Recorded:
    """What a run recorded: new reminders, and how many were recorded already."""

    new: list[Reminder] = field(default_factory=list)
    already: int = 0


@transaction.atomic
def reminders_record(*, planned: list[Planned]) -> Recorded:
    """Records each planned reminder not yet recorded (module docstring)."""
    known = set(
        Reminder.objects.filter(key__in=[p.key for p in planned]).values_list("key", flat=True)
    )
    recorded = Recorded(already=len(known))
    for entry in planned:
        if entry.key in known:
            continue
        known.add(entry.key)
        text, html = render(entry)
        recorded.new.append(Reminder.objects.create(
            key=entry.key, recipient=entry.recipient, kind=entry.kind, about=entry.about[:300],
            reason=entry.reason[:300], for_date=entry.for_date, subject=entry.subject[:300],
            body_text=text, body_html=html,
        ))  # fmt: skip
    return recorded


def retryable() -> list[int]:
    """Reminders waiting or failed, with tries left, oldest first."""
    return list(
        Reminder.objects.filter(
            state__in=(Reminder.State.PENDING, Reminder.State.FAILED),
            attempts__lt=settings.REMINDER_MAX_ATTEMPTS,
        )
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def reminders_schedule(*, today: datetime.date) -> list[int]:
    """The beat's daily run: records today's reminders and starts a delivery task for
    every reminder waiting, on commit. Returns their ids."""
    reminders_record(planned=apply_digest_choice(reminders_due(today=today), today=today))
    ids = retryable()
    transaction.on_commit(partial(_enqueue, ids))
    return ids


@transaction.atomic
def pack_announce(*, pack_id: int, today: datetime.date) -> list[int]:
    """Records the notice of a published pack to its board's members and starts their
    delivery on commit (called when a pack is published)."""
    pack = Pack.objects.filter(pk=pack_id).first()
    if pack is None:
        return []
    planned = [  # digest-only members read of it in their digest (the daily run)
        entry
        for entry in plan_returns.pack_reminders(today=today, pack=pack)
        if entry.recipient.reminder_mode != User.ReminderMode.DIGEST
    ]
    ids = [reminder.pk for reminder in reminders_record(planned=planned).new]
    transaction.on_commit(partial(_enqueue, ids))
    return ids


@transaction.atomic
def reminders_retry(*, reminders) -> list[int]:
    """Failed reminders among `reminders` (a queryset) get their tries back and their
    delivery started on commit; sent ones are left alone."""
    failed = list(reminders.filter(state=Reminder.State.FAILED).values_list("pk", flat=True))
    Reminder.objects.filter(pk__in=failed).update(attempts=0, state=Reminder.State.PENDING)
    transaction.on_commit(partial(_enqueue, failed))
    return failed


def _enqueue(ids: list[int]) -> None:
    from governance.tasks import deliver_reminder

    for reminder_id in ids:
        try:
            deliver_reminder.delay(reminder_id)
        except Exception:
            logger.exception(
                "Could not start delivering reminder %s; the next run will", reminder_id
            )
            return


class DeliveryFailed(Exception):
    """The mail server did not take the reminder; it is recorded as failed."""


def reminder_deliver(*, reminder_id: int) -> Reminder:
    """Sends the reminder once (module docstring). Raises DeliveryFailed on a refusal,
    after recording it."""
    with transaction.atomic():
        reminder = (
            Reminder.objects.select_for_update().select_related("recipient").get(pk=reminder_id)
        )
        if (
            reminder.state == Reminder.State.SENT
            or reminder.attempts >= settings.REMINDER_MAX_ATTEMPTS
        ):
            return reminder
        reminder.attempts += 1
        try:
            _send(reminder)
        except Exception as exc:
            reminder.state, reminder.last_error = (
                Reminder.State.FAILED,
                f"{type(exc).__name__}: {exc}"[:1000],
            )
            reminder.save(update_fields=["state", "attempts", "last_error"])
            failure = exc
        else:
            reminder.state, reminder.sent_at, reminder.last_error = (
                Reminder.State.SENT,
                timezone.now(),
                "",
            )
            reminder.save(update_fields=["state", "attempts", "last_error", "sent_at"])
            return reminder
    logger.warning("Reminder %s was not sent (try %s): %s", reminder_id, reminder.attempts, failure)
    raise DeliveryFailed(str(failure)) from failure


def _send(reminder: Reminder) -> None:
    mail = EmailMultiAlternatives(
        subject=reminder.subject,
        body=reminder.body_text,
        to=[reminder.recipient.email],
        headers={"X-Reminder-Key": reminder.key, "Auto-Submitted": "auto-generated"},
    )
    mail.attach_alternative(reminder.body_html, "text/html")
    mail.send(fail_silently=False)


@dataclass
class RunReport:
    """What `send_reminders` did, or would do: each reminder with what became of it."""

    lines: list[tuple[str, Planned | Reminder]] = field(default_factory=list)
    already: int = 0


def reminders_run(*, today: datetime.date, dry_run: bool) -> RunReport:
    """The beat's work done here and now (manage.py send_reminders): plan, record and
    deliver every reminder waiting. A dry run records and sends nothing."""
    planned = apply_digest_choice(reminders_due(today=today), today=today)
    if dry_run:
        known = set(
            Reminder.objects.filter(key__in=[p.key for p in planned]).values_list("key", flat=True)
        )
        fresh = [p for p in planned if p.key not in known]
        return RunReport(
            lines=[("would send", p) for p in fresh], already=len(planned) - len(fresh)
        )
    recorded = reminders_record(planned=planned)
    report = RunReport(already=recorded.already)
    for reminder_id in retryable():
        try:
            report.lines.append(("sent", reminder_deliver(reminder_id=reminder_id)))
        except DeliveryFailed:
            report.lines.append(("failed", Reminder.objects.get(pk=reminder_id)))
    return report
