"""A meeting's agenda: new business goes before the closing standard items, items move
and are deleted with the agenda numbered 1, 2, 3... every time, and history says who."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from governance import roles
from governance.meetings import services
from governance.meetings.standard_items import insert_index
from governance.models import AgendaItem, Paper
from tests.governance.factories import (
    AgendaItemFactory,
    BoardFactory,
    DeclarationFactory,
    MeetingFactory,
    MinuteFactory,
    UserFactory,
)
from tests.governance.meetings.factories import arranged_meeting, pdf_upload

pytestmark = pytest.mark.django_db

JANUARY = datetime.datetime(2023, 1, 11, 18, 0, tzinfo=datetime.UTC)


@pytest.fixture
def officer():
    return UserFactory(roles=[roles.DEMOCRATIC_SERVICES])


@pytest.fixture
def meeting(officer):
    board = BoardFactory(name="Improvement Board", slug="improvement-board")
    return arranged_meeting(board, officer, starts_at=JANUARY)


def titles(meeting) -> list[str]:
    items = AgendaItem.objects.filter(meeting=meeting).order_by("order")
    assert [item.order for item in items] == list(range(1, len(items) + 1))
    return [item.title for item in items]


def add(meeting, user, title, **kwargs):
    return services.agenda_item_add(meeting=meeting, title=title, user=user, **kwargs)


STANDARD_OPENING = ["Apologies for absence", "Declarations of interest", "Minutes"]
STANDARD_CLOSING = ["Date of next meeting", "Urgent items"]


def test_new_items_go_before_the_closing_standard_items(meeting, officer):
    add(meeting, officer, "Children missing from home and care")
    item = add(meeting, officer, "Performance scorecard", presenters="Head of Performance")

    assert titles(meeting) == [
        *STANDARD_OPENING,
        "Children missing from home and care",
        "Performance scorecard",
        *STANDARD_CLOSING,
    ]
    assert (item.order, item.standard, item.presenters) == (5, "", "Head of Performance")
    moved = AgendaItem.objects.get(meeting=meeting, standard="urgent_items")
    assert moved.history.first().history_change_reason == "Renumbered: an item was added above"
    assert moved.history.first().history_user == officer


def test_without_closing_items_a_new_item_goes_last():
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, order=1, title="Welcome")

    add(meeting, None, "Chair's update")

    assert titles(meeting) == ["Welcome", "Chair's update"]


@pytest.mark.parametrize(
    ("standards", "index"),
    [
        ([], 0),
        (["apologies", "", "next_meeting", "urgent_items"], 2),
        (["apologies", "urgent_items", ""], 3),
        (["next_meeting"], 0),
    ],
)
def test_where_a_new_item_goes(standards, index):
    assert insert_index(standards) == index


def test_an_item_needs_a_title_and_a_real_paragraph(meeting, officer):
    with pytest.raises(ValidationError) as error:
        add(meeting, officer, "<p></p>", exempt_paragraph=9)

    assert error.value.message_dict == {
        "title": ["Enter the item's title"],
        "exempt_paragraph": ["Select a paragraph of Schedule 12A, or not exempt"],
    }
    assert titles(meeting) == STANDARD_OPENING + STANDARD_CLOSING


def test_changing_an_item_keeps_plain_text_and_history(meeting, officer):
    item = add(meeting, officer, "Placements")
    author = UserFactory(full_name="Tony Decrop")

    item = services.agenda_item_update(
        item=item, user=officer, title="Placement <em>sufficiency</em>",
        description="To receive <a href='x'>an update</a>.", presenters="Tony Decrop",
        report_author=author, exempt_paragraph=3,
    )  # fmt: skip

    item.refresh_from_db()
    assert (item.title, item.description) == ("Placement sufficiency", "To receive an update.")
    assert (item.report_author, item.exempt_paragraph, item.is_exempt) == (author, 3, True)
    assert item.history.first().history_change_reason == "Item changed"


def test_standard_items_may_be_changed_and_stay_standard(meeting, officer):
    apologies = meeting.agenda_items.get(standard="apologies")

    services.agenda_item_update(item=apologies, user=officer, title="Apologies")

    apologies.refresh_from_db()
    assert (apologies.title, apologies.standard) == ("Apologies", "apologies")


def test_moving_items_up_and_down_renumbers_the_agenda(meeting, officer):
    first = add(meeting, officer, "Missing children")
    second = add(meeting, officer, "Scorecard")

    services.agenda_item_move(item=second, direction="up", user=officer)
    assert titles(meeting)[3:5] == ["Scorecard", "Missing children"]

    services.agenda_item_move(item=first, direction="down", user=officer)
    assert titles(meeting)[4:6] == ["Date of next meeting", "Missing children"]
    first.refresh_from_db()
    assert first.order == 6
    assert first.history.first().history_change_reason == "Moved down"


def test_the_first_item_cannot_move_up_nor_the_last_down(meeting, officer):
    items = list(meeting.agenda_items.order_by("order"))

    with pytest.raises(ValidationError, match="Item 1 is already first on the agenda"):
        services.agenda_item_move(item=items[0], direction="up", user=officer)
    with pytest.raises(ValidationError, match="Item 5 is already last on the agenda"):
        services.agenda_item_move(item=items[-1], direction="down", user=officer)
    with pytest.raises(ValidationError, match="up or down"):
        services.agenda_item_move(item=items[1], direction="sideways", user=officer)


def test_moving_works_with_gaps_in_the_numbering():
    meeting = MeetingFactory()
    low = AgendaItemFactory(meeting=meeting, order=2, title="Low")
    AgendaItemFactory(meeting=meeting, order=7, title="High")

    services.agenda_item_move(item=low, direction="down", user=None)

    assert titles(meeting) == ["High", "Low"]


def test_deleting_an_item_deletes_its_papers_and_renumbers(
    meeting, officer, media, django_capture_on_commit_callbacks
):
    item = add(meeting, officer, "Workforce strategy")
    paper = services.paper_upload(item=item, uploaded_file=pdf_upload(), user=officer)
    stored = media / paper.file.name
    assert stored.exists()

    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_item_delete(item=item, user=officer)

    assert titles(meeting) == STANDARD_OPENING + STANDARD_CLOSING
    assert not Paper.objects.filter(pk=paper.pk).exists()
    assert not stored.exists()
    deleted = AgendaItem.history.filter(id=item.pk, history_type="-").get()
    assert (deleted.history_user, deleted.history_change_reason) == (officer, "Item deleted")


@pytest.mark.parametrize("record", ["declaration", "minute"])
def test_an_item_in_the_record_cannot_be_deleted(meeting, officer, record):
    item = meeting.agenda_items.get(standard="declarations")
    if record == "declaration":
        DeclarationFactory(agenda_item=item, meeting=meeting)
    else:
        MinuteFactory(meeting=meeting, agenda_item=item)

    with pytest.raises(ValidationError, match="Item 2 has minutes or declarations"):
        services.agenda_item_delete(item=item, user=officer)

    assert AgendaItem.objects.filter(pk=item.pk).exists()
