"""Writes for reminders: plan the day's, record each once, deliver each once.

Rules:
- What is due today comes from governance.reminders.plan_actions and plan_returns.
- A person who chose the weekly digest gets no other reminder but escalations: what
  falls due for them on the digest's day is added to their digest; on other days it is
  not sent (User.ReminderMode).
- Recording: a reminder whose key is already recorded is not recorded again, so
  planning twice (a rerun, a task delivered twice) adds nothing (governance.models.
  reminders). A dry run records nothing.
- Recording reads the keys recorded already in one query and writes the rest with one
  bulk_create, rendering nothing: the daily run's queries do not grow with its
  reminders (issue 13). Workers render and send them, DELIVERY_BATCH to a task.
- Delivery locks each reminder, sends it only when it is not yet sent, and marks it sent
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
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connection, transaction
from django.utils import timezone

from governance.domain.reminders import weekly_date
from governance.models import Pack, Reminder, User
from governance.reminders import plan_actions, plan_returns
from governance.reminders.messages import Planned, mail_content, render_mail

logger = logging.getLogger(__name__)
DELIVERY_BATCH = 100  # reminders a delivery task renders and sends over one connection


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


def reminder_row(planned: Planned) -> Reminder:
    """The reminder to record for `planned`, its mail's content kept for the worker to
    render (governance.reminders.messages)."""
    return Reminder(
        key=planned.key, recipient=planned.recipient, kind=planned.kind,
        about=planned.about[:300], reason=planned.reason[:300], for_date=planned.for_date,
        subject=planned.subject[:300], content=mail_content(planned),
    )  # fmt: skip


def recorded_keys(keys: list[str]) -> set[str]:
    """Which of `keys` are recorded already: one query for as many keys as the database
    takes in one statement (all of them on PostgreSQL)."""
    size = connection.features.max_query_params or len(keys) or 1
    known = set()
    for start in range(0, len(keys), size):
        chunk = keys[start : start + size]
        known.update(Reminder.objects.filter(key__in=chunk).values_list("key", flat=True))
    return known


@transaction.atomic
def reminders_record(*, planned: list[Planned]) -> Recorded:
    """Records each planned reminder not yet recorded (module docstring): the keys
    recorded already are read in one query and the rest written with one bulk_create
    (the unique key still stops a concurrent run's duplicate). Nothing is rendered."""
    known = recorded_keys([p.key for p in planned])
    recorded = Recorded(already=len(known))
    rows = []
    for entry in planned:
        if entry.key not in known:
            known.add(entry.key)
            rows.append(reminder_row(entry))
    recorded.new = Reminder.objects.bulk_create(rows)
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


def batches(ids: list[int]) -> list[list[int]]:
    """`ids` in delivery batches of DELIVERY_BATCH."""
    return [ids[start : start + DELIVERY_BATCH] for start in range(0, len(ids), DELIVERY_BATCH)]


def _enqueue(ids: list[int]) -> None:
    from governance.tasks import deliver_reminder

    for batch in batches(ids):
        try:
            deliver_reminder.delay(batch)
        except Exception:
            logger.exception(
                "Could not start delivering reminders %s...; the next run will", batch[0]
            )
            return


class DeliveryFailed(Exception):
    """The mail server did not take the reminder; it is recorded as failed."""


def reminder_deliver(*, reminder_id: int) -> Reminder:
    """Sends the reminder once (module docstring). Raises DeliveryFailed on a refusal,
    after recording it."""
    outcomes = reminders_deliver(reminder_ids=[reminder_id])
    if outcomes.failed:
        raise DeliveryFailed(outcomes.failed[0].last_error)
    return Reminder.objects.get(pk=reminder_id)


@dataclass
class Delivered:
    """What delivering a batch did: reminders sent, and those the mail server refused."""

    sent: list[Reminder] = field(default_factory=list)
    failed: list[Reminder] = field(default_factory=list)


def reminders_deliver(*, reminder_ids: list[int]) -> Delivered:
    """Renders and sends a batch of reminders over one mail connection, each once
    (module docstring): those still waiting are read in one query; each is then locked,
    checked again (another worker may have sent it), sent and saved in its own
    transaction, so a reminder sent is never sent again."""
    waiting = Reminder.objects.filter(pk__in=reminder_ids).exclude(state=Reminder.State.SENT)
    waiting = waiting.filter(attempts__lt=settings.REMINDER_MAX_ATTEMPTS).select_related(
        "recipient"
    )
    outcome, waiting = Delivered(), list(waiting.order_by("created_at", "pk"))
    if not waiting:
        return outcome
    with get_connection(fail_silently=False) as mail_connection:
        for reminder in waiting:
            sent = _deliver_one(reminder, mail_connection)
            if sent is not None:
                (outcome.sent if sent.state == Reminder.State.SENT else outcome.failed).append(sent)
    for failed in outcome.failed:
        logger.warning(
            "Reminder %s was not sent (try %s): %s", failed.pk, failed.attempts, failed.last_error
        )
    return outcome


@transaction.atomic
def _deliver_one(reminder: Reminder, mail_connection) -> Reminder | None:
    """Locks, sends and records one reminder of a batch; None when it needs nothing."""
    state, attempts = (
        Reminder.objects.select_for_update()
        .filter(pk=reminder.pk)
        .values_list("state", "attempts")
        .first()
    ) or (Reminder.State.SENT, 0)
    if state == Reminder.State.SENT or attempts >= settings.REMINDER_MAX_ATTEMPTS:
        return None
    reminder.attempts = attempts + 1
    fields = ["state", "attempts", "last_error", "sent_at"]
    if render_mail(reminder):
        fields += ["body_text", "body_html"]
    try:
        _send(reminder, mail_connection)
    except Exception as exc:
        reminder.state, reminder.last_error = (
            Reminder.State.FAILED,
            f"{type(exc).__name__}: {exc}"[:1000],
        )
    else:
        reminder.state, reminder.sent_at, reminder.last_error = (
            Reminder.State.SENT,
            timezone.now(),
            "",
        )
    reminder.save(update_fields=fields)
    return reminder


def _send(reminder: Reminder, mail_connection) -> None:
    mail = EmailMultiAlternatives(
        subject=reminder.subject,
        body=reminder.body_text,
        to=[reminder.recipient.email],
        headers={"X-Reminder-Key": reminder.key, "Auto-Submitted": "auto-generated"},
        connection=mail_connection,
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
        known = recorded_keys([p.key for p in planned])
        fresh = [p for p in planned if p.key not in known]
        return RunReport(
            lines=[("would send", p) for p in fresh], already=len(planned) - len(fresh)
        )
    recorded = reminders_record(planned=planned)
    report = RunReport(already=recorded.already)
    for batch in batches(retryable()):
        delivered = reminders_deliver(reminder_ids=batch)
        report.lines += [("sent", reminder) for reminder in delivered.sent]
        report.lines += [("failed", reminder) for reminder in delivered.failed]
    return report
