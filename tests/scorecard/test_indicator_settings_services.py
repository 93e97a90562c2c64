"""Setting many indicators' polarity, tolerance and target at once: the rules
(scorecard.domain.indicator_settings) and the service (scorecard.settings_services):
only changes are written, all or nothing, someone else's change is refused, every
change is in the history with its reason, and a new target never edits an old one."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from common.concurrency import EditConflict, canonical_values
from governance import roles
from scorecard.domain import indicator_settings as rules
from scorecard.domain.polarity_evidence import may_learn
from scorecard.models import Indicator, Target
from scorecard.settings_services import SettingsChange, current_parts, indicator_settings_apply
from tests.governance.factories import UserFactory
from tests.scorecard.factories import IndicatorFactory, TargetFactory

APRIL_2023 = datetime.date(2023, 4, 1)
JUNE_2024 = datetime.date(2024, 6, 1)


@pytest.mark.parametrize(
    ("written", "polarity", "problem"),
    [
        ("85%", "higher", ""),
        ("85-90%", "band", ""),
        ("<7%", "lower", ""),
        (">65%", "higher", ""),
        ("<7%", "not_set", ""),
        ("<7%", "neither", ""),
        ("<7%", "higher", "X1 target <7% means lower is better, but the polarity is set to higher"),
        (">65%", "lower", "X1 target >65% means higher is better, but the polarity is set to"),
        ("<=5", "band", "X1 target <=5 means lower is better, but the polarity is set to within"),
        ("about 85", "higher", 'X1 target "about 85" cannot be read'),
        ("90-85%", "band", 'X1 target "90-85%" cannot be read'),
        ("", "higher", "X1 target cannot be removed here"),
        ("99999999999", "higher", "X1 target must be under 10,000,000,000"),
    ],
)
def test_target_problem(written, polarity, problem):
    found = rules.target_problem(written, polarity=polarity, ref="X1")
    assert found.startswith(problem) if problem else found == ""


@pytest.mark.parametrize(
    ("tolerance", "problem"),
    [(None, ""), (Decimal(0), ""), (Decimal("2.5"), ""), (Decimal("-1"), "X1 amber tolerance")],
)
def test_tolerance_problem(tolerance, problem):
    found = rules.tolerance_problem(tolerance, ref="X1")
    assert found.startswith(problem) if problem else found == ""


@pytest.mark.parametrize(
    ("is_percentage", "figure", "words"),
    [
        (True, Decimal(85), "5 percentage points"),
        (True, None, "5 percentage points"),
        (False, Decimal(16), "5% of the target (0.8)"),
        (False, Decimal(552), "5% of the target (27.6)"),
        (False, None, "5% of the target"),
    ],
)
def test_default_tolerance_words(is_percentage, figure, words):
    assert rules.default_tolerance_words(is_percentage=is_percentage, figure=figure) == words


@pytest.mark.parametrize(
    ("reason", "target", "target_from", "expected"),
    [
        ("Agreed at the board", "", None, "Agreed at the board"),
        ("Agreed", "85%", JUNE_2024, "Target 85% from June 2024: Agreed"),
        ("x" * 120, "", None, "x" * 99 + "…"),
    ],
)
def test_history_reason(reason, target, target_from, expected):
    assert rules.history_reason(reason, target=target, target_from=target_from) == expected


def test_months_offered_newest_first_a_year_ahead_two_years_back():
    months = rules.months_offered(datetime.date(2026, 12, 3))
    assert months[0] == datetime.date(2027, 12, 1)
    assert datetime.date(2026, 12, 1) in months
    assert months[-1] == datetime.date(2024, 12, 1)
    assert len(months) == 37


@pytest.fixture
def officer(db):
    return UserFactory(roles=[roles.PERFORMANCE_OFFICER], full_name="Pat Officer")


@pytest.fixture
def indicators(db):
    screened = IndicatorFactory(ref="FD1", polarity="not_set", unit="percentage")
    TargetFactory(indicator=screened, written="85%", kind="single", low=85, high=85,
                  effective_from=APRIL_2023)  # fmt: skip
    caseload = IndicatorFactory(ref="FD2", polarity="not_set", unit="count")
    return screened, caseload


def change(indicator, **parts) -> SettingsChange:
    """A row as the form sends it: the parts given changed, opened on what is held now."""
    sent = {**current_parts(indicator), **parts}
    return SettingsChange(
        indicator_id=indicator.pk,
        polarity=sent["polarity"],
        amber_tolerance=sent["amber_tolerance"],
        target=sent["target"],
        target_from=parts.get("target_from", JUNE_2024),
        changed=frozenset(parts) - {"target_from"},
        opened=canonical_values(current_parts(indicator)),
    )


def test_only_the_parts_changed_are_written_each_with_the_reason_in_history(officer, indicators):
    screened, caseload = indicators
    written = indicator_settings_apply(
        changes=[change(screened, polarity="higher", amber_tolerance=Decimal(3)), change(caseload)],
        reason="Agreed at the performance clinic",
        user=officer,
    )
    assert [indicator.ref for indicator in written] == ["FD1"]
    screened.refresh_from_db()
    assert (screened.polarity, screened.amber_tolerance) == ("higher", Decimal(3))
    latest = screened.history.first()
    assert latest.history_user == officer
    assert latest.history_change_reason == "Agreed at the performance clinic"
    assert caseload.history.count() == 1  # its creation only
    assert Indicator.objects.get(ref="FD2").polarity == "not_set"


def test_who_set_the_polarity_and_tolerance_and_why_is_kept_beside_them(officer, indicators):
    screened, _ = indicators
    indicator_settings_apply(
        changes=[change(screened, polarity="higher", amber_tolerance=Decimal(8))],
        reason="Agreed at the clinic", user=officer, today=datetime.date(2026, 12, 3),
    )  # fmt: skip
    screened.refresh_from_db()
    words = "Set by Pat Officer on 3 December 2026: Agreed at the clinic"
    assert (screened.polarity_reason, screened.amber_tolerance_reason) == (words, words)
    assert not may_learn(held=screened.polarity, held_reason=screened.polarity_reason)


def test_set_by_words_fit_the_field():
    words = rules.set_by_words("x" * 400, name="Pat", day=datetime.date(2026, 1, 5))
    assert words.startswith("Set by Pat on 5 January 2026: xx")
    assert (len(words), words[-1]) == (300, "…")


def test_a_new_target_starts_in_its_month_and_earlier_months_keep_theirs(officer, indicators):
    screened, _ = indicators
    indicator_settings_apply(
        changes=[change(screened, polarity="higher", target="90%", target_from=JUNE_2024)],
        reason="New target for 2024-25",
        user=officer,
    )
    targets = list(Target.objects.filter(indicator=screened).order_by("effective_from"))
    assert [(t.written, t.effective_from, t.low) for t in targets] == [
        ("85%", APRIL_2023, Decimal(85)),
        ("90%", JUNE_2024, Decimal(90)),
    ]
    reason = screened.history.first().history_change_reason
    assert reason == "Target 90% from June 2024: New target for 2024-25"


def test_a_target_already_starting_in_that_month_is_replaced(officer, indicators):
    screened, _ = indicators
    indicator_settings_apply(
        changes=[change(screened, target="<7%", polarity="lower", target_from=APRIL_2023)],
        reason="Corrected", user=officer,
    )  # fmt: skip
    target = Target.objects.get(indicator=screened)
    assert (target.written, target.kind, target.high) == ("<7%", "max", Decimal(7))


def test_all_or_nothing_a_bad_row_stops_every_row(officer, indicators):
    screened, caseload = indicators
    with pytest.raises(ValidationError) as raised:
        indicator_settings_apply(
            changes=[
                change(caseload, polarity="lower", amber_tolerance=Decimal(-2)),
                change(screened, polarity="higher", target="<7%"),
            ],
            reason="Tidy",
            user=officer,
        )
    errors = raised.value.message_dict
    assert errors[f"i{caseload.pk}-amber_tolerance"] == ["FD2 amber tolerance must be 0 or more"]
    assert "means lower is better" in errors[f"i{screened.pk}-target"][0]
    assert set(Indicator.objects.values_list("polarity", flat=True)) == {"not_set"}
    assert Target.objects.count() == 1


def test_a_polarity_that_contradicts_the_target_held_is_refused(officer, indicators):
    screened, _ = indicators
    Target.objects.filter(indicator=screened).update(written="<7%", kind="max", high=7, low=None)
    with pytest.raises(ValidationError) as raised:
        indicator_settings_apply(
            changes=[change(screened, polarity="higher")], reason="x", user=officer
        )
    assert "change one of them" in raised.value.message_dict[f"i{screened.pk}-polarity"][0]


def test_a_reason_is_required_when_anything_changes(officer, indicators):
    screened, _ = indicators
    with pytest.raises(ValidationError) as raised:
        indicator_settings_apply(
            changes=[change(screened, polarity="higher")], reason="  ", user=officer
        )
    assert raised.value.message_dict == {"reason": ["Enter why you are making these changes"]}
    assert indicator_settings_apply(changes=[change(screened)], reason="", user=officer) == []


def test_someone_elses_change_meanwhile_is_refused_and_nothing_is_written(officer, indicators):
    screened, caseload = indicators
    opened_screened = change(screened, polarity="higher")
    opened_caseload = change(caseload, polarity="lower")
    Indicator.objects.filter(pk=screened.pk).update(polarity="band")  # someone else, meanwhile
    with pytest.raises(EditConflict) as raised:
        indicator_settings_apply(
            changes=[opened_screened, opened_caseload], reason="Agreed", user=officer
        )
    [conflict] = raised.value.conflicts
    assert (conflict.field, conflict.label) == (f"i{screened.pk}-polarity", "FD1 polarity")
    assert (conflict.theirs, conflict.yours) == ("band", "higher")
    assert Indicator.objects.get(pk=caseload.pk).polarity == "not_set"


def test_someone_elses_change_to_another_part_is_kept(officer, indicators):
    screened, _ = indicators
    opened = change(screened, polarity="higher")
    Indicator.objects.filter(pk=screened.pk).update(amber_tolerance=Decimal(2))
    indicator_settings_apply(changes=[opened], reason="Agreed", user=officer)
    screened.refresh_from_db()
    assert (screened.polarity, screened.amber_tolerance) == ("higher", Decimal(2))


def test_only_those_who_manage_the_scorecard_may_change_settings(indicators):
    screened, _ = indicators
    viewer = UserFactory(roles=[roles.VIEWER])
    with pytest.raises(PermissionDenied):
        indicator_settings_apply(
            changes=[change(screened, polarity="higher")], reason="x", user=viewer
        )
