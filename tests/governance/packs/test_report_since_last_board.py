"""The plan report's "Since the last board" section: the next pack compares with the
record kept at the board's previous meeting (governance.packs.reports.plan)."""

import datetime

from django.utils import timezone

from governance.models import Paper
from governance.packs.reports.plan import previous_record
from improvement_plan.models import Action
from improvement_plan.records.services import board_record_take
from tests.governance.factories import AgendaItemFactory, BoardFactory, MeetingFactory, PaperFactory
from tests.governance.packs.conftest import build, pack_bytes, page_texts
from tests.improvement_plan.factories import ActionFactory, PlanFactory


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(18), tzinfo=datetime.UTC)


def recorded(board, plan, *, day):
    record = board_record_take(
        plan=plan, occasion=f"{board.name}, then", presented_on=day,
        scorecard_period=None, user=None, today=day,
    )  # fmt: skip
    meeting = MeetingFactory(board=board, starts_at=at(day))
    meeting.board_record = record
    meeting.save()
    return meeting


def test_the_next_pack_says_what_changed_since_the_boards_last_record(db):
    board = BoardFactory(name="Improvement Board", slug="improvement-board")
    plan = PlanFactory(title="The plan")
    late = ActionFactory(
        objective__priority__plan=plan, reference="1.1.1", description="Run a session",
        due_date=days(-10),
    )  # fmt: skip
    done = ActionFactory(
        objective__priority__plan=plan, reference="1.1.2", description="Appoint", due_date=days(60)
    )
    recorded(board, plan, day=days(-30))
    Action.objects.filter(pk=done.pk).update(status=Action.Status.COMPLETE)
    meeting = MeetingFactory(board=board, starts_at=at(days(1)))
    item = AgendaItemFactory(meeting=meeting, order=5, title="Improvement plan")
    PaperFactory(agenda_item=item, kind=Paper.Kind.PLAN_REPORT, title="Progress", plan=plan)
    pack = build(meeting)
    assert pack.error == ""
    text = " ".join(" ".join(page_texts(pack_bytes(pack))[1:]).split())
    assert "Since the last board (Improvement Board, then)" in text
    assert "1 newly overdue: 1.1.1" in text
    assert "1 completed: 1.1.2" in text
    assert "2 actions changed RAG: 1 better, 1 worse" in text
    assert "RAG at each board" in text
    assert "This pack, as at" in text
    assert late.reference in text


def test_another_boards_record_or_another_plans_is_not_compared(db):
    plan, other_plan = PlanFactory(title="The plan"), PlanFactory(title="Old plan")
    board, other_board = BoardFactory(slug="board"), BoardFactory(slug="other")
    recorded(other_board, plan, day=days(-30))
    meeting = MeetingFactory(board=board, starts_at=at(days(1)))
    assert previous_record(meeting, plan) is None
    recorded(board, other_plan, day=days(-20))
    assert previous_record(meeting, plan) is None
    kept = recorded(board, plan, day=days(-40))
    assert previous_record(meeting, plan) is None, "the latest earlier record is another plan's"
    assert previous_record(MeetingFactory(board=board, starts_at=at(days(-35))), plan) == (
        kept.board_record
    )


def test_a_board_with_no_earlier_record_says_so(db):
    board = BoardFactory(slug="board")
    plan = PlanFactory(title="The plan")
    ActionFactory(objective__priority__plan=plan)
    meeting = MeetingFactory(board=board, starts_at=at(days(1)))
    item = AgendaItemFactory(meeting=meeting, order=5, title="Improvement plan")
    PaperFactory(agenda_item=item, kind=Paper.Kind.PLAN_REPORT, title="Progress", plan=plan)
    text = " ".join(" ".join(page_texts(pack_bytes(build(meeting)))[1:]).split())
    assert "This board kept no earlier record" in text
