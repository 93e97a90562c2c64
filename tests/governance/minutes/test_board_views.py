"""Actions arising (adding, the owner's report with history), the board's action log with
filters and CSV, attendance by organisation, and the work programme."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance import roles
from governance.minutes import services
from governance.models import ActionArising, WorkProgrammeItem
from tests.governance.factories import (
    ActionArisingFactory,
    AgendaItemFactory,
    AttendanceFactory,
    MinuteFactory,
    UserFactory,
    WorkProgrammeItemFactory,
)
from tests.governance.meetings.editing import edit
from tests.governance.minutes.factories import member

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def log_url(board, **query):
    from urllib.parse import urlencode

    url = reverse("board_action_log", args=[board.slug])
    return f"{url}?{urlencode(query)}" if query else url


# Actions arising -------------------------------------------------------------------------


def test_adding_an_action_arising(client, november, clerk):
    minute = MinuteFactory(meeting=november, number=18)
    owner = UserFactory(full_name="Susan Harris")
    client.force_login(clerk)
    url = reverse("action_arising_add", args=[minute.pk])

    response = client.post(url, {"description": "", "due_date_day": "31", "due_date_month": "2"})
    assert "Enter the action agreed" in response.text
    assert "Due date must include a year" in response.text
    assert "govuk-error-summary" in response.text

    response = client.post(url, {
        "description": "Circulate the strategy", "owner": owner.pk,
        "due_date_day": "11", "due_date_month": "1", "due_date_year": "2023",
    })  # fmt: skip
    action = minute.actions.get()
    assert (action.owner, action.due_date, action.created_by) == (
        owner, datetime.date(2023, 1, 11), clerk,
    )  # fmt: skip


def test_the_owner_reports_progress_and_sees_the_history(client, november, user_with_role):
    owner = user_with_role(roles.LEAD_OFFICER, full_name="Susan Harris")
    action = services.action_arising_add(
        minute=MinuteFactory(meeting=november), description="Circulate the strategy",
        owner=owner, due_date=datetime.date(2023, 1, 11), user=UserFactory(full_name="Dora"),
    )  # fmt: skip
    client.force_login(owner)
    url = reverse("action_arising_update", args=[action.pk])

    response = edit(client, url, {"status": "done", "progress": "Sent to members"}, follow=True)

    action.refresh_from_db()
    assert (action.status, action.completed_on) == ("done", TODAY)
    assert "Marked done" in response.text
    assert "By Susan Harris on" in response.text
    assert "Status changed from Open to Done" in response.text
    assert "Action recorded" in response.text


def test_progress_with_a_bad_date_shows_the_error_summary(client, november, clerk):
    action = ActionArisingFactory(minute=MinuteFactory(meeting=november), owner=clerk)
    client.force_login(clerk)

    response = client.post(
        reverse("action_arising_update", args=[action.pk]),
        {"status": "done", "completed_on_day": "31", "completed_on_month": "2",
         "completed_on_year": "2023"},
    )  # fmt: skip

    assert response.status_code == 200
    assert "Date completed must be a real date" in response.text
    assert 'href="#id_completed_on-day"' in response.text


def test_an_overdue_action_says_so_in_words(client, november, clerk):
    action = ActionArisingFactory(
        minute=MinuteFactory(meeting=november), owner=clerk,
        due_date=TODAY - datetime.timedelta(days=3),
    )  # fmt: skip
    client.force_login(clerk)

    assert (
        "Overdue by 3 days" in client.get(reverse("action_arising_update", args=[action.pk])).text
    )


# The action log --------------------------------------------------------------------------


@pytest.fixture
def log(board, november):
    minute = MinuteFactory(meeting=november, number=18)
    harris, rocks = UserFactory(full_name="Susan Harris"), UserFactory(full_name="Adrian Rocks")
    return {
        "overdue": ActionArisingFactory(minute=minute, owner=harris, description="Overdue one",
                                        due_date=TODAY - datetime.timedelta(days=1)),
        "later": ActionArisingFactory(minute=minute, owner=rocks, description="Later one",
                                      due_date=TODAY + datetime.timedelta(days=30)),
        "done": ActionArisingFactory(minute=minute, owner=harris, description="Done one",
                                     status="done", completed_on=TODAY,
                                     due_date=TODAY - datetime.timedelta(days=9)),
        "harris": harris,
    }  # fmt: skip


def descriptions(response):
    return [row.action.description for row in response.context["rows"]]


def test_the_action_log_filters_by_status_owner_and_overdue(client, board, log, viewer):
    client.force_login(viewer)

    assert descriptions(client.get(log_url(board))) == ["Done one", "Overdue one", "Later one"]
    assert descriptions(client.get(log_url(board, status="open"))) == ["Overdue one", "Later one"]
    assert descriptions(client.get(log_url(board, owner=log["harris"].pk))) == [
        "Done one", "Overdue one",
    ]  # fmt: skip
    response = client.get(log_url(board, overdue="on"))
    assert descriptions(response) == ["Overdue one"]
    assert "Overdue by 1 day" in response.text
    assert "1 action matches these filters" in response.text


def test_a_bad_filter_is_an_error_not_a_failure(client, board, log, viewer):
    client.force_login(viewer)

    response = client.get(log_url(board, owner="999999", status="nonsense"))

    assert response.status_code == 200
    assert "govuk-error-summary" in response.text


def test_the_action_log_downloads_as_csv(client, board, log, viewer):
    ActionArisingFactory(minute=log["done"].minute, description="=HYPERLINK(evil)",
                         due_date=TODAY + datetime.timedelta(days=60))  # fmt: skip
    client.force_login(viewer)

    response = client.get(log_url(board, status="open", download="csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        f"childrens-services-scrutiny-panel-actions-{TODAY:%Y-%m-%d}.csv"
        in (response["Content-Disposition"])
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Minute", "Meeting", "Action"]
    assert [row[2] for row in rows[1:]] == ["Overdue one", "Later one", "'=HYPERLINK(evil)"]
    assert rows[1][6] == "Overdue by 1 day"


def test_the_action_log_withholds_exempt_actions_without_the_full_papers(
    client, board, november, viewer, clerk
):
    item = AgendaItemFactory(meeting=november, exempt_paragraph=1)
    ActionArisingFactory(minute=MinuteFactory(meeting=november, agenda_item=item),
                         description="Speak to child A's carer")  # fmt: skip

    client.force_login(viewer)
    assert "child A" not in client.get(log_url(board)).text
    assert "child A" not in client.get(log_url(board, download="csv")).content.decode()
    client.force_login(clerk)
    assert "child A" in client.get(log_url(board)).text


def test_the_log_links_the_owner_to_their_action(client, board, log):
    client.force_login(log["harris"])

    text = client.get(log_url(board)).text

    assert reverse("action_arising_update", args=[log["overdue"].pk]) in text
    assert reverse("action_arising_update", args=[log["later"].pk]) not in text


def fill_board(meeting, count):
    for n in range(count):
        seat = member(meeting.board, f"Member {n}", f"Org {n % 4}")
        AttendanceFactory(meeting=meeting, person=seat.person, membership=seat)
        item = AgendaItemFactory(meeting=meeting, exempt_paragraph=2 if n % 2 else None)
        ActionArisingFactory(minute=MinuteFactory(meeting=meeting, agenda_item=item),
                             owner=seat.person)  # fmt: skip
        WorkProgrammeItemFactory(board=meeting.board, meeting=meeting if n % 2 else None)


@pytest.mark.parametrize("name", ["board_action_log", "board_attendance", "board_work_programme"])
def test_board_pages_read_the_same_queries_for_1_and_20_rows(client, november, user_with_role,
                                                             name):  # fmt: skip
    fill_board(november, 1)
    client.force_login(user_with_role(roles.BOARD_MEMBER))
    url = reverse(name, args=[november.board.slug])

    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for_one = len(one)
    fill_board(november, 19)
    with CaptureQueriesContext(connection) as twenty:
        response = client.get(url)

    assert response.status_code == 200
    assert len(twenty) == for_one
    assert ActionArising.objects.count() == 20


# Attendance by organisation and the work programme ---------------------------------------


def test_the_board_attendance_page_gives_rates_in_words_and_figures(client, board, november,
                                                                    viewer):  # fmt: skip
    for name, status in (("Sharif", "present"), ("Martin", "present"), ("Owen", "apologies")):
        seat = member(board, name, "Tameside Council")
        AttendanceFactory(meeting=november, person=seat.person, membership=seat, status=status)
    client.force_login(viewer)

    text = client.get(reverse("board_attendance", args=[board.slug])).text

    assert "Municipal year 2022/23" in text
    assert "2 of 3 members attended (67%)" in text
    assert "Tameside Council" in text


def test_the_work_programme_is_planned_and_changed(client, board, january, clerk):
    client.force_login(clerk)
    add = reverse("work_programme_item_add", args=[board.slug])
    month = (TODAY.replace(day=1) + datetime.timedelta(days=40)).replace(day=1)

    response = client.post(add, {"topic": "", "status": "planned"})
    assert "Enter the topic" in response.text

    client.post(add, {"topic": "Children missing from home and care", "lead": "DCS",
                      "planned_month": month.isoformat(), "status": "planned"})  # fmt: skip
    item = WorkProgrammeItem.objects.get()
    assert item.planned_month == month
    page = client.get(reverse("board_work_programme", args=[board.slug])).text
    assert f"{month:%B %Y}: no meeting set yet" in page

    edit(client, reverse("work_programme_item_update", args=[item.pk]),
         {"topic": item.topic, "meeting": january.pk, "status": "on_agenda"})  # fmt: skip
    item.refresh_from_db()
    assert (item.meeting, item.planned_month, item.status) == (january, None, "on_agenda")
    page = client.get(reverse("board_work_programme", args=[board.slug])).text
    assert "Meeting on Wednesday 11 January 2023" in page
