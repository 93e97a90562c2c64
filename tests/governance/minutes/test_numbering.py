"""Minutes are numbered on through a board's municipal year: 16, 17, 18... across its
meetings, from 1 again in the next year, separately for each board."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from governance.minutes import services
from governance.models import Minute
from tests.governance.factories import AgendaItemFactory, MinuteFactory
from tests.governance.minutes.factories import meeting_on, panel, uk

pytestmark = pytest.mark.django_db


def add(meeting, title, user, **kwargs):
    return services.minute_add(
        meeting=meeting, title=title, text="", resolved="", user=user, **kwargs
    )


def test_numbers_run_on_across_the_meetings_of_a_municipal_year(board, november, clerk):
    september = meeting_on(board, uk(2022, 9, 21))
    for number in range(1, 16):
        MinuteFactory(meeting=september, number=number)

    numbers = [add(november, title, clerk).number for title in ("Declarations", "Minutes")]
    january = meeting_on(board, uk(2023, 1, 11))
    numbers.append(add(january, "Children missing from home and care", clerk).number)

    assert numbers == [16, 17, 18]
    assert Minute.objects.get(number=18).municipal_year == "2022/23"


def test_the_first_meeting_of_a_year_starts_at_1(board, clerk):
    april = meeting_on(board, uk(2023, 4, 26))
    june = meeting_on(board, uk(2023, 6, 14))
    add(april, "Last of 2022/23", clerk)
    add(april, "Still 2022/23", clerk)

    first = add(june, "Appointment of the chair", clerk)

    assert (first.number, first.municipal_year) == (1, "2023/24")


def test_each_board_numbers_its_own_minutes(board, november, clerk):
    MinuteFactory(meeting=november, number=20)
    other = meeting_on(panel(name="Improvement Board", slug="improvement-board"), uk(2022, 11, 3))

    assert add(other, "Welcome", clerk).number == 1
    assert add(november, "Next", clerk).number == 21


def test_the_year_comes_from_the_day_when_the_meeting_does_not_say(board, clerk):
    meeting = meeting_on(board, uk(2022, 11, 2), municipal_year="")

    minute = add(meeting, "Declarations", clerk)

    assert (minute.board, minute.municipal_year, minute.number) == (board, "2022/23", 1)


def test_minutes_from_the_agenda_number_every_item_in_agenda_order(november, clerk):
    MinuteFactory(meeting=meeting_on(november.board, uk(2022, 9, 21)), number=15)
    titles = ["Declarations of interest", "Minutes", "Children's placement sufficiency"]
    for order, title in reversed(list(enumerate(titles, start=1))):
        AgendaItemFactory(meeting=november, order=order, title=title)

    minutes = services.minutes_from_agenda(meeting=november, user=clerk)

    assert [(m.number, m.title) for m in minutes] == list(zip([16, 17, 18], titles, strict=True))
    assert all(m.agenda_item.title == m.title for m in minutes)
    assert services.minutes_from_agenda(meeting=november, user=clerk) == []


def test_minutes_from_the_agenda_skip_items_already_minuted(november, clerk):
    first = AgendaItemFactory(meeting=november, order=1, title="Apologies")
    AgendaItemFactory(meeting=november, order=2, title="Urgent items")
    add(november, "Apologies for absence", clerk, agenda_item=first)

    minutes = services.minutes_from_agenda(meeting=november, user=clerk)

    assert [(m.number, m.title) for m in minutes] == [(2, "Urgent items")]


def test_an_item_has_one_minute(november, clerk):
    item = AgendaItemFactory(meeting=november, order=1)
    add(november, "First", clerk, agenda_item=item)

    with pytest.raises(ValidationError) as raised:
        add(november, "Again", clerk, agenda_item=item)

    assert raised.value.message_dict == {"agenda_item": ["Item 1 already has a minute"]}


def test_an_item_of_another_meeting_is_refused(november, january, clerk):
    item = AgendaItemFactory(meeting=january, order=1)

    with pytest.raises(ValidationError, match="this meeting’s agenda"):
        add(november, "Elsewhere", clerk, agenda_item=item)


def test_the_database_refuses_a_number_used_twice(november):
    MinuteFactory(meeting=november, number=16)

    with pytest.raises(IntegrityError), transaction.atomic():
        MinuteFactory(meeting=november, number=16)


def test_minutes_are_saved_as_plain_text_with_history_naming_the_clerk(november, clerk):
    minute = services.minute_add(
        meeting=november, title="<b>Chair's update</b>", text="<script>x()</script>Noted",
        resolved="That the report be <i>noted</i>.", user=clerk,
    )  # fmt: skip

    assert (minute.title, minute.text, minute.resolved) == (
        "Chair's update", "Noted", "That the report be noted.",
    )  # fmt: skip
    assert minute.history.get().history_user == clerk


def test_a_minute_keeps_its_number_when_changed(november, clerk):
    minute = add(november, "Chair's update", clerk)

    services.minute_update(minute=minute, title="Chair’s update", text="Updated", resolved="",
                           user=clerk)  # fmt: skip

    minute.refresh_from_db()
    assert (minute.number, minute.title, minute.text) == (1, "Chair’s update", "Updated")
    assert minute.history.count() == 2


def test_an_empty_title_is_refused(november, clerk):
    with pytest.raises(ValidationError) as raised:
        add(november, "  <p></p> ", clerk)

    assert raised.value.message_dict == {"title": ["Enter the minute’s title"]}
