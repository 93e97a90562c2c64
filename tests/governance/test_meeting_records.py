"""A meeting's record "as presented" (governance.records.services): kept when its pack
is first published, once, and never changed by later edits of actions or figures."""

import datetime

import pytest

from governance.models import Pack, Paper
from governance.packs import services as packs
from governance.records.services import meeting_record_keep, occasion
from improvement_plan.models import Action, BoardRecord
from scorecard.models import IndicatorValue
from tests.governance.factories import (
    AgendaItemFactory,
    BoardFactory,
    MeetingFactory,
    PackFactory,
    PaperFactory,
)
from tests.improvement_plan.factories import ActionFactory, PlanFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, TargetFactory

pytestmark = pytest.mark.django_db
APPROVED = IndicatorValue.State.APPROVED
JANUARY = datetime.datetime(2023, 1, 11, 18, 0, tzinfo=datetime.UTC)


@pytest.fixture
def presented():
    """A board meeting presented the plan report and the November 2022 scorecard, with
    one action overdue and one indicator Red in November (a figure for December waits)."""
    plan = PlanFactory(title="The plan")
    action = ActionFactory(
        objective__priority__plan=plan, reference="1.1.1", due_date=datetime.date(2022, 12, 1)
    )
    indicator = IndicatorFactory(ref="CIN8")
    TargetFactory(indicator=indicator, written=">85%", kind="min", low=85, high=None)
    IndicatorValueFactory(
        indicator=indicator, period=datetime.date(2022, 11, 1), value=70, state=APPROVED
    )
    IndicatorValueFactory(indicator=indicator, period=datetime.date(2022, 12, 1), value=95)
    meeting = MeetingFactory(board=BoardFactory(name="Improvement Board"), starts_at=JANUARY)
    item = AgendaItemFactory(meeting=meeting, order=1, title="Plan and scorecard")
    PaperFactory(agenda_item=item, kind=Paper.Kind.PLAN_REPORT, plan=plan)
    PaperFactory(
        agenda_item=item,
        kind=Paper.Kind.SCORECARD_REPORT,
        scorecard_period=datetime.date(2022, 11, 1),
    )
    pack = PackFactory(meeting=meeting, audience=Pack.Audience.PUBLIC, state=Pack.State.BUILT)
    return {
        "plan": plan,
        "action": action,
        "indicator": indicator,
        "meeting": meeting,
        "pack": pack,
    }


def test_publishing_keeps_the_record_as_presented(presented):
    packs.pack_publish(pack=presented["pack"], user=None)
    meeting = presented["meeting"]
    meeting.refresh_from_db()
    record = meeting.board_record
    assert record.occasion == "Improvement Board, 11 January 2023"
    assert record.presented_on == datetime.date(2023, 1, 11)
    assert record.scorecard_period == datetime.date(2022, 11, 1)
    [action] = record.actions
    assert action["reference"] == "1.1.1"
    assert action["rag"] == "red"
    assert action["overdue"]
    [indicator] = record.indicators
    assert indicator["ref"] == "CIN8"
    assert indicator["rag"] == "red"
    assert indicator["value_words"] == "70.0%", "the approved November figure, not December's"


def test_later_edits_never_change_the_record(presented):
    packs.pack_publish(pack=presented["pack"], user=None)
    kept = BoardRecord.objects.get()
    before = (kept.actions, kept.indicators)
    Action.objects.filter(pk=presented["action"].pk).update(
        status=Action.Status.COMPLETE, due_date=datetime.date(2023, 6, 1)
    )
    IndicatorValue.objects.filter(indicator=presented["indicator"]).update(value=99)
    kept.refresh_from_db()
    assert (kept.actions, kept.indicators) == before


def test_a_second_publication_keeps_the_first_record(presented):
    packs.pack_publish(pack=presented["pack"], user=None)
    first = BoardRecord.objects.get()
    Action.objects.update(status=Action.Status.COMPLETE)
    full = PackFactory(
        meeting=presented["meeting"], audience=Pack.Audience.FULL, state=Pack.State.BUILT
    )
    packs.pack_publish(pack=full, user=None)
    assert meeting_record_keep(meeting=presented["meeting"], user=None) == first
    assert BoardRecord.objects.count() == 1
    assert BoardRecord.objects.get().actions[0]["rag"] == "red"


def test_a_meeting_presented_neither_plan_nor_scorecard_keeps_no_record(db):
    PlanFactory()
    pack = PackFactory(audience=Pack.Audience.PUBLIC, state=Pack.State.BUILT)
    packs.pack_publish(pack=pack, user=None)
    pack.meeting.refresh_from_db()
    assert pack.meeting.board_record is None
    assert not BoardRecord.objects.exists()


def test_a_corrected_pack_published_when_built_keeps_the_record(presented):
    from governance.packs.assembly import AssembledPack

    pack = presented["pack"]
    Pack.objects.filter(pk=pack.pk).update(state=Pack.State.BUILDING, publish_when_built=True)
    pack.refresh_from_db()
    assembled = AssembledPack(pdf=b"%PDF-1.4", page_count=1, item_pages=[], held_items=[])
    packs._finish(pack, assembled)
    presented["meeting"].refresh_from_db()
    assert presented["meeting"].board_record is not None


def test_the_occasion_is_written_the_english_way(db):
    meeting = MeetingFactory(board=BoardFactory(name="Scrutiny Panel"), starts_at=JANUARY)
    assert occasion(meeting) == "Scrutiny Panel, 11 January 2023"


def test_a_record_is_retaken_only_deliberately_with_a_reason(presented):
    from django.core.management import CommandError, call_command

    packs.pack_publish(pack=presented["pack"], user=None)
    Action.objects.update(status=Action.Status.COMPLETE)
    meeting = presented["meeting"]
    with pytest.raises(CommandError, match="Say why"):
        call_command("meeting_record_retake", meeting.pk, reason=" ")
    with pytest.raises(CommandError, match="There is no meeting"):
        call_command("meeting_record_retake", 999_999, reason="Wrong figures")
    assert BoardRecord.objects.get().actions[0]["rag"] == "red"
    call_command("meeting_record_retake", meeting.pk, reason="The pack went out with wrong dates")
    meeting.refresh_from_db()
    assert BoardRecord.objects.count() == 1
    assert meeting.board_record.actions[0]["rag"] == "blue"


def test_a_record_set_down_afterwards_judges_the_plan_as_on_the_day_given(presented):
    """The demo's board sat before the demo was loaded: its record judges the action
    (due 1 December 2022) as on 30 November, when it was not yet overdue."""
    record = meeting_record_keep(
        meeting=presented["meeting"], user=None, judged_on=datetime.date(2022, 11, 30)
    )
    [action] = record.actions
    assert not action["overdue"]
    assert action["rag"] != "red"
