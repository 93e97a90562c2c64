"""Issue 12, section 1: an import learns polarity and amber tolerance from the file's
bound targets and the council's RAG letters, with earlier files' letters, all or nothing
with the import; a dry run says what it would learn and lists conflicting rows; a
person's choice is never overwritten; the command prints the same."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from governance import roles
from scorecard.importing import scorecard_import
from scorecard.importing.report import report_as_data, report_from_data
from scorecard.models import Indicator
from tests.governance.factories import UserFactory
from tests.scorecard.factories import IndicatorFactory, ServiceAreaFactory

pytestmark = pytest.mark.django_db
HEADER = "Ref\tIndicator\tApr-23\tMay-23\tJun-23\tTarget\tPerformance\n"
JUNE = (
    HEADER
    + "CIN8\tAssessments within 45 working days (%)\t80%\t84%\t94%\t85%\tG\n"
    + "CF3\tStatutory visits in timescale (%)\t70%\t75%\t77%\t90%\tR\n"
    + "CF17\tVisits, A letter (%)\t70%\t75%\t84%\t90%\tA\n"
    + "CF4\tThree or more placements (%)\t9%\t9%\t10%\t<7%\tA\n"
    + "CF7\tWithin Tameside (%)\t58%\t58%\t58%\t>65%\t\n"
    + "WF6\tSocial Worker Caseload - Raw Average\t14\t14\t13.9\t16-18\tG\n"
    + "FD4\tEHM Contact - % Received by CSC\t70%\t71%\t73%\t\tG\n"
)
MAY_CONFLICT = HEADER.replace("\tJun-23", "") + "CIN8\tAssessments (%)\t80%\t85%\t85%\tG\n"


def run(text, *, dry_run=False, user=None, filename="scorecard.tsv"):
    return scorecard_import(
        source=text.encode(), filename=filename, period=None, dry_run=dry_run, user=user
    )


def held(ref):
    return Indicator.objects.get(ref=ref)


def test_an_import_learns_polarity_with_its_reason():
    run(JUNE)

    learned = {
        i.ref: (i.polarity, i.polarity_reason)
        for i in Indicator.objects.exclude(polarity="not_set")
    }
    assert learned == {
        "CIN8": ("higher", "Learned from the council's RAG, June 2023"),
        "CF3": ("higher", "Learned from the council's RAG, June 2023"),
        "CF17": ("higher", "Learned from the council's RAG, June 2023"),
        "CF4": ("lower", "Learned from the target `<7%` and the council's RAG, June 2023"),
        "CF7": ("higher", "Learned from the target `>65%`"),
        "WF6": ("lower", "Learned from the council's RAG, June 2023"),
    }
    # a letter with no target says nothing
    assert held("FD4").polarity == "not_set"


def test_the_tolerance_is_learned_from_amber_and_red_across_percentages():
    run(JUNE)

    # CF17 Amber 6 points short, CF4 Amber 3 above `<7%`, CF3 Red 13 short
    expected = (
        "Learned from the council's RAG: Amber up to 6 points short of the target "
        "(CF17, June 2023); Red from 13 points short (CF3, June 2023)"
    )
    for ref in ("CIN8", "CF3", "CF17", "CF4", "CF7"):
        assert (held(ref).amber_tolerance, held(ref).amber_tolerance_reason) == (D(6), expected)
    # a caseload's tolerance is its own, and it has no Amber or Red: the default stays
    assert held("WF6").amber_tolerance is None
    assert held("FD4").amber_tolerance is None  # no target


def test_learning_is_in_the_history_naming_the_importer():
    user = UserFactory()
    run(JUNE, user=user)

    record = held("CIN8").history.first()
    assert record.history_user == user
    assert record.history_change_reason == "Learned from evidence at the import of scorecard.tsv"


def test_a_dry_run_lists_what_it_would_learn_and_saves_nothing():
    report = run(JUNE, dry_run=True)

    assert not Indicator.objects.exists()
    cin8 = [item for item in report.learned if item.ref == "CIN8"]
    assert [(i.what, i.before, i.after) for i in cin8] == [
        ("Polarity", "Not set", "Higher is better"),
        ("Amber tolerance", "The default", "6 points"),
    ]
    lines = report.lines()
    assert "Learned from evidence (would be):" in lines
    assert (
        "  CIN8 Polarity: Not set to Higher is better. "
        "Learned from the council's RAG, June 2023" in lines
    )


def test_letters_from_an_earlier_file_that_conflict_leave_polarity_not_set():
    run(MAY_CONFLICT, filename="may.tsv")
    assert held("CIN8").polarity == "not_set"  # 85% on the target says nothing

    run(MAY_CONFLICT.replace("\t85%\t85%\tG", "\t84%\t85%\tG"), filename="may.tsv")
    assert held("CIN8").polarity == "lower"  # Green below the target
    report = run(JUNE)

    cin8 = held("CIN8")
    assert (cin8.polarity, cin8.polarity_reason) == (
        "not_set", "Not learned: the evidence conflicts, so a person should choose",
    )  # fmt: skip
    conflicts = [row.line for row in report.conflicts if row.ref == "CIN8"]
    assert conflicts == [
        "Polarity, CIN8 May 2023: 84 against 85%, marked Green: lower is better",
        "Polarity, CIN8 June 2023: 94 against 85%, marked Green: higher is better",
    ]


def test_a_persons_polarity_and_tolerance_are_kept_and_the_disagreement_reported():
    area = ServiceAreaFactory(prefix="CIN", title="Child in Need")
    IndicatorFactory(
        ref="CIN8", service_area=area, polarity="lower", unit="percentage",
        amber_tolerance=D(2), amber_tolerance_reason="Set by Pat Lee: the board's own rule",
    )  # fmt: skip
    report = run(JUNE)

    cin8 = held("CIN8")
    assert (cin8.polarity, cin8.amber_tolerance) == ("lower", D(2))
    assert [(k.ref, k.before, k.after) for k in report.polarities_kept] == [
        ("CIN8", "Lower is better", "Higher is better")
    ]
    assert any(line.startswith("Kept as a person set them") for line in report.lines())


def test_importing_again_learns_nothing_new():
    run(JUNE)
    again = run(JUNE)
    assert again.learned == []


def test_the_report_keeps_what_was_learned_through_a_background_task():
    report = run(JUNE + MAY_CONFLICT.replace("\t85%\t85%\tG", "\t84%\t85%\tG"), dry_run=True)
    back = report_from_data(report_as_data(report))
    assert back.learned == report.learned
    assert back.conflicts == report.conflicts


def test_the_command_prints_what_was_learned(tmp_path, capsys):
    path = tmp_path / "letters.tsv"
    path.write_text(JUNE, encoding="utf-8")
    call_command("import_scorecard", str(path), "--dry-run")
    out = capsys.readouterr().out
    assert "Learned from evidence (would be):" in out
    assert "CF7 Polarity: Not set to Higher is better. Learned from the target `>65%`" in out


@pytest.mark.parametrize("month", [datetime.date(2023, 6, 1)])
def test_the_letters_are_kept_on_the_reporting_month(month):
    run(JUNE)
    assert held("CIN8").values.get(period=month).reported_rag == "G"


def test_the_preview_lists_what_would_be_learned_and_the_conflicting_rows(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    client.force_login(UserFactory(roles=[roles.PERFORMANCE_OFFICER]))
    run(MAY_CONFLICT.replace("\t85%\t85%\tG", "\t84%\t85%\tG"), filename="may.tsv")
    upload = SimpleUploadedFile("june.tsv", JUNE.encode())
    client.post(reverse("scorecard_import"), {"file": upload, "period": ""})

    page = client.get(reverse("scorecard_import_preview")).text

    assert "Polarity and amber tolerance learned from evidence (" in page
    assert "Learned from the target `&gt;65%`" in page
    assert "Evidence that conflicts (2 rows)" in page
    assert '<td class="govuk-table__cell">Lower is better</td>' in page
    assert held("CIN8").polarity == "lower"  # a dry run: nothing changed yet


def test_a_polarity_a_person_changed_elsewhere_is_kept_though_its_reason_says_learned(client):
    run(JUNE)
    cf3 = held("CF3")
    assert cf3.polarity_reason.startswith("Learned from")
    cf3.polarity, cf3._change_reason = "band", "Changed in the admin"
    cf3.save()  # the reason still says "Learned from ..."

    report = run(JUNE)

    assert held("CF3").polarity == "band"
    assert [(k.ref, k.before, k.after) for k in report.polarities_kept] == [
        ("CF3", "Within a band", "Higher is better")
    ]
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    page = client.get(reverse("indicator_detail", kwargs={"ref": "CF3"})).text
    assert "Changed in the admin" in page
