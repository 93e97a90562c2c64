"""One action's pages: the detail page with its timeline, the progress form, linked
indicators and evidence downloads; who may use each, and the detail page's queries."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance import roles
from improvement_plan import services
from improvement_plan.models import Action, DueDateChange, Evidence, Milestone, ProgressUpdate
from improvement_plan.timeline_selectors import PER_PAGE
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.governance.meetings.factories import pdf_bytes
from tests.improvement_plan.factories import ActionFactory, ProgressUpdateFactory
from tests.improvement_plan.helpers import post_form
from tests.improvement_plan.link_factories import ActionIndicatorLinkFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, ServiceAreaFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
PDF = pdf_bytes(1)  # a real PDF: uploads must open with pypdf
ALLOWED_TO_UPDATE = {roles.ADMINISTRATOR, roles.DIRECTOR, roles.BOARD_MEMBER, roles.LEAD_OFFICER}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def post():
    return PostFactory(name="AD CSC")


@pytest.fixture
def lead(post):
    return holder(roles.BOARD_MEMBER, post, full_name="Ana Lead")


@pytest.fixture
def action(post):
    return ActionFactory(
        lead_posts=[post], reference="3.2.1", description="Audit return home interviews",
        due_date=TODAY - datetime.timedelta(days=43), reported_rag="green",
    )  # fmt: skip


def holder(role, post, **kwargs):
    person = UserFactory(roles=[role], **kwargs)
    PostHolderFactory(post=post, person=person)
    return person


def evidence_for(action, user):
    return services.evidence_attach(
        action=action, uploaded_file=SimpleUploadedFile("audit.pdf", PDF), user=user
    )


# Who may do what -------------------------------------------------------------------------


# Who may open each view: everyone signed in, leads (and above), or the Director and admins.
VIEWS = {
    "action_detail": set(roles.ALL_ROLES),
    "evidence_download": set(roles.ALL_ROLES),
    "action_update": ALLOWED_TO_UPDATE,
    "action_indicators": ALLOWED_TO_UPDATE,  # the action's leads link indicators too
}


def url_of(view, action, evidence):
    return reverse(view, args=[(evidence if view == "evidence_download" else action).pk])


@pytest.mark.parametrize("view", VIEWS)
def test_every_role_holding_the_lead_post(client, action, post, any_role, view):
    """Every role, each holding the action's lead post: leads update and link indicators,
    everyone reads and downloads evidence."""
    person = holder(any_role, post)
    client.force_login(person)

    response = client.get(url_of(view, action, evidence_for(action, person)))

    assert response.status_code == (200 if any_role in VIEWS[view] else 403)


@pytest.mark.parametrize("view", VIEWS)
def test_anonymous_people_are_sent_to_sign_in(client, action, lead, view):
    response = client.get(url_of(view, action, evidence_for(action, lead)))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("role", [roles.LEAD_OFFICER, roles.BOARD_MEMBER])
def test_leads_of_other_actions_may_not_update_this_one(client, action, role):
    client.force_login(holder(role, PostFactory(name="HoS QA & Safeguarding")))
    url = reverse("action_update", args=[action.pk])

    assert client.get(url).status_code == 403
    assert client.post(url, {"text": "x", "reported_rag": "green"}).status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_a_former_holder_of_the_post_may_not_update(client, action, post):
    former = UserFactory(roles=[roles.LEAD_OFFICER])
    PostHolderFactory(post=post, person=former, end_date=TODAY - datetime.timedelta(days=1))
    client.force_login(former)

    assert client.get(reverse("action_update", args=[action.pk])).status_code == 403


def test_refused_posts_change_nothing(client, action, post):
    client.force_login(holder(roles.VIEWER, post))
    indicator = IndicatorFactory()

    response = client.post(
        reverse("action_indicators", args=[action.pk]), {f"link_{indicator.pk}": "on"}
    )

    assert response.status_code == 403
    assert not action.indicators.exists()


def test_an_unknown_action_is_not_found(client, lead):
    client.force_login(lead)
    assert client.get(reverse("action_detail", args=[999])).status_code == 404


@pytest.mark.parametrize(
    ("role", "buttons"),
    [
        (roles.VIEWER, []),
        (roles.BOARD_MEMBER, ["Update progress", "Link indicators"]),
        (roles.DIRECTOR, ["Update progress", "Review RAG", "Link indicators"]),
        (roles.ADMINISTRATOR, ["Update progress", "Review RAG", "Link indicators"]),
    ],
)
def test_buttons_are_shown_only_to_those_allowed(client, action, post, role, buttons):
    client.force_login(holder(role, post))
    page = client.get(reverse("action_detail", args=[action.pk])).text
    for name in ["Update progress", "Review RAG", "Link indicators"]:
        assert (f">{name}</a>" in page) == (name in buttons), name


# The detail page -------------------------------------------------------------------------


def test_detail_says_what_the_action_is_and_where_the_rags_disagree(client, action, lead):
    action.owner = lead
    action.timeframe_as_written = "AD CSC by Sept 22"
    action.save()
    Milestone.objects.create(action=action, due_date=datetime.date(2022, 9, 30), written="Sept 22")
    client.force_login(UserFactory(roles=[roles.VIEWER]))

    page = client.get(reverse("action_detail", args=[action.pk])).text

    for words in [
        "Action 3.2.1", "Audit return home interviews", action.objective.title,
        action.objective.priority.title, "AD CSC", "Ana Lead", "AD CSC by Sept 22",
        "30 September 2022 (written “Sept 22”)", "(overdue by 43 days)", "In progress",
        "The reported and computed RAG disagree: Reported Green, overdue by 43 days.",
    ]:  # fmt: skip
        assert words in page, words


def test_the_timeline_merges_everything_newest_first(client, action, lead):
    imported = ProgressUpdateFactory(action=action, text="From the Word table", is_imported=True)
    ProgressUpdate.objects.filter(pk=imported.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=2)
    )
    director = UserFactory(roles=[roles.DIRECTOR], full_name="Dee Director")
    services.director_review_record(
        action=action, reviewer=director, decision="challenged", comment="Why Green?", today=TODAY
    )
    services.progress_update_record(
        action=action, author=lead, text="Audit restarted", reported_rag="amber",
        rag_reason="Staff on leave", status=Action.Status.COMPLETE,
        new_due_date=TODAY + datetime.timedelta(days=30), due_date_reason="Leave commitments",
        today=TODAY,
    )  # fmt: skip
    client.force_login(director)

    response = client.get(reverse("action_detail", args=[action.pk]))

    kinds = [entry.kind for entry in response.context["page"].entries]
    assert kinds.index("progress") < kinds.index("review")  # the update came after the review
    page = response.text
    for words in [
        "Imported from the plan document on", "From the Word table",
        "By Ana Lead on", "Audit restarted", "Staff on leave",
        f"Due date moved from {action.due_date:%-d %B %Y} to "
        f"{TODAY + datetime.timedelta(days=30):%-d %B %Y}", "Reason: Leave commitments",
        "Director’s review: RAG challenged", "Why Green?", "Answered by the progress update of",
        "Status changed from In progress to Complete", "Reason: Progress update",
    ]:  # fmt: skip
        assert words in page, words
    assert "Reported RAG changed from" in page
    assert page.index("Audit restarted") < page.index("From the Word table")


def test_history_shows_who_changed_what(client, action, lead):
    action.description = "Audit every return home interview"
    action._history_user = lead
    action.save()
    client.force_login(lead)

    entries = client.get(reverse("action_detail", args=[action.pk])).context["page"].entries

    change = next(e for e in entries if e.kind == "change" and not e.created and e.changes)
    assert change.who == "Ana Lead"
    assert change.changes == (
        "Description changed from “Audit return home interviews” "
        "to “Audit every return home interview”",
    )


def test_linked_indicators_show_their_latest_value_and_no_rag_yet(client, action, lead):
    area = ServiceAreaFactory(prefix="FD", title="Front Door")
    indicator = IndicatorFactory(service_area=area, ref="FD7", title="Re-referrals")
    for month, value in [(5, 70), (6, 78.1)]:  # approved: board figures only
        IndicatorValueFactory(
            indicator=indicator, period=datetime.date(2023, month, 1), value=value,
            state="approved",
        )  # fmt: skip
    action.indicators.add(indicator, IndicatorFactory(service_area=area, ref="FD8"))
    client.force_login(lead)

    page = client.get(reverse("action_detail", args=[action.pk])).text

    assert "FD7 Re-referrals" in page
    assert "78.1%" in page
    assert "June 2023" in page
    assert "No values yet" in page
    assert page.count("RAG not yet available") == 2


def test_each_linked_indicator_shows_its_expected_effect_as_the_impact_page_does(
    client, action, lead
):
    """The effect in the impact page's words (value in the indicator's unit and decimal
    places), its reason, and a link to the impact page at the action's priority."""
    percentage = IndicatorFactory(ref="FD7", unit="percentage", decimal_places=0)
    count = IndicatorFactory(ref="FD8", unit="number", decimal_places=1)
    ActionIndicatorLinkFactory(
        action=action, indicator=percentage, expected_direction="down",
        expected_value=Decimal("15"), expected_by=datetime.date(2023, 3, 1),
        reason="Fewer repeat referrals once the audit lands",
    )  # fmt: skip
    ActionIndicatorLinkFactory(action=action, indicator=count, expected_value=Decimal("2.25"))
    client.force_login(lead)

    page = client.get(reverse("action_detail", args=[action.pk])).text
    impact = client.get(reverse("plan_impact")).text

    for words in ("Down, to 15% by March 2023", "As the polarity says, to 2.3"):
        assert words in page
        assert words in impact
    assert "Fewer repeat referrals once the audit lands" in page
    priority, plan = action.objective.priority.number, action.objective.priority.plan_id
    assert f'href="{reverse("plan_impact")}?plan={plan}#priority-{priority}"' in page


def test_evidence_downloads_as_an_attachment_never_sniffed(client, action, lead):
    evidence = evidence_for(action, lead)
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    page = client.get(reverse("action_detail", args=[action.pk])).text
    assert reverse("evidence_download", args=[evidence.pk]) in page

    response = client.get(reverse("evidence_download", args=[evidence.pk]))

    assert response["Content-Disposition"] == 'attachment; filename="audit.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_the_detail_page_queries_do_not_grow_with_history(client, django_assert_num_queries):
    director = UserFactory(roles=[roles.DIRECTOR])
    client.force_login(director)
    small, large = busy_action(1, director), busy_action(50, director)
    client.get(reverse("action_detail", args=[small.pk]))  # warm the session
    with CaptureQueriesContext(connection) as for_one:
        client.get(reverse("action_detail", args=[small.pk]))
    expected = len(for_one)  # read now: the next request resets the query log

    with django_assert_num_queries(expected):
        response = client.get(reverse("action_detail", args=[large.pk]))
    assert response.context["page"].timeline.paginator.count > 150
    assert len(response.context["page"].entries) == PER_PAGE  # one page is shown
    with CaptureQueriesContext(connection) as last_page:  # no more for the last page
        client.get(reverse("action_detail", args=[large.pk]), {"page": 1000})
    assert len(last_page) <= expected


def test_the_history_is_shown_a_page_at_a_time_newest_first(client, action, lead):
    now = timezone.now()
    for n in range(PER_PAGE + 5):
        ProgressUpdateFactory(
            action=action, author=lead, text=f"Update number {n}",
            created_at=now - datetime.timedelta(hours=n),
        )  # fmt: skip
    client.force_login(lead)
    url = reverse("action_detail", args=[action.pk])

    first, second = client.get(url).text, client.get(url, {"page": 2}).text

    assert "Update number 0" in first
    assert "By Ana Lead on" in first
    assert "Update number 29" not in first
    assert "Update number 29" in second
    assert 'class="govuk-pagination' in first
    assert 'href="?page=2"' in first
    assert 'href="?page=1"' in second
    assert client.get(url, {"page": "x"}).status_code == 200  # bad input: the first page


def busy_action(count: int, director) -> Action:
    """An action with `count` each of progress updates, due-date moves, reviews, evidence,
    linked indicators and saves by different people."""
    post = PostFactory()
    action = ActionFactory(lead_posts=[post, PostFactory()], due_date=TODAY)
    for n in range(count):
        author = holder(roles.LEAD_OFFICER, post)
        services.progress_update_record(
            action=action, author=author, text=f"Update {n}", reported_rag="amber",
            rag_reason="Slow", new_due_date=TODAY + datetime.timedelta(days=n + 1),
            due_date_reason="Leave", evidence_files=[SimpleUploadedFile(f"{n}.pdf", PDF)],
            today=TODAY,
        )  # fmt: skip
        services.director_review_record(
            action=action, reviewer=director, decision="challenged", comment="Why?", today=TODAY
        )
        indicator = IndicatorValueFactory().indicator
        services.action_indicators_set(action=action, indicators=[indicator], user=author)
    return action


# The progress form -----------------------------------------------------------------------


def post_update(client, action, **data):
    values = {
        "text": "Audit restarted", "reported_rag": "green", "rag_reason": "",
        "status": "in_progress", "new_due_date_day": "", "new_due_date_month": "",
        "new_due_date_year": "", "due_date_reason": "",
    }  # fmt: skip
    return post_form(client, reverse("action_update", args=[action.pk]), {**values, **data})


def test_the_form_starts_from_the_action_as_it_stands(client, action, lead):
    client.force_login(lead)

    response = client.get(reverse("action_update", args=[action.pk]))

    assert response.context["form"]["status"].value() == "in_progress"
    assert "Overdue by 43 days" in response.text
    assert 'type="file" name="evidence" multiple' in response.text


def test_progress_is_saved_and_the_lead_sees_it_with_a_success_banner(client, action, lead):
    client.force_login(lead)

    response = post_update(client, action, status="complete")

    assert response.status_code == 302
    assert response.url == reverse("action_detail", args=[action.pk])
    page = client.get(response.url).text
    assert "govuk-notification-banner--success" in page
    assert "Progress on action 3.2.1 is saved" in page
    update = ProgressUpdate.objects.get()
    assert (update.text, update.author, update.status) == ("Audit restarted", lead, "complete")


def test_errors_are_summarised_and_nothing_typed_is_lost(client, action, lead):
    client.force_login(lead)

    response = post_update(
        client, action, reported_rag="red", text="Staff shortages",
        new_due_date_day="31", new_due_date_month="", new_due_date_year="2030",
    )  # fmt: skip

    assert response.status_code == 200
    page = response.text
    assert "<title>Error: Update progress on action 3.2.1" in page
    assert "There is a problem" in page
    assert '<a href="#id_new_due_date-day">New due date must include a month</a>' in page
    assert '<a href="#id_rag_reason">Enter why the action is Red</a>' in page
    assert "Staff shortages</textarea>" in page
    assert 'value="red" id="id_reported_rag_0" checked' in page
    assert 'name="new_due_date_day" type="text" inputmode="numeric" value="31"' in page
    assert "If you chose any files, choose them again" in page
    assert not ProgressUpdate.objects.exists()


def test_the_services_rules_come_back_as_field_errors(client, action, lead):
    client.force_login(lead)

    response = post_update(
        client, action, reported_rag="amber", new_due_date_day="30", new_due_date_month="9",
        new_due_date_year=str(TODAY.year + 1),
    )  # fmt: skip

    errors = response.context["form"].errors
    assert errors["rag_reason"] == ["Enter why the action is Amber"]
    assert errors["due_date_reason"] == ["Enter why the due date is moving"]
    assert not DueDateChange.objects.exists()


def test_a_date_that_does_not_exist_is_refused(client, action, lead):
    client.force_login(lead)

    response = post_update(
        client, action, new_due_date_day="31", new_due_date_month="2", new_due_date_year="2030"
    )

    assert response.context["form"].errors["new_due_date"] == ["New due date must be a real date"]


def test_a_new_due_date_with_a_reason_and_evidence_files(client, action, lead):
    client.force_login(lead)
    moved = TODAY + datetime.timedelta(days=60)
    png = SimpleUploadedFile("chart.pdf", PDF)

    response = post_update(
        client, action, new_due_date_day=str(moved.day), new_due_date_month=str(moved.month),
        new_due_date_year=str(moved.year), due_date_reason="Propose move to September Board",
        evidence=[SimpleUploadedFile("audit.pdf", PDF), png],
    )  # fmt: skip

    assert response.status_code == 302
    change = DueDateChange.objects.get()
    assert (change.to_date, change.reason) == (moved, "Propose move to September Board")
    assert sorted(Evidence.objects.values_list("original_name", flat=True)) == [
        "audit.pdf", "chart.pdf",
    ]  # fmt: skip


def test_a_renamed_executable_is_refused_on_the_evidence_field(client, action, lead):
    client.force_login(lead)
    exe = SimpleUploadedFile("minutes.pdf", b"MZ\x90\x00" + b"\x00" * 64)

    response = post_update(client, action, evidence=[exe])

    assert response.status_code == 200
    assert response.context["form"].errors["evidence"][0].startswith("minutes.pdf: The selected")
    assert not ProgressUpdate.objects.exists()


def test_the_form_is_pre_filled_with_the_reported_rag_and_its_reason(client, action, lead):
    Action.objects.filter(pk=action.pk).update(reported_rag="red", reported_rag_reason="No staff")
    client.force_login(lead)

    form = client.get(reverse("action_update", args=[action.pk])).context["form"]

    assert (form["reported_rag"].value(), form["rag_reason"].value()) == ("red", "No staff")


def test_a_reason_left_from_red_is_not_kept_with_green(client, action, lead):
    Action.objects.filter(pk=action.pk).update(reported_rag="red", reported_rag_reason="No staff")
    client.force_login(lead)

    post_update(client, action, reported_rag="green", rag_reason="No staff")

    action.refresh_from_db()
    assert (action.reported_rag, action.reported_rag_reason) == ("green", "")
    assert ProgressUpdate.objects.get().rag_reason == ""
