"""The performance scorecard for one month, in the council's layout, on landscape pages.

Rules:
- The month is the paper's scorecard_period, else the latest month with approved
  values (scorecard.selectors.months); only approved values appear (the selectors
  read nothing else).
- Each service area in order: its table (Ref, Indicator, the last six months,
  previous year, target, the four benchmarks) then RAG, direction on the previous
  period and SPC, all in words (scorecard.tables and scorecard.domain.spc words).
- The area's exceptions (scorecard.selectors.pages.exception_reasons) are listed with
  why in words, and the first MAX_CHARTS_PER_AREA of them, strongest first (most
  reasons, then table order), get their SPC chart from scorecard.charts, so a
  scorecard of 150 indicators stays printable.
- The area's approved commentary, or a line saying there is none.
- Completeness before judgement (scorecard.domain.completeness): the month's expected
  figures counted (approved, waiting, missing with a reason, missing without one) at the
  top and for each area, and each expected indicator with no approved figure listed
  among the area's exceptions as "No figure", so no area reads as all clear while
  figures are missing.
- An indicator whose polarity is not set is not judged (scorecard.domain.polarity): its
  RAG cell says so, and the report counts such indicators at the top.
"""

from scorecard.charts import spc_chart
from scorecard.domain.periods import PERIOD_MONTHS
from scorecard.indicator_selectors import chart_target
from scorecard.models import Benchmark
from scorecard.selectors import add_months, area_month, months_held
from scorecard.selectors.completeness import month_completeness, no_figure_rows
from scorecard.selectors.pages import areas_in_order, exception_reasons
from scorecard.selectors.polarity import not_set_indicators
from scorecard.selectors.rows import MONTHS_SHOWN, ScorecardRow
from scorecard.tables import (
    direction_in_words,
    exception_reason_in_words,
    figure_in_words,
    head_of_service_in_words,
    month_in_words,
    month_label,
    no_rag_in_words,
    number_in_words,
)

MAX_CHARTS_PER_AREA = 6
RAG_WORDS = {"red": "Red", "amber": "Amber", "green": "Green"}


def rag_in_words(row: ScorecardRow) -> tuple[str, str]:
    """(colour key, words): "Red" and what it is short of; "No target", "No value", or
    "Not judged" and why (scorecard.domain.polarity)."""
    rag = row.judgement.rag
    if rag.rag is None:
        return "none", no_rag_in_words(rag)
    return rag.rag, f"{RAG_WORDS[rag.rag]}: {rag.words}"


def spc_in_words(row: ScorecardRow) -> str:
    """The SPC variation and assurance, in words."""
    result = row.spc
    if result is None:
        return "No values yet"
    if not result.enough_data:
        return "Not enough data for SPC"
    parts = [result.variation.words] if result.variation else []
    if result.assurance:
        parts.append(result.assurance.words)
    return "; ".join(parts)


def benchmark_cells(row: ScorecardRow) -> list[str]:
    indicator = row.indicator
    cells = []
    for comparator in Benchmark.Comparator.values:
        benchmark = row.benchmarks.get(comparator)
        if benchmark is None:
            cells.append("None")
            continue
        shown = number_in_words(benchmark.value, indicator, empty="None")
        cells.append(f"{shown} ({benchmark.year})" if benchmark.year else shown)
    return cells


def row_cells(row: ScorecardRow) -> dict:
    indicator = row.indicator
    colour, rag_words = rag_in_words(row)
    return {
        "ref": indicator.ref,
        "title": indicator.title,
        "months": [figure_in_words(value, indicator) for _, value in row.months],
        "previous_year": number_in_words(row.previous_year, indicator, empty="Not given"),
        "target": row.target.written if row.target else "No target",
        "benchmarks": benchmark_cells(row),
        "rag": colour,
        "rag_words": rag_words,
        "direction": direction_in_words(row),
        "spc": spc_in_words(row),
    }


def chart_for(row: ScorecardRow):
    indicator = row.indicator
    return spc_chart(
        row.spc,
        unit=indicator.unit,
        decimal_places=indicator.decimal_places,
        title=f"SPC chart of {indicator.ref} {indicator.title}",
        target=chart_target(row.target),
        chart_id=f"spc-{indicator.ref}",
        months_apart=PERIOD_MONTHS.get(indicator.frequency, 1),
    )


def exception_entries(rows: list[ScorecardRow]) -> tuple[list[dict], int]:
    """The area's exceptions with reasons in words, the strongest charted (module
    docstring); and how many exceptions were left without a chart."""
    found = [(row, exception_reasons(row)) for row in rows]
    found = [(position, row, reasons) for position, (row, reasons) in enumerate(found) if reasons]
    strongest = sorted(found, key=lambda entry: (-len(entry[2]), entry[0]))
    chartable = [p for p, row, _ in strongest if row.spc is not None and row.spc.points]
    charted = set(chartable[:MAX_CHARTS_PER_AREA])
    entries = [
        {
            "ref": row.indicator.ref,
            "title": row.indicator.title,
            "reasons": [exception_reason_in_words(reason, row) for reason in reasons],
            "chart": chart_for(row) if position in charted else None,
        }
        for position, row, reasons in found
    ]
    return entries, len(found) - len(charted)


def no_figure_entries(missing) -> list[dict]:
    """The area's expected indicators with no approved figure, each with what is held."""
    return [
        {"ref": m.indicator.ref, "title": m.indicator.title, "reasons": [m.words], "chart": None}
        for m in missing
    ]


def area_section(area, *, period, today, completeness, missing) -> dict:
    month = area_month(area, period=period, today=today, with_spc=True)
    rows = [row for group in month.groups for row in group.rows]
    exceptions, not_charted = exception_entries(rows)
    return {
        "area": area,
        "completeness": completeness,
        "exceptions": exceptions + no_figure_entries(missing),
        "head": head_of_service_in_words(area, month.head_holders),
        "groups": [(group.section, [row_cells(r) for r in group.rows]) for group in month.groups],
        "not_charted": not_charted,
        "commentary": month.commentary,
    }


def context(job) -> dict:
    held = months_held()
    asked = job.paper.scorecard_period
    period = asked.replace(day=1) if asked else (held[0] if held else None)
    if period is None:
        return {"period": None}
    months = [add_months(period, n) for n in range(1 - MONTHS_SHOWN, 1)]
    completeness = month_completeness(period)
    missing = {area.pk: rows for area, rows in no_figure_rows(period)}
    return {
        "landscape": True,
        "period": period,
        "period_words": month_in_words(period),
        "month_labels": [month_label(month) for month in months],
        "comparators": Benchmark.Comparator.labels,
        "columns": 2 + len(months) + 2 + len(Benchmark.Comparator.values) + 3,
        "completeness": completeness.total,
        "areas": [
            area_section(
                a,
                period=period,
                today=job.as_at,
                completeness=completeness.by_area.get(a.pk),
                missing=missing.get(a.pk, []),
            )
            for a in areas_in_order()
        ],
        "not_judged": not_set_indicators().count(),
    }
