"""The demo council: Tameside MBC's children's services improvement governance.

Built from the project's own copies of real published documents, kept under
governance/fixtures/demo/: the improvement plan (priorities 1-3), the October 2022 and
June 2023 scorecards, and council.json describing organisations, posts and their
aliases, people and the posts they hold, boards, memberships and meetings with their
agendas. Councillors are named as in the published minutes; officers are invented.

Loading is idempotent: every row is found by its natural key before it is created, and
the plan and scorecards go through the ordinary importers, which match what they hold.
Demo passwords are set here only, for the one demo sign-in per role.

The story is loaded by its written dates and then moved by whole years to stand around
today (governance.demo_dates), so the importers always match what they made; the packs
are built and the tracked activity recorded after the move, in today's dates.
"""

import datetime
import json
import zoneinfo
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from governance.demo_activity import demo_plan_activity
from governance.demo_dates import demo_dates_move, demo_figures_not_yet_reported_remove
from governance.demo_meetings import (
    demo_held_board_day,
    demo_meeting_packs,
    demo_meeting_record,
)
from governance.domain.demo_dates import demo_year_shift, story_today, years_later
from governance.domain.municipal_year import municipal_year
from governance.env import env_str
from governance.models import (
    AgendaItem,
    Board,
    Meeting,
    Membership,
    Organisation,
    Post,
    PostAlias,
    PostHolder,
    User,
)
from improvement_plan.importing import PlanImportReport, plan_import
from improvement_plan.link_services import action_indicator_links_apply
from improvement_plan.models import Plan
from scorecard.importing import ScorecardImportReport, scorecard_import
from scorecard.judgement_services import indicator_judgements_refresh
from scorecard.models import Indicator, ServiceArea
from scorecard.services import indicator_polarities_apply

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "demo"
DESCRIPTION = FIXTURES / "council.json"
DIRECTOR_EMAIL = "dcs@demo.tameside.example"  # links actions to indicators
PAPERS_NOTICE = datetime.timedelta(days=14)  # the demo's papers are due a fortnight ahead


def demo_password() -> str:
    """The password of every demo sign-in: DEMO_PASSWORD, or the documented default."""
    return env_str("DEMO_PASSWORD", "tameside-demo-2023")


@cache
def demo_description() -> dict:
    """The demo council as described in governance/fixtures/demo/council.json."""
    return json.loads(DESCRIPTION.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class DemoSignIn:
    email: str
    password: str
    role: str
    full_name: str
    job_title: str


def demo_sign_ins() -> list[DemoSignIn]:
    """One sign-in per role, in the order of the description."""
    return [
        DemoSignIn(p["email"], demo_password(), p["roles"][0], p["full_name"], p["job_title"])
        for p in demo_description()["people"]
        if p.get("demo_sign_in")
    ]


@dataclass
class DemoReport:
    plan: PlanImportReport | None = None
    scorecards: list[ScorecardImportReport] = field(default_factory=list)
    passwords_set: int = 0
    activity: int = 0
    years_moved: int = 0


@transaction.atomic
def demo_council_load(*, today: datetime.date, as_written: bool = False) -> DemoReport:
    """Builds (or brings up to date) the demo council; running it twice creates nothing.

    The story is loaded by its written dates and then moved by whole years to stand
    around today (governance.domain.demo_dates), unless `as_written`. A story moved by an
    earlier load is moved back first, so a second load never moves it twice.
    """
    data = demo_description()
    report = DemoReport(years_moved=0 if as_written else demo_story_years(data, today))
    _story_move(data, years=-_years_already_moved(data["plan"]))
    story = story_today(today=today, years=report.years_moved)
    organisations = _organisations(data["organisations"])
    posts = _posts(data["posts"], organisations)
    people = _people(data["people"], organisations, posts, report)
    boards = _boards(data["boards"], organisations, people)
    _meetings(data["meetings"], boards, now=years_later(timezone.now(), -report.years_moved))
    report.plan = _plan(data["plan"], people, story)
    report.scorecards = [_scorecard(entry, people) for entry in data["scorecards"]]
    demo_figures_not_yet_reported_remove(
        story_today=story, service_area_prefixes=list(data["service_area_heads"])
    )
    _judgements_refresh(data)
    indicator_polarities_apply(source=FIXTURES / "indicator-polarity.csv")
    action_indicator_links_apply(
        path=FIXTURES / "action-indicator-links.csv", user=people.get(DIRECTOR_EMAIL)
    )
    for prefix, post_name in data["service_area_heads"].items():
        ServiceArea.objects.filter(prefix=prefix).exclude(head_of_service=posts[post_name]).update(
            head_of_service=posts[post_name]
        )
    demo_meeting_record(boards=boards, people=people, story_today=story)
    _story_move(data, years=report.years_moved)
    _judgements_refresh(data)
    demo_meeting_packs(boards=boards, people=people, today=today)
    report.activity = demo_plan_activity(plan=Plan.objects.get(pk=report.plan.plan_id), today=today)
    return report


def demo_story_years(data: dict, today: datetime.date) -> int:
    """The whole years that put the demo's latest held board in the recent past."""
    return demo_year_shift(held=demo_held_board_day(data["meetings"]), today=today)


def _years_already_moved(plan: dict) -> int:
    """How far an earlier load moved the story: the plan's start against its written one."""
    starts_on = Plan.objects.filter(title=plan["title"]).values_list("starts_on", flat=True)
    moved = starts_on.first()
    return moved.year - _date(plan["starts_on"]).year if moved else 0


def _story_move(data: dict, *, years: int) -> None:
    demo_dates_move(
        years=years,
        plan_title=data["plan"]["title"],
        board_slugs=[board["slug"] for board in data["boards"]],
        people_emails=[person["email"] for person in data["people"]],
        service_area_prefixes=list(data["service_area_heads"]),
    )


def _judgements_refresh(data: dict) -> None:
    """The stored SPC judgements of the demo's indicators worked out again: removing the
    months not yet over and moving the story's dates write values without the services."""
    indicators = Indicator.objects.filter(service_area__prefix__in=list(data["service_area_heads"]))
    indicator_judgements_refresh(indicator_ids=list(indicators.values_list("pk", flat=True)))


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def _organisations(rows: list[dict]) -> dict[str, Organisation]:
    found = {}
    for row in rows:
        organisation, _ = Organisation.objects.get_or_create(
            name=row["name"], defaults={"short_name": row["short_name"], "kind": row["kind"]}
        )
        found[row["name"]] = organisation
    return found


def _posts(rows: list[dict], organisations: dict[str, Organisation]) -> dict[str, Post]:
    """Posts the plan names, with the other ways it writes them as aliases."""
    found = {}
    for row in rows:
        post, _ = Post.objects.get_or_create(
            name=row["name"],
            defaults={
                "title": row["title"],
                "organisation": organisations.get(row["organisation"]),
            },
        )
        if post.needs_review:  # an earlier import created it; the demo confirms it
            Post.objects.filter(pk=post.pk).update(needs_review=False)
        for alias in row["aliases"]:
            if not PostAlias.objects.filter(alias__iexact=alias).exists():
                PostAlias.objects.create(post=post, alias=alias)
        found[row["name"]] = post
    return found


def _people(rows: list[dict], organisations, posts, report: DemoReport) -> dict[str, User]:
    """People, their roles, the posts they hold, and a password for each demo sign-in."""
    found = {}
    groups = {group.name: group for group in Group.objects.all()}
    for row in rows:
        person = User.objects.filter(email__iexact=row["email"]).first()
        if person is None:
            person = User.objects.create_user(
                row["email"],
                full_name=row["full_name"],
                job_title=row["job_title"],
                organisation=organisations.get(row["organisation"]),
            )
        person.groups.add(*(groups[name] for name in row["roles"]))
        if row.get("demo_sign_in") and not person.check_password(demo_password()):
            person.set_password(demo_password())
            person.save(update_fields=["password"])
            report.passwords_set += 1
        for holding in row["posts"]:
            PostHolder.objects.get_or_create(
                post=posts[holding["post"]],
                person=person,
                start_date=_date(holding["start_date"]),
                defaults={
                    "end_date": _date(holding.get("end_date")),
                    "is_acting": holding.get("is_acting", False),
                },
            )
        found[row["email"]] = person
    return found


def _boards(rows: list[dict], organisations, people) -> dict[str, Board]:
    found = {}
    for row in rows:
        fields = (
            "name",
            "kind",
            "terms_of_reference",
            "contact_name",
            "contact_email",
            "default_place",
        )
        board, _ = Board.objects.get_or_create(
            slug=row["slug"], defaults={name: row[name] for name in fields}
        )
        for member in row["memberships"]:
            Membership.objects.get_or_create(
                board=board,
                person=people[member["person"]],
                start_date=_date(member["start_date"]),
                defaults={
                    "role": member["role"],
                    "organisation": organisations.get(member.get("organisation")),
                    "end_date": _date(member.get("end_date")),
                },
            )
        found[row["slug"]] = board
    return found


def _local(text: str | None) -> datetime.datetime | None:
    if not text:
        return None
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime.fromisoformat(text).replace(tzinfo=zone)


def _meetings(rows: list[dict], boards: dict[str, Board], *, now: datetime.datetime) -> None:
    """Meetings and their agendas. Their record (governance.demo_meetings) approves minutes."""
    for row in rows:
        starts_at = _local(row["starts_at"])
        meeting, _ = Meeting.objects.get_or_create(
            board=boards[row["board"]],
            starts_at=starts_at,
            defaults={
                "ends_at": _local(row.get("ends_at")),
                "place": row["place"],
                "status": _meeting_status(row, starts_at, now),
                "municipal_year": municipal_year(timezone.localdate(starts_at)),
            },
        )
        if meeting.papers_deadline is None:  # also for a demo loaded before deadlines
            deadline = timezone.localdate(starts_at) - PAPERS_NOTICE
            Meeting.objects.filter(pk=meeting.pk).update(papers_deadline=deadline)
        for order, entry in enumerate(row["agenda"], start=1):
            AgendaItem.objects.get_or_create(
                meeting=meeting,
                order=order,
                defaults={"title": entry["title"], "description": entry["description"]},
            )


def _meeting_status(row: dict, starts_at, now) -> str:
    """As given, else scheduled until the meeting starts and held after: a meeting's
    minutes are approved only by minutes_approve, at a later meeting."""
    if row.get("status"):
        return row["status"]
    return Meeting.Status.SCHEDULED if starts_at >= now else Meeting.Status.HELD


def _plan(entry: dict, people: dict[str, User], today: datetime.date) -> PlanImportReport:
    """The improvement plan, imported from the project's copy of the published table."""
    report = plan_import(
        source=FIXTURES / entry["file"],
        filename=entry["file"],
        plan_title=entry["title"],
        dry_run=False,
        user=people.get(entry.get("imported_by")),
        today=today,
    )
    Plan.objects.filter(pk=report.plan_id).update(
        starts_on=_date(entry["starts_on"]), ends_on=_date(entry["ends_on"]), vision=entry["vision"]
    )
    return report


def _scorecard(entry: dict, people: dict[str, User]) -> ScorecardImportReport:
    return scorecard_import(
        source=FIXTURES / entry["file"],
        filename=entry["file"],
        period=_date(entry["period"]),
        dry_run=False,
        user=people.get(entry.get("imported_by")),
    )
