"""The improvement plan's reminders: due soon and overdue to the leads, each person's
weekly digest, and the Director's weekly escalation summary.

Rules (the dates in governance.domain.reminders; the numbers in settings):
- An action's leads are the people holding its lead posts today. Complete actions and
  actions of plans other than the current one are never chased.
- Digest: each lead's overdue actions, actions due within the largest due-soon window,
  actions with no progress reported for REMINDER_NO_PROGRESS_DAYS, the Director's
  unanswered challenges, and the open actions arising from meetings they own; sent only
  to people with at least one of them.
- Escalation: actions overdue by more than REMINDER_ESCALATE_OVERDUE_DAYS, or with no
  progress for REMINDER_ESCALATE_NO_UPDATE_DAYS, to each person holding the Director
  role, in one summary.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models import Max

from governance import roles
from governance.domain import reminders as rules
from governance.domain.minutes import days_overdue as overdue_days
from governance.domain.minutes import overdue_in_words
from governance.minutes.selectors import open_actions_arising
from governance.models import Reminder, User
from governance.reminders.messages import (
    MailItem,
    MailSection,
    Planned,
    day_in_words,
    days_in_words,
    link,
)
from governance.reminders.plan_returns import holders_by_post
from improvement_plan.models import Action, DirectorReview
from improvement_plan.selectors import COMPLETE_STATUSES, current_plan


def open_actions(*, today: datetime.date) -> list[Action]:
    """The current plan's actions not complete, with the day of their last progress
    update and `leads`, the people holding their lead posts today. Four queries, however
    many actions: the leads are read through the actions' lead-post links in one query,
    not by a list of ids."""
    plan = current_plan()
    if plan is None:
        return []
    actions = list(
        Action.objects.filter(objective__priority__plan=plan)
        .exclude(status__in=COMPLETE_STATUSES)
        .annotate(last_progress=Max("progress_updates__created_at"))
        .only("pk", "reference", "description", "due_date", "created_at", "status")
        .order_by("due_date", "reference")
    )
    people_of = holders_by_post(today)
    posts_of = defaultdict(list)
    links = Action.lead_posts.through.objects.filter(
        action__objective__priority__plan=plan
    ).exclude(action__status__in=COMPLETE_STATUSES)
    for action_id, post_id in links.values_list("action_id", "post_id"):
        posts_of[action_id].append(post_id)
    for action in actions:
        people = {p.pk: p for post in posts_of[action.pk] for p in people_of.get(post, ())}
        action.leads = list(people.values())
    return actions


def leads_of(action: Action) -> list[User]:
    return action.leads


def _item(action: Action, note: str) -> MailItem:
    return MailItem(
        f"{action.reference} {action.description}", link("action_detail", action.pk), note
    )


def _due_soon(action: Action, person: User, window: int, today) -> Planned:
    left = (action.due_date - today).days
    when = "today" if left == 0 else f"in {days_in_words(left)}"
    return Planned(
        recipient=person, kind=Reminder.Kind.ACTION_DUE_SOON, variant=str(window),
        about_key=f"action:{action.pk}", about=f"Action {action.reference}",
        reason=f"Due {when}, on {day_in_words(action.due_date)}",
        for_date=action.due_date, subject=f"Action {action.reference} is due {when}",
        intro="An action your post leads is due soon. Report its progress before then.",
        sections=(MailSection("Due soon", (_item(action, f"Due {when}"),)),),
    )  # fmt: skip


def _overdue(action: Action, person: User, week: datetime.date, today) -> Planned:
    days = (today - action.due_date).days
    return Planned(
        recipient=person, kind=Reminder.Kind.ACTION_OVERDUE,
        about_key=f"action:{action.pk}", about=f"Action {action.reference}",
        reason=f"Overdue by {days_in_words(days)} (due {day_in_words(action.due_date)})",
        for_date=week, subject=f"Action {action.reference} is overdue by {days_in_words(days)}",
        intro="An action your post leads is overdue. Report its progress, or propose a new "
        "date with the reason, on its page.",
        sections=(MailSection("Overdue", (_item(action, f"Overdue by {days_in_words(days)}"),)),),
    )  # fmt: skip


def action_reminders(actions: list[Action], *, today: datetime.date) -> list[Planned]:
    """Due-soon and overdue reminders to each action's leads."""
    planned = []
    for action in actions:
        window = rules.due_soon_window(
            due_date=action.due_date, today=today, windows=settings.REMINDER_DUE_SOON_DAYS
        )
        week = rules.overdue_week_start(
            due_date=action.due_date, today=today, every_days=settings.REMINDER_OVERDUE_EVERY_DAYS
        )
        for person in leads_of(action):
            if window is not None:
                planned.append(_due_soon(action, person, window, today))
            if week is not None:
                planned.append(_overdue(action, person, week, today))
    return planned


def _days_without_progress(action: Action, today: datetime.date) -> int:
    last = action.last_progress.date() if action.last_progress else action.created_at.date()
    return (today - last).days


def digest_sections(actions, challenges, *, today) -> list[MailSection]:
    """A person's digest: overdue, due soon, no recent progress, challenges."""
    horizon = max(settings.REMINDER_DUE_SOON_DAYS)
    overdue, soon, stale = [], [], []
    for action in actions:
        if action.due_date and action.due_date < today:
            overdue.append(
                _item(action, f"Overdue by {days_in_words((today - action.due_date).days)}")
            )
        elif action.due_date and (action.due_date - today).days <= horizon:
            soon.append(_item(action, f"Due {day_in_words(action.due_date)}"))
        idle = _days_without_progress(action, today)
        if idle >= settings.REMINDER_NO_PROGRESS_DAYS:
            stale.append(_item(action, f"No progress reported for {days_in_words(idle)}"))
    challenged = [
        _item(
            review.action,
            f"Challenged on {day_in_words(review.reviewed_at.date())}: {review.comment}",
        )
        for review in challenges
    ]
    named = (("Overdue", overdue), ("Due soon", soon), ("No recent progress", stale),
             ("Challenges from the Director", challenged))  # fmt: skip
    return [MailSection(heading, tuple(items)) for heading, items in named if items]


def open_challenges(*, today: datetime.date) -> dict[int, list[DirectorReview]]:
    """Unanswered challenges, by action. One query."""
    by_action = defaultdict(list)
    reviews = DirectorReview.objects.filter(
        decision=DirectorReview.Decision.CHALLENGED, answered_by__isnull=True
    ).select_related("action")
    for review in reviews:
        by_action[review.action_id].append(review)
    return by_action


def digests(actions: list[Action], *, today: datetime.date) -> list[Planned]:
    """Each lead's weekly digest, on or after the digest weekday."""
    week = rules.weekly_date(today=today, weekday=settings.REMINDER_DIGEST_WEEKDAY)
    if week is None:
        return []
    challenges = open_challenges(today=today)
    by_person, people = defaultdict(list), {}
    for action in actions:
        for person in leads_of(action):
            by_person[person.pk].append(action)
            people[person.pk] = person
    arising = arising_sections(today=today)
    people.update({pk: person for pk, (person, _) in arising.items()})
    planned = []
    for pk, person in people.items():
        led = by_person.get(pk, [])
        reviews = [review for action in led for review in challenges.get(action.pk, [])]
        sections = digest_sections(led, reviews, today=today)
        if pk in arising:
            sections.append(arising[pk][1])
        if sections:
            planned.append(digest_for(person, sections, week))
    return planned


def arising_sections(*, today: datetime.date) -> dict[int, tuple[User, MailSection]]:
    """Each owner's open actions arising from meetings' minutes, for their digest, with
    overdue in words (governance.domain.minutes). One query."""
    by_owner = defaultdict(list)
    for action in open_actions_arising():
        days = overdue_days(status=action.status, due_date=action.due_date, today=today)
        note = overdue_in_words(days) or f"Due {day_in_words(action.due_date)}"
        meeting = action.minute.meeting
        url = link("action_arising_update", action.pk)
        text = f"{action.description} ({meeting.board.name}, minute {action.minute.number})"
        by_owner[action.owner_id].append((action.owner, MailItem(text, url, note)))
    return {
        pk: (rows[0][0], MailSection("Actions from meetings", tuple(item for _, item in rows)))
        for pk, rows in by_owner.items()
    }


def digest_for(person: User, sections, week: datetime.date) -> Planned:
    """A person's weekly digest of `sections`."""
    count = sum(len(section.items) for section in sections)
    return Planned(
        recipient=person, kind=Reminder.Kind.DIGEST, about_key="digest",
        about=f"Week of {day_in_words(week)}",
        reason=f"{count} item{'s need' if count != 1 else ' needs'} your attention",
        for_date=week, subject=f"Your weekly digest: week of {day_in_words(week)}",
        intro="What needs your attention this week.",
        sections=tuple(sections),
    )  # fmt: skip


def escalations(actions: list[Action], *, today: datetime.date) -> list[Planned]:
    """The Director's weekly summary of actions long overdue or long without progress."""
    week = rules.weekly_date(today=today, weekday=settings.REMINDER_DIGEST_WEEKDAY)
    if week is None:
        return []
    late, idle = [], []
    for action in actions:
        if (
            action.due_date
            and (today - action.due_date).days > settings.REMINDER_ESCALATE_OVERDUE_DAYS
        ):
            late.append(
                _item(action, f"Overdue by {days_in_words((today - action.due_date).days)}")
            )
        days = _days_without_progress(action, today)
        if days > settings.REMINDER_ESCALATE_NO_UPDATE_DAYS:
            idle.append(_item(action, f"No progress reported for {days_in_words(days)}"))
    if not late and not idle:
        return []
    sections = tuple(
        MailSection(heading, tuple(items))
        for heading, items in (
            (f"Overdue by more than {settings.REMINDER_ESCALATE_OVERDUE_DAYS} days", late),
            (f"No progress for more than {settings.REMINDER_ESCALATE_NO_UPDATE_DAYS} days", idle),
        )
        if items
    )
    return [_escalation(director, sections, week, len(late), len(idle)) for director in directors()]


def directors() -> list[User]:
    group = Group.objects.filter(name=roles.DIRECTOR).first()
    return list(group.user_set.filter(is_active=True)) if group else []


def _escalation(director, sections, week, late: int, idle: int) -> Planned:
    return Planned(
        recipient=director, kind=Reminder.Kind.ESCALATION, about_key="escalation",
        about=f"Week of {day_in_words(week)}",
        reason=f"{late} long overdue, {idle} without progress", for_date=week,
        subject=f"Escalation: improvement plan actions off track, week of {day_in_words(week)}",
        intro="These actions are long overdue or have had no progress reported for a long time. "
        "Their leads have been reminded.",
        sections=sections,
    )  # fmt: skip
