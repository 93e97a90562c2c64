"""`manage.py load_demo` and `manage.py demo_signins`: the demo council (governance.demo)."""

import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone

from governance import demo_meetings, roles
from governance.demo import demo_password, demo_sign_ins
from governance.management.commands.load_demo import demo_counts
from governance.models import (
    ActionArising,
    AgendaItem,
    Attendance,
    Board,
    Meeting,
    Minute,
    Pack,
    Paper,
    Post,
    PostHolder,
    User,
)
from governance.packs import services as packs_services
from governance.selectors import posts_held
from improvement_plan.domain.due_dates import days_overdue
from improvement_plan.models import Action, Plan
from scorecard.models import Indicator, IndicatorValue, ServiceArea

pytestmark = pytest.mark.django_db
DEMO_DOMAIN = "@demo.tameside.example"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def no_demo_packs(request, monkeypatch):
    """Building the demo's two packs takes seconds: only tests marked with_packs do it."""
    if "with_packs" not in request.fixturenames:
        monkeypatch.setattr(demo_meetings, "_packs", lambda meeting, *, user: None)


@pytest.fixture
def with_packs():
    """Requested by a test that needs the demo's packs built."""


def load(*options: str) -> str:
    """Loads the demo; by its written dates unless told a `--today` to move it to."""
    out = io.StringIO()
    if not any(option.startswith("--today") for option in options):
        options = ("--as-written", *options)
    call_command("load_demo", "--allow-without-debug", *options, stdout=out)
    return out.getvalue()


@pytest.fixture
def loaded(db):
    load()


def test_loading_twice_creates_nothing_new():
    load()
    first = demo_counts()
    second_output = load()

    assert demo_counts() == first
    assert not re.search(r"\(\+[1-9]", second_output)
    assert first["actions"] == 41
    assert first["indicators"] == 126
    assert first["indicator values"] == 241
    assert first["boards"] == 4


def test_no_demo_person_exists_before_loading():
    assert not User.objects.filter(email__endswith=DEMO_DOMAIN).exists()


def test_it_refuses_without_debug_unless_told(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", stdout=io.StringIO())


def test_one_demo_sign_in_per_role_that_signs_in(loaded):
    sign_ins = demo_sign_ins()

    assert sorted(s.role for s in sign_ins) == sorted(roles.ALL_ROLES)
    for sign_in in sign_ins:
        person = User.objects.get(email=sign_in.email)
        assert person.check_password(demo_password())
        assert list(person.groups.values_list("name", flat=True)) == [sign_in.role]
    others = User.objects.exclude(email__in=[s.email for s in sign_ins])
    assert not any(person.has_usable_password() for person in others)


def test_demo_signins_prints_email_password_and_role(loaded):
    out = io.StringIO()
    call_command("demo_signins", stdout=out)

    lines = out.getvalue().splitlines()
    for sign_in in demo_sign_ins():
        assert any(
            sign_in.email in line and demo_password() in line and sign_in.role in line
            for line in lines
        )
    assert "load_demo" not in out.getvalue()


@pytest.mark.parametrize("role", [roles.BOARD_MEMBER, roles.LEAD_OFFICER])
def test_board_member_and_lead_officer_lead_overdue_actions(loaded, role):
    today = datetime.date(2023, 3, 7)
    person = User.objects.get(email=next(s.email for s in demo_sign_ins() if s.role == role))

    led = Action.objects.filter(lead_posts__in=posts_held(person=person, today=today)).distinct()
    overdue = [
        a
        for a in led
        if days_overdue(due_date=a.due_date, is_complete=a.is_complete, today=today) is not None
    ]
    assert led.count() >= 3
    assert len(overdue) >= 2


def test_the_plan_and_scorecards_are_imported(loaded):
    plan = Plan.objects.get()
    assert plan.title == "Tameside Children's Social Care Improvement Plan June 2022 - June 2023"
    assert plan.vision.startswith("That we fulfil all focussed actions")
    assert (plan.starts_on, plan.ends_on) == (datetime.date(2022, 6, 1), datetime.date(2023, 6, 30))
    assert list(plan.priorities.values_list("number", flat=True)) == [1, 2, 3]
    assert set(IndicatorValue.objects.values_list("period", flat=True)) == {
        datetime.date(2022, 10, 1),
        datetime.date(2023, 6, 1),
    }
    assert ServiceArea.objects.get(prefix="CIN").head_of_service.name == "HoS CIN/CP"
    assert Indicator.objects.filter(service_area__head_of_service__isnull=True).count() == 0
    assert Post.objects.get(name="AD CSC").aliases.filter(alias="ADCSC").exists()
    assert not Post.objects.get(name="AD EH&P").needs_review


def test_every_demo_indicator_has_a_polarity_from_the_fixture(loaded):
    """Issue 12: the demo's indicators carry a polarity chosen from what they measure
    (governance/fixtures/demo/indicator-polarity.csv), so none is left not set."""
    polarities = dict(Indicator.objects.values_list("ref", "polarity"))
    assert len(polarities) == 126
    assert Indicator.Polarity.NOT_SET not in polarities.values()
    chosen = [polarities[ref] for ref in ("CIN8", "CIN4", "CF1", "WF6")]
    assert chosen == ["higher", "lower", "neither", "band"]
    reasons = Indicator.history.filter(ref="CIN8", history_change_reason__startswith="Polarity")
    assert reasons.exists()


def test_the_scrutiny_panel_and_its_january_meeting(loaded):
    panel = Board.objects.get(kind=Board.Kind.SCRUTINY_PANEL)
    chair = panel.memberships.get(role="chair").person
    assert chair.full_name == "Councillor T Sharif"
    assert panel.memberships.filter(person__full_name__startswith="Councillor").count() == 9

    meeting = Meeting.objects.get(board=panel, starts_at__date=datetime.date(2023, 1, 11))
    assert timezone.localtime(meeting.starts_at).time() == datetime.time(18, 0)
    assert meeting.place == "Committee Room 1 - Tameside One"
    items = AgendaItem.objects.filter(meeting=meeting)
    assert list(items.values_list("order", flat=True)) == list(range(1, 11))
    assert items.get(order=5).title == "Tameside Children's Social Care Improvement Plan"
    assert Meeting.objects.filter(board=panel).count() == 4
    improvement_board = Board.objects.get(kind=Board.Kind.IMPROVEMENT_BOARD)
    assert Meeting.objects.filter(board=improvement_board).count() >= 12


def test_the_november_minutes_are_recorded_and_approved_in_january(loaded):
    november = Meeting.objects.get(starts_at__date=datetime.date(2022, 11, 2))
    january = Meeting.objects.get(starts_at__date=datetime.date(2023, 1, 11))

    assert list(november.minutes.values_list("number", flat=True)) == list(range(16, 23))
    assert november.minutes.get(number=18).agenda_item.title == "Children's placement sufficiency"
    statuses = list(Attendance.objects.filter(meeting=november).values_list("status", flat=True))
    assert statuses.count(Attendance.Status.PRESENT) == 6
    assert statuses.count(Attendance.Status.APOLOGIES) == 3
    assert (november.commenced_at, november.terminated_at) == (
        datetime.time(18, 0),
        datetime.time(19, 35),
    )
    assert november.minutes_approved_at == january
    assert (november.municipal_year, january.municipal_year) == ("2022/23", "2022/23")
    assert november.status == Meeting.Status.MINUTES_APPROVED
    actions = ActionArising.objects.filter(minute__meeting=november).order_by("due_date")
    assert [(a.minute.number, a.status) for a in actions] == [(20, "done"), (20, "open")]
    assert Meeting.objects.filter(status=Meeting.Status.MINUTES_APPROVED).count() == 1


def test_the_january_papers_are_those_of_the_real_pack(loaded):
    january = Meeting.objects.get(starts_at__date=datetime.date(2023, 1, 11))
    papers = Paper.objects.filter(agenda_item__meeting=january).order_by("agenda_item__order")

    assert [(p.agenda_item.order, p.kind) for p in papers] == [
        (3, Paper.Kind.PREVIOUS_MINUTES),
        (4, Paper.Kind.UPLOADED),
        (5, Paper.Kind.PLAN_REPORT),
        (6, Paper.Kind.SCORECARD_REPORT),
    ]
    presentation = papers.get(kind=Paper.Kind.UPLOADED)
    assert presentation.page_count == 10
    assert presentation.file.read().startswith(b"%PDF-")
    assert papers.get(kind=Paper.Kind.SCORECARD_REPORT).scorecard_period == datetime.date(
        2022, 10, 1
    )
    assert not Minute.objects.filter(meeting=january).exists()


def test_the_january_packs_are_built_and_the_public_one_published(loaded, with_packs):
    january = Meeting.objects.get(starts_at__date=datetime.date(2023, 1, 11))
    packs = {pack.audience: pack for pack in Pack.objects.filter(meeting=january)}

    assert set(packs) == {Pack.Audience.FULL, Pack.Audience.PUBLIC}
    assert all(pack.state == Pack.State.BUILT for pack in packs.values())
    assert packs[Pack.Audience.PUBLIC].published_at is not None
    assert packs[Pack.Audience.FULL].published_at is None
    starts = [(entry["number"], entry["first"]) for entry in packs["public"].item_pages]
    # As the real pack: minutes at 1-4, the presentation at 5-14, the plan from 15.
    assert starts[:3] == [(3, 1), (4, 5), (5, 15)]
    load()
    assert Pack.objects.filter(meeting=january).count() == 2


# The story moved to stand around today (issue 12, section 8).
TODAY = datetime.date(2026, 2, 1)  # the story moves by 3 years: 11 January 2026 is held


def story_dates() -> dict:
    """The story's dates, to compare one load with another."""
    return {
        "plan": list(Plan.objects.values_list("starts_on", "ends_on")),
        "due": sorted(Action.objects.values_list("reference", "due_date")),
        "meetings": sorted(Meeting.objects.values_list("starts_at", "municipal_year")),
        "periods": sorted(set(IndicatorValue.objects.values_list("period", flat=True))),
        "arising": sorted(ActionArising.objects.values_list("due_date", "completed_on")),
        "holders": sorted(PostHolder.objects.values_list("person__email", "start_date")),
        "papers": sorted(Paper.objects.exclude(scorecard_period=None).values_list(
            "scorecard_period", flat=True)),
    }  # fmt: skip


def load_on(today: datetime.date, *, years: int) -> tuple[Meeting, Meeting]:
    """Loads the story moved to stand around `today`: the latest meeting held before
    midday that day, and the first one after."""
    output = load("--today", today.isoformat())
    assert f"story moved by {years} years to stand around {today.isoformat()}" in output
    now = timezone.make_aware(datetime.datetime.combine(today, datetime.time(12)))
    held = Meeting.objects.filter(starts_at__lt=now).latest("starts_at")
    return held, Meeting.objects.filter(starts_at__gt=now).earliest("starts_at")


def test_the_story_stands_around_today_with_the_latest_board_held_and_the_next_ahead(
    with_packs, settings, capsys, monkeypatch
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    on_commit = transaction.on_commit

    def announce_at_once(callback, *args, **kwargs):
        """The pack's notices go when the load commits, inside the command, as they do
        outside tests (here the test's transaction would hold them until after it).
        Only the pack's build task waits: the demo builds its packs itself."""
        task = getattr(callback, "func", None)
        if getattr(task, "__qualname__", "") == packs_services._enqueue.__qualname__ and (
            task.__module__ == packs_services.__name__
        ):
            return on_commit(callback, *args, **kwargs)
        return callback()

    monkeypatch.setattr(transaction, "on_commit", announce_at_once)
    held, ahead = load_on(TODAY, years=3)
    assert timezone.localdate(held.starts_at) == datetime.date(2026, 1, 18)
    assert timezone.localdate(ahead.starts_at) == datetime.date(2026, 2, 15)
    panel = Meeting.objects.get(starts_at__date=datetime.date(2026, 1, 11))
    assert panel.municipal_year == "2025/26"
    assert timezone.localtime(panel.starts_at).time() == datetime.time(18, 0)
    public = Pack.objects.get(meeting=panel, audience=Pack.Audience.PUBLIC)
    assert public.state == Pack.State.BUILT
    assert public.published_at is not None
    november = Meeting.objects.get(starts_at__date=datetime.date(2025, 11, 2))
    assert november.minutes_approved_at == panel
    assert set(november.minutes.values_list("municipal_year", flat=True)) == {"2025/26"}
    assert Meeting.objects.filter(starts_at__date=datetime.date(2023, 1, 11)).count() == 0
    reports = Paper.objects.filter(kind=Paper.Kind.SCORECARD_REPORT)
    assert reports.get(agenda_item__meeting=panel).scorecard_period == datetime.date(2025, 10, 1)
    board_pack = Pack.objects.get(meeting=held, audience=Pack.Audience.PUBLIC)
    assert board_pack.published_at is not None  # the latest board's pack, published too
    assert reports.get(agenda_item__meeting=held).scorecard_period == datetime.date(2025, 10, 1)
    assert "Subject:" not in capsys.readouterr().out  # no mail printed while loading


def test_the_moved_plan_is_part_way_through_and_nothing_long_overdue():
    load("--today", TODAY.isoformat())

    plan = Plan.objects.get()
    assert (plan.starts_on, plan.ends_on) == (datetime.date(2025, 6, 1), datetime.date(2026, 6, 30))
    actions = list(Action.objects.exclude(due_date=None))
    late = [
        days_overdue(due_date=a.due_date, is_complete=a.is_complete, today=TODAY) or 0
        for a in actions
    ]
    assert any(a.is_complete for a in actions)
    assert any(a.due_date > TODAY and not a.is_complete for a in actions)
    assert max(late) <= 400
    # June's scorecard is not out on 1 February: only October's figures are held.
    assert set(IndicatorValue.objects.values_list("period", flat=True)) == {
        datetime.date(2025, 10, 1)
    }
    holder = PostHolder.objects.filter(person__email="dcs@demo.tameside.example").first()
    assert holder is None or holder.start_date.year >= 2024


def test_a_second_load_moves_nothing_again_and_as_written_moves_it_back():
    load("--today", TODAY.isoformat())
    first_counts, first_dates = demo_counts(), story_dates()

    second = load("--today", TODAY.isoformat())

    assert demo_counts() == first_counts
    assert story_dates() == first_dates
    assert not re.search(r"\(\+[1-9]", second)
    load()  # --as-written: the June 2023 scorecard is out by today, so its figures come in
    june = IndicatorValue.objects.filter(period=datetime.date(2023, 6, 1)).count()
    assert june == 123
    assert demo_counts()["indicator values"] == first_counts["indicator values"] + june
    assert Plan.objects.get().starts_on == datetime.date(2022, 6, 1)
    assert Meeting.objects.filter(starts_at__date=datetime.date(2023, 1, 11)).exists()


def test_in_december_the_story_stands_in_the_autumn_before_the_january_board():
    """On 3 December the demo stands on 3 December 2022 (moved by 4 years): the plan is
    six months in, November's boards are held, December's and January's are ahead."""
    december = datetime.date(2026, 12, 3)
    held, ahead = load_on(december, years=4)
    assert timezone.localdate(held.starts_at) == datetime.date(2026, 11, 16)
    assert timezone.localdate(ahead.starts_at) == datetime.date(2026, 12, 14)
    assert ahead.papers_deadline == datetime.date(2026, 11, 30)
    assert Paper.objects.filter(agenda_item__meeting=held).count() == 2  # plan and scorecard
    record = held.board_record  # its record, judged as on the day it sat
    assert record.presented_on == datetime.date(2026, 11, 16)
    overdue_then = {row["reference"] for row in record.actions if row["overdue"]}
    overdue_now = {
        a.reference
        for a in Action.objects.exclude(due_date=None)
        if days_overdue(due_date=a.due_date, is_complete=a.is_complete, today=december)
    }
    assert overdue_then <= overdue_now  # judged as on 16 November, not later
    november = Meeting.objects.get(starts_at__date=datetime.date(2026, 11, 2))
    assert november.minutes.exists()
    assert november.minutes_approved_at is None
    january = Meeting.objects.get(starts_at__date=datetime.date(2027, 1, 11))
    assert january.status == Meeting.Status.SCHEDULED
    assert Paper.objects.filter(agenda_item__meeting=january).count() == 4  # papers are in
    assert set(IndicatorValue.objects.values_list("period", flat=True)) == {
        datetime.date(2026, 10, 1)
    }
    late = [
        days_overdue(due_date=a.due_date, is_complete=a.is_complete, today=december) or 0
        for a in Action.objects.exclude(due_date=None)
    ]
    assert 0 < max(late) <= 200
