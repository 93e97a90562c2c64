"""The SPC chart drawn as SVG: what it draws, what it says in words, and that WeasyPrint
draws it for the PDF pack."""

import datetime
import io
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.urls import reverse

from governance import roles
from scorecard import charts
from scorecard.charts import NO_FIGURE, ChartTarget, spc_chart
from scorecard.domain.spc import spc
from scorecard.models import IndicatorValue
from tests.governance.factories import UserFactory
from tests.scorecard.factories import IndicatorFactory, IndicatorValueFactory

SVG = "{http://www.w3.org/2000/svg}"
PERIODS = [datetime.date(2022 + (6 + i) // 12, (6 + i) % 12 + 1, 1) for i in range(24)]
STEADY = [Decimal(v) for v in [68, 72] * 6]  # July 2022 to June 2023: mean 70, limits ± 10.64
DROP = [*STEADY, Decimal("40")]  # then 40 in July 2023, with the baseline fixed on STEADY


def chart_of(values, *, polarity="higher", target=None, unit="percentage", places=1, **kw):
    result = spc(values, polarity=polarity, periods=PERIODS[: len(values)] or None, **kw)
    return spc_chart(
        result, unit=unit, decimal_places=places, title="FD1 Re-referrals", target=target
    )


def parse(chart):
    return ET.fromstring(str(chart.svg))  # noqa: S314 (our own SVG, in a test)


def texts(svg):
    return [t.text for t in svg.iter(f"{SVG}text")]


def test_the_svg_is_an_image_labelled_by_its_title_and_description():
    chart = chart_of(STEADY, target=ChartTarget("85-90%", Decimal(85), Decimal(90)))
    svg = parse(chart)
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")

    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text == "FD1 Re-referrals"
    assert desc.text == chart.summary
    assert svg.get("viewBox") == "0 0 760 400"


def test_the_description_says_the_latest_point_the_mean_limits_and_target():
    target = ChartTarget("85-90%", Decimal(85), Decimal(90))
    chart = chart_of(DROP, target=target, baseline=(0, 11))

    assert chart.summary == (
        "July 2023: 40.0%, special cause concern; mean 70.0, limits 59.4 to 80.6; target 85-90%"
    )


def test_mean_solid_limits_dashed_and_labelled():
    svg = parse(chart_of(STEADY))
    dashed = [line for line in svg.iter(f"{SVG}line") if line.get("stroke-dasharray")]

    assert {"Mean", "Upper limit", "Lower limit"} <= set(texts(svg))
    assert len([line for line in dashed if line.get("stroke") == charts.GREY]) >= 2


def test_months_label_the_x_axis():
    assert {"Jul 22", "Dec 22", "Jun 23"} <= set(texts(parse(chart_of(STEADY))))


def test_the_y_axis_has_ticks_on_a_nice_step():
    assert charts.y_ticks([53.8, 81.5]) == [50, 60, 70, 80, 90]
    assert charts.nice_step(2.3) == 0.5
    assert "60" in texts(parse(chart_of(STEADY)))


@pytest.mark.parametrize(
    ("last", "polarity", "shape"),
    [("40", "higher", "rect"), ("95", "higher", "circle"), ("95", "neither", "polygon")],
)
def test_special_cause_points_differ_in_shape_not_colour_alone(last, polarity, shape):
    values = [*STEADY, Decimal(last)]
    svg = parse(chart_of(values, polarity=polarity, baseline=(0, 11)))
    fills = {charts.ORANGE: "rect", charts.BLUE: "circle", charts.PURPLE: "polygon"}
    drawn = {e.tag.removeprefix(SVG) for e in svg.iter() if e.get("fill") in fills}

    assert drawn == {shape}


def test_an_improvement_point_has_a_ring():
    svg = parse(chart_of([*STEADY, Decimal("95")], baseline=(0, 11)))
    rings = [c for c in svg.iter(f"{SVG}circle") if c.get("fill") == "none"]

    assert len(rings) == 2  # the point and its key
    assert "Special cause improvement" in texts(svg)


def test_a_target_band_is_drawn_as_an_area_and_a_single_target_as_a_line():
    band = parse(chart_of(STEADY, target=ChartTarget("85-90%", Decimal(85), Decimal(90))))
    single = parse(chart_of(STEADY, target=ChartTarget(">65%", Decimal(65), None)))

    assert [r for r in band.iter(f"{SVG}rect") if r.get("fill") == charts.LIGHT_GREEN]
    assert not [r for r in single.iter(f"{SVG}rect") if r.get("fill") == charts.LIGHT_GREEN]
    assert [line for line in single.iter(f"{SVG}line") if line.get("stroke") == charts.GREEN]
    assert "Target" in texts(single)


def test_not_enough_data_draws_the_values_without_limits():
    chart = chart_of(STEADY[:5])
    svg = parse(chart)

    assert chart.message == "Not enough data: SPC needs at least 12 points; there are 5"
    assert "Mean" not in texts(svg)
    assert "Upper limit" not in texts(svg)
    assert chart.message in chart.summary
    assert len(list(svg.iter(f"{SVG}circle"))) == 5 + 1  # the points and the key's
    assert {row.mean for row in chart.rows} == {"Not calculated"}
    assert "Value (not judged)" in texts(svg)
    assert "Common cause" not in texts(svg)


def test_a_missing_month_breaks_the_line():
    values = [*STEADY[:5], None, *STEADY[6:]]
    svg = parse(chart_of(values))

    assert len(list(svg.iter(f"{SVG}polyline"))) == 2


def test_no_values_draws_nothing():
    chart = spc_chart(spc([], polarity="higher"), unit="count", decimal_places=0, title="x")

    assert str(chart.svg) == ""
    assert chart.rows == []


def test_every_text_is_escaped():
    result = spc(STEADY, polarity="higher", periods=PERIODS)
    chart = spc_chart(
        result,
        unit="count",
        decimal_places=0,
        title='<script>alert("x")</script> & co',
        target=ChartTarget('<b>"85"</b>', Decimal(85), None),
        chart_id='a"b',
    )
    svg = parse(chart)  # well-formed only if escaped

    assert "<script>" not in str(chart.svg)
    assert svg.find(f"{SVG}title").text == '<script>alert("x")</script> & co'
    assert svg.find(f"{SVG}desc").text.endswith('target <b>"85"</b>')


def test_no_css_classes_styles_or_scripts_for_weasyprint():
    text = str(chart_of(STEADY, target=ChartTarget("85-90%", Decimal(85), Decimal(90))).svg)

    assert "class=" not in text
    assert "style" not in text
    assert "<script" not in text


def test_the_data_table_rows():
    chart = chart_of(DROP, baseline=(0, 11))

    first, last = chart.rows[0], chart.rows[-1]
    assert (first.period, first.value, first.label) == ("July 2022", "68.0%", "Common cause")
    assert (last.period, last.label) == ("July 2023", "Special cause concern (outside a limit)")
    assert (last.mean, last.lower, last.upper) == ("70.0", "59.4", "80.6")


def test_weasyprint_draws_the_chart_on_one_pdf_page():
    weasyprint = pytest.importorskip("weasyprint")
    pypdf = pytest.importorskip("pypdf")
    target = ChartTarget("85-90%", Decimal(85), Decimal(90))
    chart = chart_of(DROP, target=target, baseline=(0, 11))
    html = f"<html><body><h1>FD1</h1><figure>{chart.svg}</figure></body></html>"

    pdf = weasyprint.HTML(string=html).write_pdf()
    reader = pypdf.PdfReader(io.BytesIO(pdf))

    assert len(reader.pages) == 1
    assert "Upper limit" in reader.pages[0].extract_text()


# The horizontal axis is time (issue 12, section 7): a gap of months is a gap.

MONTHS_2023 = [datetime.date(2023, month, 1) for month in range(1, 13)]


def gappy_chart(months, *, months_apart=None, reasons=None, values=None):
    values = values or [Decimal(60 + i % 3) for i in range(len(months))]
    result = spc(values, polarity="higher", periods=months)
    return spc_chart(
        result, unit="percentage", decimal_places=1, title="FD1", months_apart=months_apart,
        reasons=reasons,
    )  # fmt: skip


def marker_xs(svg):
    return [float(c.get("cx")) for c in svg.iter(f"{SVG}circle") if c.get("fill") == charts.GREY]


def test_points_stand_at_their_month_not_their_place_in_the_series():
    months = [MONTHS_2023[i] for i in (0, 1, 4, 5)]  # January, February, May, June
    xs = marker_xs(parse(gappy_chart(months)))[:4]  # the key's marker comes last

    assert xs[2] - xs[1] == pytest.approx(3 * (xs[1] - xs[0]))
    assert xs[3] - xs[2] == pytest.approx(xs[1] - xs[0])


def test_no_line_joins_across_missing_months():
    months = [MONTHS_2023[i] for i in (0, 1, 4, 5)]
    lines = list(parse(gappy_chart(months)).iter(f"{SVG}polyline"))

    assert [len(line.get("points").split()) for line in lines] == [2, 2]


def test_the_axis_is_ticked_by_month_missing_months_too():
    months = [MONTHS_2023[i] for i in (0, 1, 4, 5)]
    shown = texts(parse(gappy_chart(months)))

    assert {"Jan 23", "Feb 23", "Mar 23", "Apr 23", "May 23", "Jun 23"} <= set(shown)


def test_the_data_table_says_each_missing_month_in_its_place():
    months = [MONTHS_2023[i] for i in (0, 1, 4, 5)]
    chart = gappy_chart(months, reasons={MONTHS_2023[2]: "not available"})

    assert [(row.period, row.value) for row in chart.rows] == [
        ("January 2023", "60.0%"),
        ("February 2023", "61.0%"),
        ("March 2023", "No figure"),
        ("April 2023", "No figure"),
        ("May 2023", "62.0%"),
        ("June 2023", "60.0%"),
    ]
    assert chart.rows[2].label == "Not charted: not available"
    assert chart.rows[3].label == "Not charted: no approved figure"
    assert chart.summary.endswith("no figure for March 2023, April 2023")
    assert "A gap in the line: no figure that month" in texts(parse(chart))


@pytest.mark.parametrize("months_apart", [3, None])
def test_a_quarterly_indicator_is_joined_quarter_to_quarter(months_apart):
    quarters = [MONTHS_2023[i] for i in (2, 5, 8, 11)]
    chart = gappy_chart(quarters, months_apart=months_apart)

    assert len(list(parse(chart).iter(f"{SVG}polyline"))) == 1
    assert NO_FIGURE not in {row.value for row in chart.rows}


def test_a_monthly_indicator_reported_quarterly_shows_the_months_between_as_gaps():
    quarters = [MONTHS_2023[i] for i in (2, 5, 8, 11)]
    chart = gappy_chart(quarters, months_apart=1)

    assert len(list(parse(chart).iter(f"{SVG}polyline"))) == 4
    assert [row.value for row in chart.rows].count(NO_FIGURE) == 6


def test_a_long_series_labels_at_most_12_months_on_the_calendar():
    months = [datetime.date(2020 + i // 12, i % 12 + 1, 1) for i in range(40)]
    labels = [t for t in texts(parse(gappy_chart(months))) if t[:3].isalpha() and t[-2:].isdigit()]

    assert 1 < len(labels) <= 12
    assert all(label[:3] in {"Jan", "Apr", "Jul", "Oct"} for label in labels)


def test_a_series_without_months_is_placed_by_index():
    result = spc([Decimal(1), Decimal(2), None, Decimal(3)], polarity="higher")
    chart = spc_chart(result, unit="count", decimal_places=0, title="x")

    assert len(list(parse(chart).iter(f"{SVG}polyline"))) == 2
    assert len(chart.rows) == 3


@pytest.mark.django_db
def test_the_indicator_page_charts_a_gap_and_says_why_in_its_table(client):
    indicator = IndicatorFactory(ref="FD9")
    approved = IndicatorValue.State.APPROVED
    for month in (0, 1, 4, 5):
        IndicatorValueFactory(indicator=indicator, period=MONTHS_2023[month], state=approved)
    IndicatorValueFactory(
        indicator=indicator, period=MONTHS_2023[2], value=None, missing_reason="n/a",
        state=approved,
    )  # fmt: skip
    client.force_login(UserFactory(roles=[roles.VIEWER]))

    page = client.get(reverse("indicator_detail", kwargs={"ref": "FD9"})).content.decode()

    assert page.count("<polyline") == 2
    assert "Not charted: not available" in page
    assert "Not charted: no approved figure" in page  # April 2023: nothing held
