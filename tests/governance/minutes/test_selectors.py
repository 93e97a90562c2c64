"""Reads across the record: attendance by organisation, the action log and the next
meeting's pack, the work programme, the meeting page's panel; queries do not grow."""

import datetime

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from governance import roles
from governance.minutes import services
from governance.minutes.board_selectors import (
    action_history,
    action_log,
    attendance_by_organisation,
    work_programme,
)
from governance.minutes.selectors import (
    actions_for_pack,
    attendance_rows,
    members_on,
    minutes_for,
    previous_meeting,
    record_panel,
)
from governance.models import Attendance
from tests.governance.factories import (
    ActionArisingFactory,
    AttendanceFactory,
    MinuteFactory,
    UserFactory,
    WorkProgrammeItemFactory,
)
from tests.governance.minutes.factories import meeting_on, member, uk

pytestmark = pytest.mark.django_db

NOW = uk(2023, 4, 1)


def attend(meeting, membership, status, deputy=None):
    return AttendanceFactory(
        meeting=meeting, person=membership.person, membership=membership,
        organisation=membership.organisation, status=status, deputy=deputy,
    )  # fmt: skip


def test_attendance_rates_by_organisation_for_each_year_and_meeting(board, november, january):
    council = [member(board, name, "Tameside Council") for name in ("Sharif", "Martin", "Owen")]
    police = member(board, "Davies", "Greater Manchester Police")
    attend(november, council[0], "present")
    attend(november, council[1], "deputy", deputy=UserFactory())
    attend(november, council[2], "apologies")
    attend(november, police, "absent")
    attend(january, council[0], "present")
    AttendanceFactory(meeting=january, status="present")  # an officer: not a member
    meeting_on(board, uk(2023, 6, 14))  # next year, but after NOW: not yet held

    (year,) = attendance_by_organisation(board=board, now=NOW)

    assert year.year == "2022/23"
    first, second = year.meetings
    assert first.meeting == november
    council_nov = first.by_organisation["Tameside Council"]
    assert (council_nov.expected, council_nov.present, council_nov.apologies) == (3, 2, 1)
    assert council_nov.in_words == "2 of 3 members attended (67%)"
    assert first.by_organisation["Greater Manchester Police"].absent == 1
    assert first.by_organisation["Greater Manchester Police"].in_words == (
        "0 of 1 member attended (0%)"
    )
    council_jan = second.by_organisation["Tameside Council"]
    assert (council_jan.present, council_jan.not_recorded) == (1, 2)
    assert year.by_organisation["Tameside Council"].in_words == "3 of 6 members attended (50%)"
    assert year.total.percent == 38  # 3 of 8
    assert year.organisations == ["Greater Manchester Police", "Tameside Council"]


def test_members_count_only_while_their_membership_runs(board, november, january):
    member(board, "Left in December", "Council", end_date=datetime.date(2022, 12, 1))
    member(board, "Joined in December", "Council", start_date=datetime.date(2022, 12, 1))

    (year,) = attendance_by_organisation(board=board, now=NOW)

    assert [m.total.expected for m in year.meetings] == [1, 1]
    assert [m.person.full_name for m in members_on(meeting=november)] == ["Left in December"]


def test_years_are_kept_apart_latest_first(board, november):
    member(board, "Sharif", "Council")
    meeting_on(board, uk(2023, 6, 14))

    years = attendance_by_organisation(board=board, now=uk(2023, 7, 1))

    assert [year.year for year in years] == ["2023/24", "2022/23"]


def test_the_attendance_form_lists_members_chair_first_then_others(board, november):
    member(board, "Zed Member", "Council")
    chair = member(board, "Yan Chair", "Council", role="chair")
    officer = AttendanceFactory(meeting=november, person=UserFactory(full_name="Al Officer"))

    rows = attendance_rows(meeting=november)

    assert [row.person.full_name for row in rows] == ["Yan Chair", "Zed Member", "Al Officer"]
    assert rows[0].membership == chair
    assert rows[2].attendance == officer


def test_an_action_arising_is_in_the_log_and_the_next_meetings_pack(board, november, january):
    september = meeting_on(board, uk(2022, 9, 21))
    action = services.action_arising_add(
        minute=MinuteFactory(meeting=november, number=18),
        description="Share the sufficiency strategy", owner=UserFactory(),
        due_date=datetime.date(2023, 1, 11), user=UserFactory(),
    )  # fmt: skip
    earlier = MinuteFactory(meeting=september, number=5)
    closed_before = ActionArisingFactory(
        minute=earlier, status="done", completed_on=datetime.date(2022, 10, 15)
    )
    closed_since = ActionArisingFactory(
        minute=earlier, status="dropped", completed_on=datetime.date(2022, 12, 1)
    )

    assert set(action_log(board=board)) == {action, closed_before, closed_since}
    since = timezone.localtime(previous_meeting(january).starts_at).date()
    pack = actions_for_pack(board=board, as_at=datetime.date(2023, 1, 11), since=since)
    assert pack == [action, closed_since]  # due date order


def test_the_work_programme_by_meeting_then_month_then_unplanned(board, january):
    WorkProgrammeItemFactory(board=board, topic="Someday")
    WorkProgrammeItemFactory(board=board, topic="March", planned_month=datetime.date(2023, 3, 1))
    WorkProgrammeItemFactory(board=board, topic="January", meeting=january)
    WorkProgrammeItemFactory(board=board, topic="Also January", meeting=january)

    groups = work_programme(board=board)

    assert [(g.heading, [i.topic for i in g.items]) for g in groups] == [
        ("Meeting on Wednesday 11 January 2023", ["January", "Also January"]),
        ("March 2023: no meeting set yet", ["March"]),
        ("Not yet planned", ["Someday"]),
    ]


def test_an_actions_history_says_who_changed_what(november, clerk):
    action = services.action_arising_add(
        minute=MinuteFactory(meeting=november), description="Report back", owner=clerk,
        due_date=datetime.date(2023, 1, 11), user=clerk,
    )  # fmt: skip
    services.action_arising_update(
        action=action, status="done", progress="Sent", completed_on=datetime.date(2023, 1, 3),
        user=clerk, today=datetime.date(2023, 1, 5),
    )  # fmt: skip

    latest, first = action_history(action)

    assert (latest.who, latest.reason) == ("Dora Clerk", "Marked done")
    assert "Status changed from Open to Done" in latest.changes
    assert "Completed on changed from nothing to 3 January 2023" in latest.changes
    assert first.changes == ["Action recorded"]


@pytest.mark.parametrize(
    ("setup", "status", "words"),
    [
        ("none", "none", "No minutes yet"),
        ("draft", "draft", "Draft, not yet published"),
        ("published", "published", "Draft published, to be approved at the next meeting"),
        ("approved", "approved", "Approved as a correct record at the meeting on 11 January 2023"),
    ],
)
def test_the_record_panel_says_the_minutes_status(november, january, clerk, setup, status, words):
    if setup != "none":
        MinuteFactory(meeting=november)
    if setup == "published":
        services.minutes_publish(meeting=november, user=clerk)
    if setup == "approved":
        services.minutes_approve(meeting=november, at_meeting=january, user=clerk)
    november.refresh_from_db()

    panel = record_panel(meeting=november, user=clerk)

    assert (panel["status"], panel["status_in_words"]) == (status, words)


def test_the_record_panel_links_only_to_what_the_user_may_do(november, clerk, viewer):
    action = ActionArisingFactory(minute=MinuteFactory(meeting=november))
    ActionArisingFactory(minute=action.minute, status="done")

    for_clerk = record_panel(meeting=november, user=clerk)
    for_viewer = record_panel(meeting=november, user=viewer)

    assert "Record attendance" in [link["text"] for link in for_clerk["links"]]
    texts = [link["text"] for link in for_viewer["links"]]
    assert texts == [
        "Minutes", "Agenda (Word document)", "Minutes (Word document)", "Board’s action log",
    ]  # fmt: skip
    assert (for_viewer["actions_count"], for_viewer["open_actions_count"]) == (2, 1)


def fill(meeting, rows: int):
    for n in range(rows):
        seat = member(meeting.board, f"Member {n}", f"Org {n % 3}")
        attend(meeting, seat, "present")
        minute = MinuteFactory(meeting=meeting)
        ActionArisingFactory(minute=minute, owner=seat.person)


def read_everything(meeting, user):
    minutes_for(meeting=meeting)
    attendance_by_organisation(board=meeting.board, now=timezone.now())
    list(action_log(board=meeting.board))
    attendance_rows(meeting=meeting)
    record_panel(meeting=meeting, user=user)


def test_selectors_read_a_fixed_number_of_queries(november, user_with_role):
    user = user_with_role(roles.VIEWER)
    fill(november, 1)
    read_everything(november, user)  # the user's roles are read once, then kept
    counts = []
    for extra in (0, 19):
        fill(november, extra)
        with CaptureQueriesContext(connection) as queries:
            read_everything(november, user)
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert Attendance.objects.count() == 20


def test_the_record_panel_template_renders_the_status_counts_and_links(november, clerk, viewer):
    ActionArisingFactory(minute=MinuteFactory(meeting=november))
    AttendanceFactory(meeting=november)

    html = render_to_string(
        "governance/minutes/includes/meeting_record.html",
        {"panel": record_panel(meeting=november, user=viewer)},
    )

    assert "Draft, not yet published" in html
    assert "1 action, 1 open" in html
    assert "1 person recorded" in html
    assert f'href="/meetings/{november.pk}/minutes/"' in html
    assert "/attendance/" not in html
