"""A reminder as planned, before it is recorded: who, what about, why, and its mail.

Every mail has the same shape, in GOV.UK style: a heading, a sentence or two, a list of
items each linked to its page (with a note in words: "Overdue by 9 days"), and a line on
how to change what is sent. It is rendered as HTML and as plain text from the same
context (templates/governance/email/reminder.html and .txt).

Rendering is the workers' job, not the daily run's (issue 13: the sweep near its floor):
a reminder is recorded with its mail's content (intro and sections) in `content` and
empty bodies; delivery renders it, keeps the rendered mail in `body_text` and
`body_html` and sends it (`stored_mail`, `render_mail`). A reminder recorded before
this, already rendered, is sent as it is.
"""

import datetime
import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse

from governance.domain import minutes
from governance.models import Reminder, User

_day_words = functools.lru_cache(maxsize=4096)(minutes.day_in_words)


def day_in_words(day: datetime.date | datetime.datetime) -> str:
    """governance.domain.minutes.day_in_words, kept for each date: many reminders share
    a date (a moment is converted as it comes, its day depending on the time zone)."""
    if isinstance(day, datetime.datetime):
        return minutes.day_in_words(day)
    return _day_words(day)


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


_MARK = 918273645  # an id no page has: where a reversed path's id goes


@functools.lru_cache(maxsize=64)
def _path_pattern(url_name: str, arity: int, urlconf: str) -> str | None:
    """The page's path with `{}` for each id, reversed once (issue 13: a sweep reversed
    164,000 paths), or None when the pattern does not take numbers."""
    marks = [_MARK + n for n in range(arity)]
    try:
        path = reverse(url_name, args=marks)
    except NoReverseMatch:
        return None
    for mark in marks:
        if path.count(str(mark)) != 1:
            return None
        path = path.replace(str(mark), "{}")
    return path


def link(url_name: str, *args) -> str:
    """An absolute link for a mail: SITE_URL and the page's path."""
    pattern = _path_pattern(url_name, len(args), settings.ROOT_URLCONF)
    if pattern is not None and all(isinstance(arg, int) for arg in args):
        return settings.SITE_URL + pattern.format(*args)
    return f"{settings.SITE_URL}{reverse(url_name, args=args)}"


def mail_content(planned: Planned) -> dict:
    """What the worker needs to render the mail, beyond the reminder's own fields."""
    sections = [
        [section.heading, [[item.text, item.url, item.note] for item in section.items]]
        for section in planned.sections
    ]
    return {"intro": planned.intro, "sections": sections}


@dataclass(frozen=True)
class Mail:
    """A recorded reminder's mail, as the templates read it."""

    subject: str
    intro: str
    reason: str
    sections: tuple[MailSection, ...]


def stored_mail(reminder: Reminder) -> Mail:
    """The mail of a reminder recorded but not yet rendered (module docstring)."""
    content = reminder.content
    sections = tuple(
        MailSection(heading, tuple(MailItem(*item) for item in items))
        for heading, items in content["sections"]
    )
    return Mail(reminder.subject, content["intro"], reminder.reason, sections)


def render(planned: Planned | Mail, recipient: User) -> tuple[str, str]:
    """The mail's plain text and HTML."""
    context = {
        "planned": planned,
        "name": recipient.get_short_name(),
        "service_name": settings.SERVICE_NAME,
        "council_name": settings.COUNCIL_NAME,
        "preferences_url": link("reminder_preferences"),
    }
    text = render_to_string("governance/email/reminder.txt", context)
    html = render_to_string("governance/email/reminder.html", context)
    return text, html


def render_mail(reminder: Reminder) -> bool:
    """Renders a recorded reminder's mail into its body fields, once. True when it did."""
    if reminder.body_html:
        return False
    reminder.body_text, reminder.body_html = render(stored_mail(reminder), reminder.recipient)
    return True


def days_in_words(days: int) -> str:
    return f"{days} day{'s' if days != 1 else ''}"
