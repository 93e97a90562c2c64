"""The minutes page and the clerk's forms: what they say, what they save, their errors,
exempt items, approval at the next meeting, and queries that do not grow."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.minutes import services
from governance.models import Attendance, Minute
from tests.governance.factories import (
    ActionArisingFactory,
    AgendaItemFactory,
    AttendanceFactory,
    DeclarationFactory,
    MinuteFactory,
    UserFactory,
)
from tests.governance.meetings.editing import edit
from tests.governance.minutes.factories import meeting_on, member, panel, uk

pytestmark = pytest.mark.django_db

SECRET = "The placement costs of child A"


def minutes_url(meeting):
    return reverse("meeting_minutes", args=[meeting.pk])


@pytest.fixture
def exempt_minute(november):
    item = AgendaItemFactory(meeting=november, order=5, title="Placement costs", exempt_paragraph=3)
    minute = MinuteFactory(meeting=november, agenda_item=item, number=19, title="Placement costs",
                           text=SECRET, resolved="Agreed in private")  # fmt: skip
    ActionArisingFactory(minute=minute, description="Negotiate the private rate")
    return minute


def test_the_minutes_page_shows_the_record(client, board, november, clerk):
    chair = member(board, "T Sharif", "Tameside Council", role="chair")
    AttendanceFactory(meeting=november, person=chair.person, membership=chair)
    AttendanceFactory(meeting=november, person=member(board, "Welsh").person, status="apologies")
    november.commenced_at, november.terminated_at = datetime.time(18), datetime.time(19, 35)
    november.save()
    minute = MinuteFactory(
        meeting=november, number=18, title="Children's placement sufficiency",
        text="The Panel welcomed Tony Decrop.", resolved="That it be noted.",
    )  # fmt: skip
    ActionArisingFactory(minute=minute, description="Circulate the strategy", owner=clerk)
    DeclarationFactory(agenda_item=AgendaItemFactory(meeting=november), interest="Foster carer")
    client.force_login(clerk)

    text = client.get(minutes_url(november)).text

    for words in ("6.00pm", "7.35pm", "T Sharif (Chair)", "Welsh", "Foster carer",
                  "18. Children&#x27;s placement sufficiency", "The Panel welcomed Tony Decrop.",
                  "That it be noted.", "Circulate the strategy", "Draft, not yet published",
                  "Add a minute for each agenda item", "Publish the draft minutes"):  # fmt: skip
        assert words in text, words
    assert reverse("action_arising_update", args=[minute.actions.get().pk]) in text


def test_readers_see_no_clerks_buttons(client, november, viewer):
    MinuteFactory(meeting=november)
    client.force_login(viewer)

    text = client.get(minutes_url(november)).text

    assert "Publish the draft minutes" not in text
    assert reverse("meeting_attendance", args=[november.pk]) not in text


def test_an_exempt_minute_is_only_its_note_without_the_full_papers(
    client, november, exempt_minute, viewer
):
    client.force_login(viewer)

    text = client.get(minutes_url(november)).text

    assert "19. Placement costs" in text
    assert "Exempt under paragraph 3 of Part 1 of Schedule 12A" in text
    for hidden in (SECRET, "Agreed in private", "Negotiate the private rate"):
        assert hidden not in text


def test_board_members_and_clerks_read_an_exempt_minute(client, november, exempt_minute, clerk):
    client.force_login(clerk)

    text = client.get(minutes_url(november)).text

    assert SECRET in text
    assert "Negotiate the private rate" in text


def test_the_next_meeting_approves_the_minutes(client, november, january, clerk):
    MinuteFactory(meeting=november)
    client.force_login(clerk)

    page = client.get(minutes_url(january)).text
    assert "Approve the minutes of the meeting on 2 November 2022 as a correct record" in page

    response = client.post(
        reverse("minutes_approve", args=[november.pk]), {"at_meeting": january.pk}, follow=True
    )

    assert response.redirect_chain[-1][0] == minutes_url(january)
    assert "The minutes of the meeting on 2 November 2022 are approved" in response.text
    november.refresh_from_db()
    assert november.minutes_approved_at == january
    assert "Approve the minutes" not in client.get(minutes_url(january)).text
    assert "Approved as a correct record at the meeting on 11 January 2023" in (
        client.get(minutes_url(november)).text
    )


@pytest.mark.parametrize("at", ["earlier", "other board", "nonsense"])
def test_approval_elsewhere_is_refused_in_words(client, board, november, clerk, at):
    MinuteFactory(meeting=november)
    at_meeting = {
        "earlier": lambda: meeting_on(board, uk(2022, 9, 21)).pk,
        "other board": lambda: meeting_on(panel(name="O", slug="o"), uk(2023, 1, 11)).pk,
        "nonsense": lambda: "abc",
    }[at]()
    client.force_login(clerk)

    response = client.post(
        reverse("minutes_approve", args=[november.pk]), {"at_meeting": at_meeting}, follow=True
    )

    assert response.status_code == 200
    assert "There is a problem" in response.text
    november.refresh_from_db()
    assert november.minutes_approved_at is None


def test_minutes_from_the_agenda_and_publishing(client, november, clerk):
    AgendaItemFactory(meeting=november, order=1, title="Declarations of interest")
    AgendaItemFactory(meeting=november, order=2, title="Minutes")
    client.force_login(clerk)

    response = client.post(reverse("minutes_from_agenda", args=[november.pk]), follow=True)
    assert "2 minutes added from the agenda (1 to 2)" in response.text

    response = client.post(reverse("minutes_publish", args=[november.pk]), follow=True)
    assert "marked “to be approved”" in response.text
    response = client.post(reverse("minutes_publish", args=[november.pk]), follow=True)
    assert "already been published" in response.text


def test_adding_a_minute_titled_as_its_agenda_item(client, november, clerk):
    item = AgendaItemFactory(meeting=november, order=4, title="Chair's update")
    MinuteFactory(meeting=november, number=19)
    client.force_login(clerk)

    response = client.post(
        reverse("minute_add", args=[november.pk]),
        {"agenda_item": item.pk, "title": "", "text": "Noted", "resolved": ""},
    )

    minute = Minute.objects.get(agenda_item=item)
    assert (minute.number, minute.title) == (20, "Chair's update")
    assert response.url == f"{minutes_url(november)}#minute-{minute.pk}"


def test_a_minute_without_a_title_shows_the_error_summary(client, november, clerk):
    client.force_login(clerk)

    response = client.post(reverse("minute_add", args=[november.pk]), {"title": " "})

    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert "Enter the minute’s title" in response.text
    assert response.text.count("<title>Error: ") == 1


def test_changing_a_minute(client, november, clerk):
    minute = MinuteFactory(meeting=november, number=18, title="Old")
    client.force_login(clerk)

    edit(client, reverse("minute_update", args=[minute.pk]),
         {"title": "New", "text": "Text", "resolved": "Agreed"})  # fmt: skip

    minute.refresh_from_db()
    assert (minute.number, minute.title, minute.resolved) == (18, "New", "Agreed")


def test_changing_approved_minutes_is_refused_on_the_form(client, november, january, clerk):
    minute = MinuteFactory(meeting=november)
    services.minutes_approve(meeting=november, at_meeting=january, user=clerk)
    client.force_login(clerk)

    response = edit(client, reverse("minute_update", args=[minute.pk]), {"title": "New"})

    assert response.status_code == 200
    assert "can no longer be changed" in response.text


def test_recording_the_times(client, november, clerk):
    client.force_login(clerk)
    url = reverse("meeting_times", args=[november.pk])

    response = edit(client, url, {"commenced_at": "7.35pm", "terminated_at": "6pm"})
    assert "The meeting must terminate after it commenced" in response.text
    response = edit(client, url, {"commenced_at": "half six", "terminated_at": ""})
    assert "Commenced must be a time, like 6pm or 18:30" in response.text

    edit(client, url, {"commenced_at": "6pm", "terminated_at": "19:35"})
    november.refresh_from_db()
    assert (november.commenced_at, november.terminated_at) == (
        datetime.time(18), datetime.time(19, 35),
    )  # fmt: skip


# Attendance and declarations -------------------------------------------------------------


def test_the_attendance_form_saves_each_person(client, board, november, clerk):
    chair = member(board, "T Sharif", "Tameside Council", role="chair")
    named = UserFactory(full_name="Named Deputy")
    homer = member(board, "J Homer", deputy=named)
    officer = UserFactory(full_name="Tony Decrop")
    client.force_login(clerk)
    url = reverse("meeting_attendance", args=[november.pk])
    assert "Their named deputy is Named Deputy." in client.get(url).text

    response = edit(client, url, {
        f"status_{chair.person.pk}": "present", f"status_{homer.person.pk}": "deputy",
        "add_person": officer.pk, "add_status": "present",
    })  # fmt: skip

    assert response.url == url  # back to the form after adding someone
    rows = {a.person: a for a in Attendance.objects.filter(meeting=november)}
    assert rows[chair.person].status == "present"
    assert rows[homer.person].deputy == named
    assert rows[officer].membership is None
    assert "Tony Decrop" in client.get(url).text


def test_the_attendance_form_shows_a_missing_deputy_in_the_error_summary(
    client, board, november, clerk
):
    seat = member(board, "T Smith")
    client.force_login(clerk)

    response = edit(
        client, reverse("meeting_attendance", args=[november.pk]),
        {f"status_{seat.person.pk}": "deputy"},
    )  # fmt: skip

    assert response.status_code == 200
    assert f'href="#id_deputy_{seat.person.pk}"' in response.text
    assert "Select who attended as deputy for T Smith" in response.text


def test_declarations_are_added_and_removed(client, board, november, clerk):
    item = AgendaItemFactory(meeting=november, order=4, title="Children missing from home")
    person = member(board, "Owen").person
    client.force_login(clerk)
    url = reverse("meeting_declarations", args=[november.pk])

    response = client.post(url, {"agenda_item": item.pk})
    assert "Enter the nature of the interest, as declared" in response.text
    assert "Select who declared the interest" in response.text

    client.post(url, {"agenda_item": item.pk, "person": person.pk, "kind": "pecuniary",
                      "interest": "Owns a children's home"})  # fmt: skip
    declaration = november.declarations.get()
    assert "Owns a children&#x27;s home" in client.get(url).text

    client.post(reverse("declaration_delete", args=[declaration.pk]))
    assert not november.declarations.exists()


# Queries ---------------------------------------------------------------------------------


def fill(meeting, count: int, owner):
    for n in range(count):
        seat = member(meeting.board, f"Member {n}", f"Org {n % 3}")
        AttendanceFactory(meeting=meeting, person=seat.person, membership=seat)
        item = AgendaItemFactory(meeting=meeting, exempt_paragraph=1 if n % 2 else None)
        minute = MinuteFactory(meeting=meeting, agenda_item=item)
        ActionArisingFactory(minute=minute, owner=owner if n % 2 else UserFactory())
        DeclarationFactory(agenda_item=item)


@pytest.mark.parametrize("name", ["meeting_minutes", "meeting_attendance", "meeting_declarations",
                                  "meeting_minutes_docx"])  # fmt: skip
def test_meeting_pages_read_the_same_queries_for_1_and_20_rows(client, november, clerk, name):
    fill(november, 1, clerk)
    client.force_login(clerk)
    url = reverse(name, args=[november.pk])

    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for_one = len(one)
    fill(november, 19, clerk)
    with CaptureQueriesContext(connection) as twenty:
        assert client.get(url).status_code == 200

    assert len(twenty) == for_one
