"""Issue 12, section 1: polarity is known, or nothing is judged. The rule in
scorecard.domain.polarity, what each judgement gives while polarity is not set (or is
neither), the pages' words and their counts of indicators not judged."""

import datetime
import re
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance import roles
from governance.packs.reports.scorecard import rag_in_words, spc_in_words
from scorecard.domain.direction import direction_of_travel
from scorecard.domain.polarity import (
    NEITHER_WORDS,
    NOT_SET_WORDS,
    is_judged,
    polarity_from_words,
    polarity_table,
    withheld_because,
)
from scorecard.domain.rag import rag_against_target
from scorecard.domain.spc import spc
from scorecard.models import Indicator, IndicatorValue
from scorecard.selectors.rows import scorecard_indicators, scorecard_row, spc_history
from scorecard.services import indicator_polarities_apply
from tests.governance.factories import UserFactory
from tests.scorecard.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    ServiceAreaFactory,
    TargetFactory,
)

NOT_SET = "Not judged: whether higher or lower is better is not set"
TRACKED = "Not judged: this indicator is tracked, not judged"
JUNE = datetime.date(2023, 6, 1)
MAY = datetime.date(2023, 5, 1)
OVERVIEW = reverse("scorecard_overview")
EXCEPTIONS = reverse("scorecard_exceptions")
FRONT_DOOR = reverse("scorecard_service_area", kwargs={"prefix": "FD"})
NOT_JUDGED = reverse("scorecard_not_judged")
STEADY = [D(68), D(72)] * 6


@pytest.mark.parametrize(
    ("polarity", "judged", "withheld"),
    [
        ("higher", True, None),
        ("lower", True, None),
        ("band", True, None),
        ("neither", False, TRACKED),
        ("not_set", False, NOT_SET),
        ("", False, NOT_SET),
        ("sideways", False, NOT_SET),
    ],
)
def test_only_a_known_better_is_judged(polarity, judged, withheld):
    assert (is_judged(polarity), withheld_because(polarity)) == (judged, withheld)
    assert (NOT_SET_WORDS, NEITHER_WORDS) == (NOT_SET, TRACKED)


@pytest.mark.parametrize(
    ("polarity", "rag", "words", "judgement", "variation", "assurance"),
    [
        ("higher", "red", "17 points below the target", "worsening", "concern", True),
        ("lower", "green", "Meets the target", "improving", "improvement", True),
        ("not_set", None, NOT_SET, None, "neither", False),
        ("neither", None, TRACKED, None, "neither", False),
    ],
)  # fmt: skip
def test_while_polarity_is_not_set_nothing_is_judged(
    polarity, rag, words, judgement, variation, assurance
):
    """CIN8's story: 68% against a target of 85%, down from 72%: a RAG, a direction's
    judgement, an SPC label and an assurance icon only with a known better."""
    result = rag_against_target(
        value=D(68), kind="single", low=D(85), high=D(85), polarity=polarity,
        is_percentage=True,
    )  # fmt: skip
    travel = direction_of_travel(current=D(68), previous=D(72), polarity=polarity)
    chart = spc([*STEADY, 40], polarity=polarity, baseline=(0, 11), passing_low=D(60))

    assert (result.rag, result.words) == (rag, words)
    assert (travel.movement, travel.judgement) == ("down", judgement)
    assert chart.variation.code.startswith(variation)
    assert (chart.assurance is not None) == assurance


@pytest.mark.parametrize(
    ("written", "polarity"),
    [
        ("higher", "higher"), ("Higher is better", "higher"), (" LOWER ", "lower"),
        ("lower is better", "lower"), ("band", "band"), ("Within a band", "band"),
        ("neither", "neither"), ("not set", None), ("not_set", None), ("", None), ("up", None),
    ],
)  # fmt: skip
def test_a_fixture_names_a_polarity_or_none(written, polarity):
    assert polarity_from_words(written) == polarity


def test_new_indicators_have_polarity_not_set(db):
    area = ServiceAreaFactory()

    indicator = Indicator.objects.create(service_area=area, ref="FD1", title="Contacts")

    assert indicator.polarity == Indicator.Polarity.NOT_SET


@pytest.fixture
def viewer_client(client, db):
    client.force_login(UserFactory(roles=[roles.VIEWER]))
    return client


def with_june(ref, polarity, *, may=72, june=68, area=None):
    """An indicator with approved May and June 2023 figures against a target of 85%."""
    indicator = IndicatorFactory(
        ref=ref, polarity=polarity, unit="percentage", decimal_places=0,
        **({"service_area": area} if area else {}),
    )  # fmt: skip
    for period, figure in ((MAY, may), (JUNE, june)):
        IndicatorValueFactory(
            indicator=indicator, period=period, value=figure,
            state=IndicatorValue.State.APPROVED,
        )  # fmt: skip
    TargetFactory(indicator=indicator, written="85%", kind="single", low=85, high=85)
    return indicator


def text_of(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.text).split())


def row_of(response, ref) -> str:
    """The HTML of the table row whose first cell is `ref`."""
    found = re.search(rf"<tr[^>]*>\s*<td[^>]*>{ref}</td>.*?</tr>", response.text, re.S)
    assert found, ref
    return found.group(0)


def test_the_service_area_page_says_not_judged_and_shows_no_rag(viewer_client):
    with_june("FD1", "higher")
    with_june("FD2", "not_set")
    with_june("FD3", "neither")

    response = viewer_client.get(FRONT_DOOR)

    assert "govuk-tag--red" in row_of(response, "FD1")
    for ref, words in (("FD2", NOT_SET), ("FD3", TRACKED)):
        row = row_of(response, ref)
        assert words in row
        assert "govuk-tag" not in row
        assert "worsening" not in row
        assert "Down" in row  # the movement is still said, without a judgement
    text = text_of(response)
    assert "1 indicator is not judged: whether higher or lower is better is not set." in text
    assert f'href="{NOT_JUDGED}?area=FD"' in response.text


def test_the_overview_and_exceptions_count_indicators_not_judged(viewer_client):
    early_help = ServiceAreaFactory(prefix="EH", title="Early Help", order=2)
    with_june("FD1", "not_set")
    with_june("FD2", "not_set")
    with_june("EH1", "not_set", area=early_help)
    with_june("EH2", "higher", area=early_help)
    with_june("EH3", "neither", area=early_help)

    overview = viewer_client.get(OVERVIEW)
    exceptions = viewer_client.get(EXCEPTIONS)
    area = viewer_client.get(reverse("scorecard_service_area", kwargs={"prefix": "EH"}))

    counted = "3 indicators are not judged: whether higher or lower is better is not set."
    assert counted in text_of(overview)
    assert counted in text_of(exceptions)
    assert "1 indicator is not judged" in text_of(area)
    for response in (overview, exceptions):
        assert f'href="{NOT_JUDGED}"' in response.text
    by_area = {
        a.prefix: counts.rag
        for a, counts in ((r.area, r) for r in overview.context["table"].data.data)
    }
    assert dict(by_area["FD"]) == {"none": 2}
    exception_refs = [
        row.row.indicator.ref
        for _, table in exceptions.context["groups"]
        for row in table.data.data
    ]
    assert exception_refs == ["EH2"]  # only the judged one is Red and worsening


def test_no_count_when_every_indicator_has_a_polarity(viewer_client):
    with_june("FD1", "higher")
    with_june("FD2", "neither")

    for url in (OVERVIEW, EXCEPTIONS, FRONT_DOOR):
        assert "not-judged-count" not in viewer_client.get(url).text


def test_the_not_judged_page_lists_them_by_area(viewer_client):
    early_help = ServiceAreaFactory(prefix="EH", title="Early Help", order=2)
    ServiceAreaFactory(prefix="FD", title="Front Door", order=1)
    with_june("EH1", "not_set", area=early_help)
    with_june("FD1", "not_set")
    with_june("FD2", "higher")

    every = text_of(viewer_client.get(NOT_JUDGED))
    one = text_of(viewer_client.get(NOT_JUDGED, {"area": "EH"}))

    assert "2 indicators are not judged." in every
    assert every.index("FD1") < every.index("EH1")
    assert "FD2" not in every
    assert "1 indicator is not judged." in one
    assert "FD1" not in one
    assert "See those in every service area" in one


def test_the_indicator_page_says_why_it_is_not_judged(viewer_client):
    with_june("FD1", "not_set")

    text = text_of(viewer_client.get(reverse("indicator_detail", kwargs={"ref": "FD1"})))

    assert f"Judgement {NOT_SET}: no RAG" in text
    assert "whether above or below it is better is not set" in text
    assert "Polarity Not set" in text


def test_the_packs_scorecard_report_says_not_judged(db):
    with_june("FD1", "not_set")
    with_june("FD2", "higher")
    indicators = scorecard_indicators(period=JUNE, since=MAY)
    history = spc_history(period=JUNE)
    rows = {i.ref: scorecard_row(i, period=JUNE, history=history) for i in indicators}

    assert rag_in_words(rows["FD1"]) == ("none", NOT_SET)
    assert rag_in_words(rows["FD2"])[0] == "red"
    assert "improvement" not in spc_in_words(rows["FD1"])


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        (
            [{"reference": "", "polarity": "higher", "reason": "r"}],
            "Line 2: the reference is empty",
        ),
        (
            [{"reference": "FD1", "polarity": "higher", "reason": "r"}] * 2,
            "Line 3: FD1 is given more than once",
        ),
        (
            [{"reference": "FD1", "polarity": "not set", "reason": "r"}],
            "Line 2: FD1 needs a polarity: higher, lower, band or neither",
        ),
        (
            [{"reference": "FD1", "polarity": "lower", "reason": " "}],
            "Line 2: FD1 needs a reason for its polarity",
        ),
    ],
)
def test_a_polarity_file_row_needs_a_reference_a_polarity_and_a_reason(rows, problem):
    assert polarity_table(rows)[1] == [problem]


def polarity_file(tmp_path, text: str):
    path = tmp_path / "polarity.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_polarity_file_is_applied_with_its_reasons_in_the_history(db, tmp_path):
    IndicatorFactory(ref="FD1", polarity="not_set")
    IndicatorFactory(ref="FD2", polarity="lower")
    user = UserFactory()
    source = polarity_file(
        tmp_path,
        "reference,polarity,reason\nFD1,higher,more on time is better\nFD2,lower,fewer is better\n",
    )

    assert indicator_polarities_apply(source=source, user=user) == 1
    assert indicator_polarities_apply(source=source, user=user) == 0  # nothing changes twice

    assert Indicator.objects.get(ref="FD1").polarity == "higher"
    entry = Indicator.history.filter(ref="FD1").latest()
    assert (entry.history_user, entry.history_change_reason) == (
        user,
        "Polarity: more on time is better",
    )
    assert list(Indicator.history.filter(ref="FD2").values_list("history_type", flat=True)) == [
        "+"
    ]  # created, never changed


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "reference,polarity,reason\nFD1,higher,r\nFD9,lower,r\n",
            "No indicator has the reference FD9",
        ),
        ("reference,polarity,reason\nFD1,higher,r\nFD2,up,r\n", "Line 3: FD2 needs a polarity"),
        ("ref,polarity\nFD1,higher\n", "The columns must be reference, polarity, reason"),
    ],
)
def test_a_bad_polarity_file_changes_nothing(db, tmp_path, text, problem):
    IndicatorFactory(ref="FD1", polarity="not_set")
    IndicatorFactory(ref="FD2", polarity="not_set")

    with pytest.raises(ValidationError) as refused:
        indicator_polarities_apply(source=polarity_file(tmp_path, text))

    assert any(message.startswith(problem) for message in refused.value.messages)
    assert set(Indicator.objects.values_list("polarity", flat=True)) == {"not_set"}


def test_the_packs_scorecard_report_counts_indicators_not_judged(db):
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    from governance.packs.reports.scorecard import context

    with_june("FD1", "not_set")
    with_june("FD2", "higher")
    job = SimpleNamespace(paper=SimpleNamespace(scorecard_period=JUNE), as_at=JUNE)

    found = context(job)
    html = render_to_string("governance/packs/pdf/scorecard_report.html", found)

    assert found["not_judged"] == 1
    assert "1 indicator is not judged: whether higher or lower is better is not set." in html
    assert f'<td class="rag rag-none">{NOT_SET}</td>' in html
