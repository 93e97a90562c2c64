"""A reminder as planned, before it is recorded: who, what about, why, and its mail.

Every mail has the same shape, in GOV.UK style: a heading, a sentence or two, a list of
items each linked to its page (with a note in words: "Overdue by 9 days"), and a line on
how to change what is sent. It is rendered as HTML and as plain text from the same
context (templates/governance/email/reminder.html and .txt).
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from governance.domain.minutes import day_in_words  # noqa: F401  (the mails' dates)
from governance.models import Reminder, User


@dataclass(frozen=True)
class MailItem:
    """One line of a mail: what, where to see it, and a note in words."""

    text: str
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class MailSection:
    heading: str
    items: tuple[MailItem, ...]


@dataclass(frozen=True)
class Planned:
    """A reminder worth sending today (rules in governance.domain.reminders).

    `about_key` names what it is about ("action:41"); `variant` splits one kind in two
    where the rules do ("14" and "3" for the due-soon windows)."""

    recipient: User
    kind: str
    about_key: str
    about: str
    reason: str
    for_date: datetime.date
    subject: str
    intro: str
    sections: tuple[MailSection, ...] = field(default_factory=tuple)
    variant: str = ""

    @property
    def key(self) -> str:
        """(recipient, subject matter, kind, date): sent at most once."""
        kind = f"{self.kind}/{self.variant}" if self.variant else self.kind
        return f"{self.recipient.pk}|{self.about_key}|{kind}|{self.for_date.isoformat()}"

    @property
    def can_wait_for_digest(self) -> bool:
        """Rule: a person who chose the weekly digest gets only that, and escalations."""
        return self.kind not in (Reminder.Kind.DIGEST, Reminder.Kind.ESCALATION)


def link(url_name: str, *args) -> str:
    """An absolute link for a mail: SITE_URL and the page's path."""
    return f"{settings.SITE_URL}{reverse(url_name, args=args)}"


def render(planned: Planned) -> tuple[str, str]:
    """The mail's plain text and HTML."""
    context = {
        "planned": planned,
        "name": planned.recipient.get_short_name(),
        "service_name": settings.SERVICE_NAME,
        "council_name": settings.COUNCIL_NAME,
        "preferences_url": link("reminder_preferences"),
    }
    text = render_to_string("governance/email/reminder.txt", context)
    html = render_to_string("governance/email/reminder.html", context)
    return text, html


def days_in_words(days: int) -> str:
    return f"{days} day{'s' if days != 1 else ''}"
