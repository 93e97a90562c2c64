"""The services that write progress, due dates, evidence and the Director's reviews."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from governance import roles
from improvement_plan import services
from improvement_plan.models import (
    Action,
    DirectorReview,
    DueDateChange,
    Evidence,
    ProgressUpdate,
)
from improvement_plan.rag_selectors import judge, tracked_action
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.governance.meetings.factories import pdf_bytes
from tests.improvement_plan.factories import ActionFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
PDF = pdf_bytes(1)  # a real PDF: uploads must open with pypdf


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def lead():
    person = UserFactory(roles=[roles.LEAD_OFFICER], full_name="Ana Lead")
    PostHolderFactory(post=PostFactory(name="AD CSC"), person=person)
    return person


@pytest.fixture
def action(lead):
    post = lead.post_holdings.get().post
    return ActionFactory(
        lead_posts=[post], reference="3.2.1", due_date=TODAY + datetime.timedelta(days=60)
    )


def record(action, author, **overrides):
    values = {"text": "Audit done", "reported_rag": "green", "today": TODAY}
    return services.progress_update_record(action=action, author=author, **{**values, **overrides})


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def test_progress_is_recorded_with_the_computed_rag_at_the_time(action, lead):
    update = record(action, lead, status=Action.Status.IN_PROGRESS)

    assert update.author == lead
    assert update.computed_rag == "green"
    action.refresh_from_db()
    assert action.reported_rag == "green"
    assert action.status == Action.Status.IN_PROGRESS


def test_an_overdue_action_reported_green_is_recorded_as_red_at_the_time(lead):
    post = lead.post_holdings.get().post
    overdue = ActionFactory(lead_posts=[post], due_date=TODAY - datetime.timedelta(days=43))

    update = record(overdue, lead, reported_rag="green")

    assert (update.reported_rag, update.computed_rag) == ("green", "red")


@pytest.mark.parametrize("rag", ["red", "amber"])
def test_red_or_amber_needs_a_reason(action, lead, rag):
    with pytest.raises(ValidationError) as excinfo:
        record(action, lead, reported_rag=rag)

    assert errors_of(excinfo) == {"rag_reason": [f"Enter why the action is {rag.title()}"]}
    assert not ProgressUpdate.objects.exists()


def test_red_with_a_reason_is_recorded(action, lead):
    update = record(action, lead, reported_rag="red", rag_reason="No staff")

    assert (update.reported_rag, update.rag_reason) == ("red", "No staff")


def test_a_new_due_date_needs_a_reason_and_nothing_is_written_without_one(action, lead):
    original = action.due_date
    with pytest.raises(ValidationError) as excinfo:
        record(action, lead, new_due_date=original + datetime.timedelta(days=30))

    assert "due_date_reason" in errors_of(excinfo)
    action.refresh_from_db()
    assert action.due_date == original
    assert not DueDateChange.objects.exists()
    assert not ProgressUpdate.objects.exists()


def test_a_new_due_date_with_a_reason_is_a_due_date_change(action, lead):
    original, moved = action.due_date, action.due_date + datetime.timedelta(days=30)

    record(action, lead, new_due_date=moved, due_date_reason="Leave commitments")

    change = DueDateChange.objects.get()
    assert (change.from_date, change.to_date) == (original, moved)
    assert (change.reason, change.changed_by) == ("Leave commitments", lead)
    action.refresh_from_db()
    assert action.due_date == moved


def test_a_new_due_date_in_the_past_is_refused(action, lead):
    with pytest.raises(ValidationError) as excinfo:
        record(action, lead, new_due_date=TODAY - datetime.timedelta(days=1), due_date_reason="x")

    assert "new_due_date" in errors_of(excinfo)


def test_slipped_twice_is_amber(action, lead):
    for days in (30, 60):
        update = record(
            action, lead, new_due_date=TODAY + datetime.timedelta(days=60 + days),
            due_date_reason="Waiting for the new structure",
        )  # fmt: skip

    judgement = judge(tracked_action(action.pk), today=TODAY)
    assert (judgement.rag, judgement.reason) == ("amber", "due date moved 2 times")
    assert update.computed_rag == "amber"


def test_evidence_is_stored_with_the_kind_read_from_its_content(action, lead):
    update = record(action, lead, evidence_files=[SimpleUploadedFile("audit.pdf", PDF)])

    evidence = Evidence.objects.get()
    assert (evidence.kind, evidence.original_name) == ("pdf", "audit.pdf")
    assert (evidence.progress_update, evidence.uploaded_by) == (update, lead)


def test_a_renamed_executable_is_refused_and_nothing_is_written(action, lead, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    original = action.due_date
    files = [
        SimpleUploadedFile("audit.pdf", PDF),
        SimpleUploadedFile("minutes.pdf", b"MZ\x90\x00" + b"\x00" * 100),
    ]
    with pytest.raises(ValidationError) as excinfo:
        record(
            action, lead, evidence_files=files, status=Action.Status.COMPLETE,
            new_due_date=original + datetime.timedelta(days=7), due_date_reason="Late audit",
        )  # fmt: skip

    assert errors_of(excinfo)["evidence"][0].startswith("minutes.pdf: The selected file must be")
    assert not ProgressUpdate.objects.exists()
    assert not DueDateChange.objects.exists()
    assert not Evidence.objects.exists()
    assert not list(tmp_path.rglob("*.pdf")), "the good file must not be stored either"
    action.refresh_from_db()
    assert (action.due_date, action.status) == (original, Action.Status.IN_PROGRESS)


def test_evidence_over_the_size_limit_is_refused(action, lead, settings):
    settings.EVIDENCE_MAX_MB = 1
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024))

    with pytest.raises(ValidationError) as excinfo:
        record(action, lead, evidence_files=[big])

    assert "must be smaller than 1.0" in errors_of(excinfo)["evidence"][0]
    assert not ProgressUpdate.objects.exists()


def test_a_challenge_needs_a_comment_and_a_confirmation_does_not(action):
    director = UserFactory(roles=[roles.DIRECTOR])
    with pytest.raises(ValidationError) as excinfo:
        services.director_review_record(
            action=action, reviewer=director, decision="challenged", comment=" ", today=TODAY
        )
    assert "comment" in errors_of(excinfo)

    review = services.director_review_record(
        action=action, reviewer=director, decision="confirmed", today=TODAY
    )
    assert (review.decision, review.rag) == ("confirmed", "green")


def test_a_challenge_is_answered_by_the_next_progress_update(action, lead):
    director = UserFactory(roles=[roles.DIRECTOR])
    challenge = services.director_review_record(
        action=action, reviewer=director, decision="challenged",
        comment="Green? The audit has not started.", today=TODAY,
    )  # fmt: skip
    assert challenge.is_open_challenge

    update = record(action, lead, text="The audit started on Monday")

    challenge.refresh_from_db()
    assert challenge.answered_by == update
    assert not challenge.is_open_challenge
    assert DirectorReview.objects.filter(answered_by__isnull=True).count() == 0


def test_history_rows_name_the_user_and_the_reason(action, lead):
    record(
        action, lead, status=Action.Status.COMPLETE,
        new_due_date=action.due_date + datetime.timedelta(days=7), due_date_reason="Leave",
    )  # fmt: skip

    newest_first = list(action.history.order_by("-history_date", "-history_id")[:2])
    assert [row.history_user for row in newest_first] == [lead, lead]
    assert newest_first[0].history_change_reason == "Progress update"
    assert newest_first[0].status == Action.Status.COMPLETE
    assert newest_first[1].history_change_reason == "Due date moved: Leave"


def test_linking_indicators_is_kept_in_history_with_the_user(action):
    from improvement_plan.models import ActionIndicatorLink
    from tests.scorecard.factories import IndicatorFactory

    director = UserFactory(roles=[roles.DIRECTOR])
    indicator = IndicatorFactory(ref="FD1")

    services.action_indicators_set(action=action, indicators=[indicator], user=director)

    assert list(action.indicators.all()) == [indicator]
    latest = ActionIndicatorLink.history.filter(action_id=action.pk).first()
    assert (latest.history_user, latest.history_type) == (director, "+")


def test_a_long_reason_for_a_move_is_kept_whole_and_shortened_in_history(action, lead):
    """django-simple-history keeps 100 characters of a reason: PostgreSQL refused more."""
    reason = "r" * 500

    services.due_date_change(
        action=action, to_date=action.due_date + datetime.timedelta(days=7), reason=reason,
        user=lead,
    )  # fmt: skip

    assert DueDateChange.objects.get().reason == reason
    latest = action.history.order_by("-history_date", "-history_id").first()
    assert len(latest.history_change_reason) == 100
    assert latest.history_change_reason.endswith("…")
