"""Entering and signing off values and commentary: states, history, checks, plain text."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from governance import roles
from scorecard import approval_services, commentary_services, services
from scorecard.domain.entry import Entry
from scorecard.models import Commentary, IndicatorValue
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory, ServiceAreaFactory

pytestmark = pytest.mark.django_db

JUNE = datetime.date(2023, 6, 1)
TODAY = datetime.date(2023, 7, 10)
State = IndicatorValue.State


@pytest.fixture
def officer():
    return UserFactory(roles=[roles.PERFORMANCE_OFFICER], full_name="Pat Officer")


@pytest.fixture
def area():
    return ServiceAreaFactory(prefix="FD", title="Front Door")


@pytest.fixture
def indicators(area):
    return [
        IndicatorFactory(service_area=area, ref="FD1", unit="percentage", decimal_places=1),
        IndicatorFactory(service_area=area, ref="FD2", unit="count", decimal_places=0),
    ]


def enter(indicators, user, submit=False, period=JUNE, **entries):
    """entries by ref: enter(indicators, user, FD1=Entry(value=...))."""
    by_ref = {indicator.ref: indicator.pk for indicator in indicators}
    return services.values_enter(
        indicators=indicators, period=period, user=user, today=TODAY, submit=submit,
        entries={by_ref[ref]: entry for ref, entry in entries.items()},
    )  # fmt: skip


def held(ref) -> IndicatorValue:
    return IndicatorValue.objects.get(indicator__ref=ref, period=JUNE)


def test_entering_saves_drafts_naming_who_entered_them(indicators, officer):
    enter(indicators, officer, FD1=Entry(value=D("78.1")), FD2=Entry(value=D(7362), note="Late"))

    first, second = held("FD1"), held("FD2")
    assert (first.value, first.state, first.entered_by) == (D("78.1"), State.DRAFT, officer)
    assert (second.value, second.note) == (D(7362), "Late")
    record = first.history.get()
    assert (record.history_user, record.history_change_reason) == (officer, "Entered")


def test_a_percentage_is_worked_out_from_its_numerator_and_denominator(indicators, officer):
    enter(indicators, officer, FD1=Entry(numerator=D(2), denominator=D(3)))

    value = held("FD1")
    assert (value.value, value.numerator, value.denominator) == (D("66.7"), D(2), D(3))


def test_a_missing_value_is_saved_with_its_reason(indicators, officer):
    enter(indicators, officer, FD2=Entry(missing_reason="Not yet available"))

    assert (held("FD2").value, held("FD2").missing_reason) == (None, "Not yet available")


def test_blank_entries_save_nothing(indicators, officer):
    enter(indicators, officer, FD1=Entry(value=D(50)), FD2=Entry())

    assert list(IndicatorValue.objects.values_list("indicator__ref", flat=True)) == ["FD1"]


def test_every_problem_is_reported_figure_by_figure_and_those_figures_are_not_saved(
    indicators, officer
):
    outcome = enter(
        indicators, officer,
        FD1=Entry(numerator=D(5), denominator=D(4)), FD2=Entry(value=D("2.5")),
    )  # fmt: skip

    first, second = indicators
    assert outcome.problems == {
        f"i{first.pk}-numerator": "FD1 numerator must be the same as or less than the denominator",
        f"i{second.pk}-value": "FD2 count must be a whole number",
    }
    assert not outcome.complete
    assert not IndicatorValue.objects.exists()


def test_a_month_after_this_one_is_refused(indicators, officer):
    with pytest.raises(ValidationError, match="The month must be this month or earlier"):
        enter(indicators, officer, period=datetime.date(2023, 8, 1), FD2=Entry(value=D(1)))


def test_blanking_a_value_already_held_is_refused(indicators, officer):
    enter(indicators, officer, FD2=Entry(value=D(3)))

    outcome = enter(indicators, officer, FD2=Entry())

    assert outcome.problems == {
        f"i{indicators[1].pk}-value": "Enter a value for FD2 or a reason it is missing"
    }
    assert held("FD2").value == D(3)


def test_changing_a_draft_keeps_it_a_draft_and_records_the_change(indicators, officer):
    enter(indicators, officer, FD2=Entry(value=D(3)))
    other = UserFactory(roles=[roles.ADMINISTRATOR], full_name="Ada Admin")

    enter(indicators, other, FD2=Entry(value=D(4)))

    value = held("FD2")
    assert (value.value, value.state, value.entered_by) == (D(4), State.DRAFT, other)
    latest = value.history.order_by("-history_id").first()
    assert (latest.history_user, latest.history_change_reason, latest.value) == (
        other, "Changed", D(4),
    )  # fmt: skip


def test_saving_an_unchanged_value_writes_no_history(indicators, officer):
    enter(indicators, officer, FD2=Entry(value=D(3), note="Checked"))
    enter(indicators, officer, FD2=Entry(value=D(3), note="Checked"))

    assert held("FD2").history.count() == 1


def test_changing_an_approved_value_sends_it_back_for_approval(indicators, officer):
    approver = UserFactory(roles=[roles.DIRECTOR])
    value = IndicatorValueFactory(indicator=indicators[1], period=JUNE, value=3, state="approved")
    IndicatorValue.objects.filter(pk=value.pk).update(approved_by=approver)

    enter(indicators, officer, FD2=Entry(value=D(5)))

    value.refresh_from_db()
    assert (value.value, value.state, value.approved_by, value.approved_at) == (
        D(5), State.SUBMITTED, None, None,
    )  # fmt: skip
    latest = value.history.order_by("-history_id").first()
    assert latest.history_user == officer
    assert latest.history_change_reason == "Changed after approval: to be approved again"
    assert latest.history_date is not None
    previous = latest.prev_record
    assert (previous.value, previous.state) == (D(3), State.APPROVED)


def test_submitting_sends_the_figures_that_are_ready_and_says_what_remains(indicators, officer):
    """Finding 6: one figure is saved and submitted before the others have a value."""
    outcome = enter(indicators, officer, submit=True, FD1=Entry(value=D(50)))

    assert (outcome.submitted, outcome.still_to_enter) == (1, ["FD2"])
    assert held("FD1").state == State.SUBMITTED
    assert not IndicatorValue.objects.filter(indicator__ref="FD2").exists()
    record = held("FD1").history.order_by("-history_id").first()
    assert (record.history_user, record.history_change_reason) == (officer, "Submitted")

    outcome = enter(indicators, officer, submit=True, FD2=Entry(missing_reason="-"))

    assert (outcome.submitted, outcome.still_to_enter) == (1, [])
    assert {v.state for v in IndicatorValue.objects.all()} == {State.SUBMITTED}


def test_one_figure_in_error_does_not_stop_the_others(indicators, officer):
    """Finding 6: FD2 is wrong; FD1 is saved and submitted all the same, FD2 is not."""
    outcome = enter(
        indicators, officer, submit=True, FD1=Entry(value=D(50)), FD2=Entry(value=D("2.5"))
    )

    assert [value.indicator.ref for value in outcome.saved] == ["FD1"]
    assert outcome.problems == {f"i{indicators[1].pk}-value": "FD2 count must be a whole number"}
    assert (held("FD1").state, outcome.submitted) == (State.SUBMITTED, 1)
    assert not IndicatorValue.objects.filter(indicator__ref="FD2").exists()


def test_values_submit_on_its_own_submits_each_draft_held(indicators, officer):
    enter(indicators, officer, FD1=Entry(value=D(50)))
    assert services.values_submit(indicators=indicators, period=JUNE, user=officer) == 1

    enter(indicators, officer, FD2=Entry(value=D(5)))  # FD1 without an entry: kept
    assert held("FD1").value == D(50)
    assert services.values_submit(indicators=indicators, period=JUNE, user=officer) == 1
    assert services.values_submit(indicators=indicators, period=JUNE, user=officer) == 0


def test_approving_records_who_and_when_and_only_takes_submitted_values(indicators, officer):
    enter(indicators, officer, submit=True, FD1=Entry(value=D(50)), FD2=Entry(value=D(5)))
    draft = IndicatorValueFactory(indicator=IndicatorFactory(ref="FD3"), period=JUNE)
    director = UserFactory(roles=[roles.DIRECTOR])

    count = approval_services.values_approve(
        value_ids=[held("FD1").pk, held("FD2").pk, draft.pk], user=director
    )

    assert count == 2
    first = held("FD1")
    assert (first.state, first.approved_by) == (State.APPROVED, director)
    assert first.approved_at is not None
    draft.refresh_from_db()
    assert draft.state == State.DRAFT
    record = first.history.order_by("-history_id").first()
    assert (record.history_user, record.history_change_reason) == (director, "Approved")


def test_returning_needs_a_reason_and_keeps_it_in_the_note(indicators, officer):
    enter(indicators, officer, submit=True, FD1=Entry(value=D(50)), FD2=Entry(value=D(5), note="x"))
    # returning your own figures is allowed: only approving them needs another person
    ids = [held("FD2").pk]

    with pytest.raises(ValidationError, match="Enter why you are returning them"):
        approval_services.values_return(value_ids=ids, user=officer, reason="  ")

    approval_services.values_return(value_ids=ids, user=officer, reason="Check <b>May</b> too")

    value = held("FD2")
    assert (value.state, value.note) == (State.DRAFT, "Returned: Check May too\n\nx")
    record = value.history.order_by("-history_id").first()
    assert record.history_change_reason == "Returned: Check May too"
    assert held("FD1").state == State.SUBMITTED


def test_a_too_long_reason_is_refused(indicators, officer):
    with pytest.raises(ValidationError, match="Reason must be 90 characters or fewer"):
        approval_services.values_return(value_ids=[1], user=officer, reason="x" * 91)


def test_nothing_selected_is_refused(officer):
    with pytest.raises(ValidationError, match="Select the values or commentary"):
        approval_services.values_approve(value_ids=[], user=officer)
    with pytest.raises(ValidationError, match="Select the values or commentary"):
        approval_services.approvals_decide(
            value_ids=[], commentary_ids=[], approve=True, user=officer
        )


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("<script>alert(1)</script>Late <b>data</b>", "Late data"),
        ("a < b & c", "a < b & c"),
        ("&lt;img src=x onerror=alert(1)&gt;Fine", "Fine"),
        ("  Two\nlines  ", "Two\nlines"),
    ],
)
def test_text_is_kept_as_plain_text(indicators, officer, written, kept):
    enter(indicators, officer, FD2=Entry(missing_reason=written, note=written))

    assert (held("FD2").missing_reason, held("FD2").note) == (kept, kept)
    assert services.plain_text(written) == kept


def test_an_owner_may_enter_only_their_own_indicators(indicators):
    post = PostFactory(name="HoS Front Door")
    indicators[0].owner = post
    indicators[0].save()
    owner = UserFactory(roles=[roles.LEAD_OFFICER])
    PostHolderFactory(post=post, person=owner)

    enter(indicators[:1], owner, FD1=Entry(value=D(50)))
    assert held("FD1").entered_by == owner

    with pytest.raises(PermissionDenied, match="FD2"):
        enter(indicators, owner, FD1=Entry(value=D(51)), FD2=Entry(value=D(9)))
    with pytest.raises(PermissionDenied):
        services.values_enter(
            indicators=indicators[:1], period=JUNE, user=owner, today=TODAY,
            entries={indicators[1].pk: Entry(value=D(9))},
        )  # fmt: skip
    assert not IndicatorValue.objects.filter(indicator__ref="FD2").exists()
    assert held("FD1").value == D(50)


@pytest.mark.parametrize("role", [roles.DIRECTOR, roles.VIEWER, roles.BOARD_MEMBER])
def test_people_who_may_not_enter_are_refused(indicators, role):
    with pytest.raises(PermissionDenied):
        enter(indicators, UserFactory(roles=[role]), FD2=Entry(value=D(1)))


# Commentary --------------------------------------------------------------------------------


def save(area, user, text, submit=False):
    return commentary_services.commentary_save(
        area=area, period=JUNE, text=text, user=user, today=TODAY, submit=submit
    )


def test_commentary_is_saved_as_a_plain_text_draft(area, officer):
    commentary = save(area, officer, "<p>Contacts <em>rose</em> in June.</p>")

    assert (commentary.text, commentary.state, commentary.author) == (
        "Contacts rose in June.", Commentary.State.DRAFT, officer,
    )  # fmt: skip
    assert commentary.history.get().history_user == officer


def test_empty_commentary_is_refused(area, officer):
    with pytest.raises(ValidationError, match="Enter the commentary"):
        save(area, officer, "<script>x</script> ")
    with pytest.raises(ValidationError, match="Enter the commentary"):
        commentary_services.commentary_submit(area=area, period=JUNE, user=officer)


def test_commentary_goes_submitted_approved_and_back_when_changed(area, officer):
    director = UserFactory(roles=[roles.DIRECTOR])
    commentary = save(area, officer, "Contacts rose", submit=True)
    assert commentary.state == Commentary.State.SUBMITTED

    assert approval_services.commentary_approve(commentary_ids=[commentary.pk], user=director) == 1
    commentary.refresh_from_db()
    assert commentary.state == Commentary.State.APPROVED

    save(area, officer, "Contacts rose")  # unchanged: stays approved
    commentary.refresh_from_db()
    assert commentary.state == Commentary.State.APPROVED

    save(area, officer, "Contacts rose by 10%")
    commentary.refresh_from_db()
    assert (commentary.state, commentary.text) == (
        Commentary.State.SUBMITTED,
        "Contacts rose by 10%",
    )
    reasons = list(commentary.history.order_by("history_id").values_list("history_change_reason"))
    assert [r[0] for r in reasons] == ["Written", "Submitted", "Approved", "Changed after approval"]


def test_commentary_returned_with_a_reason(area, officer):
    commentary = save(area, officer, "Contacts rose", submit=True)

    approval_services.commentary_return(
        commentary_ids=[commentary.pk], user=officer, reason="Say why"
    )

    commentary.refresh_from_db()
    assert commentary.state == Commentary.State.DRAFT
    latest = commentary.history.order_by("-history_id").first()
    assert (latest.history_user, latest.history_change_reason) == (officer, "Returned: Say why")


def test_approvals_decide_moves_values_and_commentary_together(indicators, area, officer):
    enter(indicators, officer, submit=True, FD1=Entry(value=D(50)), FD2=Entry(value=D(5)))
    commentary = save(area, officer, "Contacts rose", submit=True)
    value_ids = [held("FD1").pk]
    director = UserFactory(roles=[roles.DIRECTOR])

    with pytest.raises(ValidationError, match="Enter why you are returning them"):
        approval_services.approvals_decide(
            value_ids=value_ids, commentary_ids=[commentary.pk], approve=False, user=director
        )
    moved = approval_services.approvals_decide(
        value_ids=value_ids, commentary_ids=[commentary.pk], approve=True, user=director
    )

    assert moved == (1, 1)
    assert held("FD1").state == State.APPROVED
    assert held("FD2").state == State.SUBMITTED
    commentary.refresh_from_db()
    assert commentary.state == Commentary.State.APPROVED
