"""Puts the home page together: the sections a person sees (governance.domain.home) and,
for each, what it reads. Only the sections shown are read."""

import datetime

from governance.domain import home as rules
from governance.domain.minutes import days_overdue, overdue_in_words
from governance.home.director import director_page
from governance.home.meetings import next_meetings
from governance.home.summaries import summaries
from governance.home.work import administrator_work, approvals_queue, returns
from governance.minutes.selectors import open_actions_arising_for
from governance.selectors import post_ids_held, posts_held
from improvement_plan.action_selectors import open_challenges_for
from improvement_plan.selectors import my_action_rows

DEMOCRATIC_MEETINGS = 10


def actions_arising_rows(*, person, today) -> list[dict]:
    """The person's open actions from meetings' minutes, with overdue in words."""
    return [
        {
            "action": action,
            "overdue": overdue_in_words(
                days_overdue(status=action.status, due_date=action.due_date, today=today)
            ),
        }
        for action in open_actions_arising_for(person=person)
    ]


def held_roles(person) -> set[str]:
    names = set(person.groups.values_list("name", flat=True))
    if person.is_superuser:
        names.add(rules.roles.ADMINISTRATOR)
    return names


def sections_for(person, *, today: datetime.date) -> tuple[str, ...]:
    holds_posts = bool(post_ids_held(person=person, today=today))
    return rules.home_sections(held_roles=held_roles(person), holds_posts=holds_posts)


def home_page(*, person, today: datetime.date, now: datetime.datetime) -> dict:
    """The context of each section `person` sees, keyed by section (and what every home
    shows: posts held, open challenges on their actions, actions from meetings)."""
    sections = sections_for(person, today=today)
    page = {
        "sections": sections,
        "heading": rules.home_heading(sections),
        "posts": list(posts_held(person=person, today=today)),
        "challenges": list(open_challenges_for(person=person, today=today)),
        "actions_arising": actions_arising_rows(person=person, today=today),
    }
    if rules.DIRECTOR in sections:
        page["director"] = director_page(person=person, today=today, now=now)
    if rules.ACTIONS in sections:
        page["my_actions"] = my_action_rows(person=person, today=today)
    if rules.PERFORMANCE in sections:
        page["returns"] = returns(today=today)
        page["approvals"] = approvals_queue()
    if rules.DEMOCRATIC in sections:
        meetings = next_meetings(user=person, now=now, today=today, limit=DEMOCRATIC_MEETINGS)
        page["meetings"] = meetings
        page["packs_to_act"] = [row for row in meetings if row.to_build or row.to_publish]
    if rules.ADMINISTRATOR in sections:
        page["administrator"] = administrator_work(today=today, now=now)
    if rules.SUMMARIES in sections:
        page["summaries"] = summaries(today=today)
    return page
