"""The action list, my actions and slippage: who reads them, what they show, filters,
sorting, paging, downloads, and that their queries do not grow with the plan."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from benchmarks.plan_pages import seed_plan
from governance import roles
from governance.models import Post
from improvement_plan.list_export import HEADERS
from improvement_plan.models import Action, Objective, Priority
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.improvement_plan.factories import (
    ActionFactory,
    DueDateChangeFactory,
    PlanFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db
ACTIONS = reverse("action_list")
MINE = reverse("my_actions")
SLIPPAGE = reverse("slippage")


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def plan_action(plan, ref: str, **kwargs) -> Action:
    """An action whose priority, objective and order are read from its reference "p.o.a"."""
    number, order, action_order = (int(part) for part in ref.split("."))
    priority, _ = Priority.objects.get_or_create(
        plan=plan, number=number, defaults={"title": f"Priority {number}"}
    )
    objective, _ = Objective.objects.get_or_create(
        priority=priority, order=order, defaults={"title": f"Objective {number}.{order}"}
    )
    kwargs.setdefault("due_date", days(60))
    return ActionFactory(objective=objective, order=action_order, reference=ref, **kwargs)


def shown(response) -> list[str]:
    """References in the table's current page, in order."""
    return [row.record.reference for row in response.context["table"].page.object_list]


@pytest.fixture
def plan(db):
    return PlanFactory(title="Improvement Plan 2023", starts_on=datetime.date(2023, 1, 1))


@pytest.fixture
def viewer(client, db):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    return client


# Who may read ---------------------------------------------------------------------------

LIST_PAGES = ["plan_overview", "action_list", "my_actions", "slippage"]


@pytest.mark.parametrize("name", LIST_PAGES)
def test_every_role_reads_every_list(client, user_with_role, any_role, plan, name):
    moved = plan_action(plan, "1.1.1")
    DueDateChangeFactory(action=moved)
    client.force_login(user_with_role(any_role))

    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize(
    "url", [*(reverse(name) for name in LIST_PAGES), ACTIONS + "?download=csv"]
)
def test_anonymous_people_are_sent_to_sign_in(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


# The action list ------------------------------------------------------------------------


def test_each_row_says_due_status_and_both_rags_in_words(viewer, plan):
    action = plan_action(
        plan,
        "2.1.1",
        description="Audit every referral",
        lead_posts=[PostFactory(name="AD CSC"), PostFactory(name="HoS QA")],
        due_date=days(-43),
        reported_rag="green",
    )

    text = viewer.get(ACTIONS).text

    assert f'href="{reverse("action_detail", kwargs={"pk": action.pk})}">2.1.1</a>' in text
    assert "Audit every referral" in text
    assert "AD CSC, HoS QA" in text
    assert date_in_words(days(-43)) in text
    assert "Overdue by 43 days" in text
    assert '<strong class="govuk-tag govuk-tag--blue">In progress</strong>' in text
    assert '<strong class="govuk-tag govuk-tag--red">Red</strong>' in text
    assert '<strong class="govuk-tag govuk-tag--green">Green</strong>' in text
    assert "Reported Green, overdue by 43 days" in text


def date_in_words(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def test_no_reported_rag_is_said_and_is_no_disagreement(viewer, plan):
    plan_action(plan, "1.1.1", due_date=days(-3), reported_rag="")

    text = viewer.get(ACTIONS).text

    assert "Not reported</strong>" in text
    assert "Reported" not in text.split("<tbody")[1].split("Not reported")[0]


@pytest.fixture
def varied(plan):
    """Five actions, each picked out by one of the filters."""
    ad_csc, dcs = PostFactory(name="AD CSC"), PostFactory(name="DCS")
    plan_action(plan, "1.1.1", due_date=days(-10), lead_posts=[ad_csc])
    plan_action(plan, "1.1.2", due_date=days(-10), status="complete", lead_posts=[dcs])
    plan_action(plan, "2.1.1", description="Audit every referral", lead_posts=[dcs])
    recurring = plan_action(plan, "2.1.2", due_date=None, lead_posts=[dcs])
    ProgressUpdateFactory(action=recurring, text="Signed off by the Board in May")
    soon = plan_action(plan, "2.2.1", due_date=days(7), lead_posts=[dcs])
    Objective.objects.filter(pk=soon.objective_id).update(title="Safer recruitment")
    return {"priority_2": soon.objective.priority, "ad_csc": ad_csc}


def date_fields(prefix: str, day: datetime.date) -> dict[str, int]:
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def filter_cases(varied) -> list[tuple[dict, list[str]]]:
    return [
        ({"priority": varied["priority_2"].pk}, ["2.1.1", "2.1.2", "2.2.1"]),
        ({"lead_post": varied["ad_csc"].pk}, ["1.1.1"]),
        ({"status": "complete"}, ["1.1.2"]),
        ({"rag": "red"}, ["1.1.1"]),
        ({"rag": "amber"}, ["2.2.1"]),
        ({"rag": "blue"}, ["1.1.2"]),
        ({"overdue": "on"}, ["1.1.1"]),
        ({**date_fields("due_after", days(1)), **date_fields("due_before", days(30))}, ["2.2.1"]),
        ({"q": "referral"}, ["2.1.1"]),
        ({"q": "safer RECRUITMENT"}, ["2.2.1"]),
        ({"q": "signed off"}, ["2.1.2"]),
        ({"q": "1.1.2"}, ["1.1.2"]),
        ({"rag": "green", "priority": varied["priority_2"].pk}, ["2.1.1", "2.1.2"]),
    ]


def test_each_filter_keeps_only_the_actions_it_names(viewer, varied):
    assert shown(viewer.get(ACTIONS)) == ["1.1.1", "1.1.2", "2.1.1", "2.1.2", "2.2.1"]
    for params, expected in filter_cases(varied):
        response = viewer.get(ACTIONS, params)

        assert response.status_code == 200
        assert shown(response) == expected, params
        assert "match these filters" in response.text or "matches these filters" in response.text


def test_a_backwards_or_half_written_date_range_is_an_error_in_words(viewer, varied):
    backwards = {"due_after_day": 2, "due_after_month": 1, "due_after_year": 2023}
    backwards |= {"due_before_day": 1, "due_before_month": 1, "due_before_year": 2023}
    response = viewer.get(ACTIONS, backwards)
    assert "There is a problem" in response.text
    assert "Due on or before must be the same as or after due on or after" in response.text
    assert 'href="#id_due_before-day"' in response.text
    assert "Correct the filters above" in response.text

    half = viewer.get(ACTIONS, {"due_after_day": 2, "due_after_year": 2023})
    assert "Due on or after must include a month" in half.text
    assert (
        "Due on or after must be a real date"
        in viewer.get(
            ACTIONS, {"due_after_day": 31, "due_after_month": 2, "due_after_year": 2023}
        ).text
    )


def test_ref_sorts_by_its_numbers_so_1_2_10_follows_1_2_9(viewer, plan):
    for ref in ("1.2.10", "2.1.1", "1.10.1", "1.2.9"):
        plan_action(plan, ref)

    assert shown(viewer.get(ACTIONS)) == ["1.2.9", "1.2.10", "1.10.1", "2.1.1"]
    assert shown(viewer.get(ACTIONS, {"sort": "reference"})) == [
        "1.2.9",
        "1.2.10",
        "1.10.1",
        "2.1.1",
    ]
    assert shown(viewer.get(ACTIONS, {"sort": "-reference"})) == [
        "2.1.1",
        "1.10.1",
        "1.2.10",
        "1.2.9",
    ]


def test_rag_sorts_worst_first_and_due_date_puts_none_last(viewer, varied):
    by_rag = ["1.1.1", "2.2.1", "2.1.1", "2.1.2", "1.1.2"]
    assert shown(viewer.get(ACTIONS, {"sort": "rag"})) == by_rag
    assert shown(viewer.get(ACTIONS, {"sort": "-rag"})) == [
        "1.1.2",
        "2.1.1",
        "2.1.2",
        "2.2.1",
        "1.1.1",
    ]
    assert shown(viewer.get(ACTIONS, {"sort": "due_date"}))[-1] == "2.1.2"
    assert shown(viewer.get(ACTIONS, {"sort": "-due_date"}))[-1] == "2.1.2"


def test_the_list_shows_25_actions_a_page(viewer, plan):
    for n in range(1, 27):
        plan_action(plan, f"1.1.{n}")

    first, second = viewer.get(ACTIONS), viewer.get(ACTIONS, {"page": 2})

    assert len(shown(first)) == 25
    assert shown(second) == ["1.1.26"]
    assert "26 actions" in first.text
    assert 'class="govuk-pagination"' in first.text


def test_download_csv_is_every_filtered_row_with_a_header_and_dated_name(viewer, plan):
    for n in range(1, 61):
        plan_action(plan, f"1.1.{n}", due_date=days(-n), lead_posts=[PostFactory(name="DCS")])
    plan_action(plan, "2.1.1", due_date=days(90))

    response = viewer.get(ACTIONS, {"rag": "red", "page": 2, "download": "csv"})

    assert response["Content-Type"].startswith("text/csv")
    disposition = f'attachment; filename="actions-{timezone.localdate().isoformat()}.csv"'
    assert response["Content-Disposition"] == disposition
    assert response.streaming  # sent as it is written
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0] == list(HEADERS)
    assert len(rows) == 61  # all 60 Red rows, not one page, and not the Green one
    first = dict(zip(HEADERS, rows[1], strict=True))
    assert first["Ref"] == "1.1.1"
    assert first["Lead posts"] == "DCS"
    assert first["Due date"] == days(-1).isoformat()
    assert first["Days overdue"] == "1"
    assert first["RAG"] == "Red"


def test_download_xlsx_has_real_dates_and_never_runs_text_as_a_formula(viewer, plan):
    plan_action(plan, "1.1.1", description='=HYPERLINK("http://x","y")', due_date=days(-2))

    response = viewer.get(ACTIONS, {"download": "xlsx"})
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    header, row = list(sheet.iter_rows())

    assert [cell.value for cell in header] == list(HEADERS)
    assert row[3].value == '=HYPERLINK("http://x","y")'
    assert row[3].data_type == "s"
    assert row[5].value.date() == days(-2)
    csv_text = viewer.get(ACTIONS, {"download": "csv"}).getvalue().decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text


def fetched(client, url: str):
    """A GET, with a streamed body read to the end (its queries run as it is read)."""
    response = client.get(url)
    assert response.status_code == 200
    if response.streaming:
        response.getvalue()
    return response


def query_count(client, url: str) -> int:
    """Queries of one request, read before the next request resets the log."""
    fetched(client, url)  # warm the session
    with CaptureQueriesContext(connection) as queries:
        fetched(client, url)
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        ACTIONS,
        ACTIONS + "?rag=red&q=audit&overdue=on&sort=-rag",
        ACTIONS + "?rag=red",
        ACTIONS + "?download=csv",
        ACTIONS + "?download=xlsx",
        ACTIONS + "?download=csv&rag=red&sort=-rag",
        MINE,
        SLIPPAGE,
    ],
)
def test_lists_make_as_many_queries_for_500_actions_as_for_1(
    client, db, django_assert_num_queries, url
):
    lead = UserFactory(roles=[roles.LEAD_OFFICER])
    seed_plan(actions=1, title="Small", starts_on=datetime.date(2023, 1, 1), moved_every=1)
    # Overdue, in progress, moved: on every list, so each list's prefetches run for 1 too.
    Action.objects.update(status=Action.Status.IN_PROGRESS, due_date=days(-10))
    PostHolderFactory(post=Post.objects.get(name="Bench post 00"), person=lead)
    client.force_login(lead)
    expected = query_count(client, url)

    big = {"actions": 500, "updates_per_action": 3, "moved_every": 2}  # 240 slipped
    seed_plan(title="Big", starts_on=datetime.date(2024, 1, 1), **big)
    with django_assert_num_queries(expected):
        fetched(client, url)


# My actions -----------------------------------------------------------------------------


def test_my_actions_are_those_my_posts_lead_today_overdue_first(client, plan):
    person = UserFactory(roles=[roles.BOARD_MEMBER])
    mine, old = PostFactory(name="AD CSC"), PostFactory(name="DCS")
    PostHolderFactory(post=mine, person=person)
    last_year = timezone.localdate() - datetime.timedelta(days=365)
    PostHolderFactory(
        post=old, person=person, start_date=last_year.replace(year=2020), end_date=last_year
    )
    plan_action(plan, "1.1.1", due_date=days(5), lead_posts=[mine])
    plan_action(plan, "1.1.2", due_date=days(-5), lead_posts=[mine, old])
    plan_action(plan, "1.1.3", due_date=days(-50), status="complete", lead_posts=[mine])
    plan_action(plan, "1.1.4", due_date=None, lead_posts=[mine])
    plan_action(plan, "2.1.1", due_date=days(-5), lead_posts=[old])
    client.force_login(person)

    response = client.get(MINE)

    # Overdue first, then by due date (a complete action is never overdue), none last.
    assert shown(response) == ["1.1.2", "1.1.3", "1.1.1", "1.1.4"]
    assert "Today you hold: AD CSC." in response.text
    assert "Reported" in response.text  # same columns as the action list


def test_my_actions_says_why_it_is_empty(client, plan):
    nobody = UserFactory(roles=[roles.VIEWER])
    client.force_login(nobody)
    assert "You do not hold any posts today" in client.get(MINE).text

    holder = UserFactory(roles=[roles.LEAD_OFFICER])
    PostHolderFactory(post=PostFactory(name="Youth Council"), person=holder)
    client.force_login(holder)
    assert "The posts you hold do not lead any actions in the plan." in client.get(MINE).text


# Slippage -------------------------------------------------------------------------------


def move(action, from_date, to_date, reason, who=None, when=datetime.datetime(2023, 5, 3, 10)):
    DueDateChangeFactory(
        action=action,
        from_date=from_date,
        to_date=to_date,
        reason=reason,
        changed_by=who,
        changed_at=timezone.make_aware(when),
    )


def test_slippage_lists_moved_actions_most_days_slipped_first(viewer, plan):
    who = UserFactory(full_name="Ana Lead")
    little, much = plan_action(plan, "1.1.1"), plan_action(plan, "2.1.1")
    plan_action(plan, "1.1.2")  # never moved
    move(little, datetime.date(2023, 3, 31), datetime.date(2023, 4, 30), "Leave", who)
    move(
        much,
        datetime.date(2023, 3, 31),
        datetime.date(2023, 6, 30),
        "Amended date due to leave",
        who,
    )
    move(
        much,
        datetime.date(2023, 6, 30),
        datetime.date(2023, 9, 30),
        "propose move to September Board",
    )

    response = viewer.get(SLIPPAGE)
    rows = list(response.context["table"].page.object_list)

    assert [row.record.reference for row in rows] == ["2.1.1", "1.1.1"]
    assert rows[0].record.slippage.times_rebaselined == 2
    text = response.text
    for words in ("183 days", "30 days", "31 March 2023", "30 September 2023"):
        assert words in text
    assert "Amended date due to leave" in text
    assert "propose move to September Board" in text
    assert "Ana Lead, 3 May 2023" in text
    assert f'href="{reverse("action_detail", kwargs={"pk": much.pk})}"' in text


def test_slippage_filters_by_priority(viewer, plan):
    first, second = plan_action(plan, "1.1.1"), plan_action(plan, "2.1.1")
    for action in (first, second):
        move(action, datetime.date(2023, 3, 31), datetime.date(2023, 4, 30), "Leave")

    response = viewer.get(SLIPPAGE, {"priority": second.objective.priority_id})

    assert [row.record.reference for row in response.context["table"].page.object_list] == ["2.1.1"]
