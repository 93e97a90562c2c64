"""The generated papers: what each says, read back from the built pack."""

import datetime
import io

import pytest
from pypdf import PdfReader

from governance.models import Attendance, Membership, Pack, Paper
from scorecard.models import Commentary, IndicatorValue
from tests.governance.factories import (
    ActionArisingFactory,
    AgendaItemFactory,
    AttendanceFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteFactory,
    PaperFactory,
    UserFactory,
)
from tests.governance.packs.conftest import build, pack_bytes, page_texts
from tests.improvement_plan.factories import (
    ActionFactory,
    ObjectiveFactory,
    PlanFactory,
    PriorityFactory,
    ProgressUpdateFactory,
)
from tests.scorecard.factories import IndicatorFactory, ServiceAreaFactory, TargetFactory


def paper_text(meeting, kind, audience=Pack.Audience.FULL, **paper) -> str:
    """The text of the pack's numbered pages, one generated paper on item 5."""
    item = AgendaItemFactory(meeting=meeting, order=5, title=paper.pop("item", "Report"))
    PaperFactory(agenda_item=item, kind=kind, title=paper.pop("title", "The report"), **paper)
    pack = build(meeting, audience)
    assert pack.state == Pack.State.BUILT, pack.error
    return " ".join(" ".join(page_texts(pack_bytes(pack))[1:]).split())


@pytest.fixture
def plan():
    plan = PlanFactory(title="Improvement Plan 2022-23")
    priority = PriorityFactory(plan=plan, number=1, title="Improvement Board accountability")
    objective = ObjectiveFactory(priority=priority, title="Improve Governance")
    late = ActionFactory(
        objective=objective, reference="1.1.1", description="Run a development session",
        due_date=datetime.date(2022, 6, 20), timeframe_as_written="DCS 20th June 2022",
        reported_rag="green",
    )  # fmt: skip
    ActionFactory(
        objective=objective, reference="1.1.2", description="Appoint an adviser",
        status="complete", timeframe_as_written="By August 2022",
    )  # fmt: skip
    ProgressUpdateFactory(action=late, text="Review day planned", is_imported=True)
    return plan


def test_plan_report_in_the_plans_layout_with_rag_in_words(meeting, plan):
    text = paper_text(meeting, Paper.Kind.PLAN_REPORT, item="Improvement plan", plan=plan)

    assert "Agenda Item 5: IMPROVEMENT PLAN" in text
    assert "As at " in text
    assert "RAG summary" in text
    assert "Item Action Lead/ Timeframe Progress/ Comments RAG" in text
    assert "1. Improvement Board accountability" in text
    assert "1.1.1 Run a development session DCS 20th June 2022 Review day planned" in text
    assert "Red Overdue by" in text
    assert "Lead reports Green" in text
    assert "Blue (complete) Complete" in text
    assert "All priorities 1 0 0 1 2 50%" in text


def test_plan_report_without_a_plan_says_so(meeting):
    text = paper_text(meeting, Paper.Kind.PLAN_REPORT)

    assert "No improvement plan has been set up" in text


@pytest.fixture
def scorecard_area():
    area = ServiceAreaFactory(prefix="FD", title="Front Door")
    indicator = IndicatorFactory(service_area=area, ref="FD8", title="Screenings in 72 hours")
    TargetFactory(indicator=indicator, written="85-90%", low=85, high=90)
    for month, value in ((1, 80), (2, 70), (3, 60), (4, 50), (5, 40), (6, 30)):
        IndicatorValue.objects.create(
            indicator=indicator, period=datetime.date(2023, month, 1), value=value,
            state=IndicatorValue.State.APPROVED,
        )  # fmt: skip
    IndicatorValue.objects.create(
        indicator=indicator, period=datetime.date(2023, 7, 1), value=99,
        state=IndicatorValue.State.SUBMITTED,
    )  # fmt: skip
    Commentary.objects.create(
        service_area=area, period=datetime.date(2023, 6, 1), text="Screening slowed in June.",
        state=Commentary.State.APPROVED,
    )  # fmt: skip
    Commentary.objects.create(
        service_area=area, period=datetime.date(2023, 7, 1), text="A draft for July.",
    )  # fmt: skip
    return area


def test_scorecard_report_on_landscape_pages_with_judgements_in_words(meeting, scorecard_area):
    text = paper_text(
        meeting, Paper.Kind.SCORECARD_REPORT, scorecard_period=datetime.date(2023, 6, 1)
    )

    assert "performance scorecard: June 2023" in text
    assert "Front Door (FD)" in text
    assert "Jan 23 Feb 23 Mar 23 Apr 23 May 23 Jun 23" in text
    assert "FD8 Screenings in 72 hours 80.0% 70.0% 60.0% 50.0% 40.0% 30.0%" in text
    assert "Red:" in text
    assert "Down, worsening" in text
    assert "Exceptions" in text
    assert "Screening slowed in June." in text
    reader_pages = PdfReader(io.BytesIO(pack_bytes(Pack.objects.get()))).pages
    assert any(page.mediabox.width > page.mediabox.height for page in reader_pages)


def test_scorecard_report_shows_only_approved_figures(meeting, scorecard_area):
    text = paper_text(
        meeting, Paper.Kind.SCORECARD_REPORT, scorecard_period=datetime.date(2023, 7, 1)
    )

    assert "99.0%" not in text
    assert "Not reported" in text
    assert "A draft for July." not in text
    assert "No approved commentary for July 2023" in text


@pytest.fixture
def previous(board, meeting):
    """The board's previous meeting, 2 November 2022, with an exempt minute."""
    before = MeetingFactory(
        board=board,
        starts_at=datetime.datetime(2022, 11, 2, 18, 0, tzinfo=datetime.UTC),
        commenced_at=datetime.time(18, 0),
        terminated_at=datetime.time(19, 35),
    )
    chair = UserFactory(full_name="Tafheen Sharif")
    membership = MembershipFactory(board=board, person=chair, role=Membership.Role.CHAIR)
    AttendanceFactory(meeting=before, person=chair, membership=membership)
    AttendanceFactory(
        meeting=before, person=UserFactory(full_name="Jo Homer"), status=Attendance.Status.APOLOGIES
    )
    MinuteFactory(
        meeting=before, number=18, title="Children's placement sufficiency",
        text="The Panel welcomed Tony Decrop.", resolved="That the update be noted.",
    )  # fmt: skip
    exempt_item = AgendaItemFactory(
        meeting=before, order=9, title="Contract award", exempt_paragraph=3
    )
    MinuteFactory(
        meeting=before, number=19, title="Contract award to Acme Care", agenda_item=exempt_item,
        text="The contract with Acme Care was discussed.",
    )  # fmt: skip
    return before


def test_previous_minutes_in_the_councils_layout(meeting, previous):
    text = paper_text(meeting, Paper.Kind.PREVIOUS_MINUTES, item="Minutes")

    assert "Children's Services Scrutiny Panel 2 November 2022" in text
    assert "Commenced: 6.00pm" in text
    assert "Terminated: 7.35pm" in text
    assert "Present: Tafheen Sharif (Chair)" in text
    assert "Apologies: Jo Homer" in text
    assert "18. CHILDREN'S PLACEMENT SUFFICIENCY The Panel welcomed Tony Decrop." in text
    assert "RESOLVED That the update be noted." in text
    assert "The contract with Acme Care was discussed." in text


def test_previous_minutes_list_the_chair_first_and_others_in_attendance(meeting, previous):
    member = UserFactory(full_name="Adam Martin")
    membership = MembershipFactory(board=previous.board, person=member)
    AttendanceFactory(meeting=previous, person=member, membership=membership)
    AttendanceFactory(meeting=previous, person=UserFactory(full_name="Tony Decrop"))

    text = paper_text(meeting, Paper.Kind.PREVIOUS_MINUTES, item="Minutes")

    assert "Present: Tafheen Sharif (Chair), Adam Martin" in text
    assert "In attendance: Tony Decrop" in text


def test_previous_minutes_in_the_public_pack_hide_exempt_minutes(meeting, previous):
    text = paper_text(meeting, Paper.Kind.PREVIOUS_MINUTES, Pack.Audience.PUBLIC)

    assert "19. CONTRACT AWARD This minute is exempt under paragraph 3 of Schedule 12A" in text
    assert "Acme Care" not in text


def test_action_log_lists_open_actions_and_those_closed_since_the_last_meeting(meeting, previous):
    minute = previous.minutes.get(number=18)
    ActionArisingFactory(
        minute=minute, description="Share the fostering strategy",
        owner=UserFactory(full_name="Susan Harris"), due_date=datetime.date(2022, 12, 1),
        progress="Draft shared with officers",
    )  # fmt: skip
    ActionArisingFactory(
        minute=minute, description="Circulate the CMA report", status="done",
        completed_on=datetime.date(2022, 12, 5),
    )  # fmt: skip
    ActionArisingFactory(
        minute=minute, description="Closed long ago", status="done",
        completed_on=datetime.date(2022, 10, 1),
    )  # fmt: skip
    text = paper_text(meeting, Paper.Kind.ACTION_LOG, item="Action log")

    assert "Minute Action Owner Due date Status Progress" in text
    assert (
        "Minute 18 (2 November 2022) Share the fostering strategy Susan Harris "
        "1 December 2022 Open, overdue Draft shared with officers" in text
    )
    assert "Circulate the CMA report" in text
    assert "Done on 5 December 2022" in text
    assert "Closed long ago" not in text
