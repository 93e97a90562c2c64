"""The plan's RAG counts at each board as a small stacked column chart, server SVG.

As scorecard.charts draws the SPC chart: presentation attributes only (no CSS, no
script, so the Content-Security-Policy holds and WeasyPrint draws it as the browser
does), every text escaped, `role="img"` with a title and a description in words. The
data table beside it (templates/improvement_plan/includes/rag_at_boards.html) is the
accessible equivalent, and each segment carries its count in words, so colour is never
the only way to tell Red from Green. Worst at the top of each column: Red, Amber, Green,
then Blue (complete) at the bottom.
"""

from django.utils.safestring import SafeString, mark_safe

from improvement_plan.records.selectors import RagAtBoard
from scorecard.charts import element

WIDTH, HEIGHT = 760, 330
LEFT, RIGHT, TOP, BOTTOM = 56, 740, 16, 250
FONT = {"font-family": "Arial, Helvetica, sans-serif", "font-size": "13", "fill": "#0b0c0c"}
COLOURS = {  # GOV.UK tag colours: fill, text on it
    "red": ("#d4351c", "#ffffff"),
    "amber": ("#f47738", "#0b0c0c"),
    "green": ("#00703c", "#ffffff"),
    "blue": ("#1d70b8", "#ffffff"),
}
WORDS = {"red": "Red", "amber": "Amber", "green": "Green", "blue": "Blue (complete)"}
BOTTOM_UP = ("blue", "green", "amber", "red")


def _step(highest: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000):
        if highest / step <= 5:
            return step
    return 1000 * (highest // 5000 + 1)


def _label(row: RagAtBoard) -> str:
    return row.occasion if row.is_now else f"{row.presented_on.day} {row.presented_on:%b %y}"


def _axis(top: int) -> list[str]:
    step, drawn = _step(top), []
    for tick in range(0, top + 1, step):
        y = BOTTOM - (BOTTOM - TOP) * tick / top
        drawn.append(element("line", x1=LEFT, x2=RIGHT, y1=y, y2=y, stroke="#b1b4b6"))
        drawn.append(element("text", str(tick), x=LEFT - 8, y=y + 4, text_anchor="end", **FONT))
    return drawn


def _column(row: RagAtBoard, *, x: float, width: float, top: int) -> list[str]:
    drawn, base = [], float(BOTTOM)
    for value in BOTTOM_UP:
        count = getattr(row, value)
        if not count:
            continue
        height = (BOTTOM - TOP) * count / top
        fill, ink = COLOURS[value]
        drawn.append(
            element("rect", x=x, y=base - height, width=width, height=height, fill=fill,
                    stroke="#ffffff")
        )  # fmt: skip
        if height >= 15:
            drawn.append(
                element("text", str(count), x=x + width / 2, y=base - height / 2 + 5,
                        text_anchor="middle", **{**FONT, "fill": ink})
            )  # fmt: skip
        base -= height
    label = _label(row)
    drawn.append(element("text", label, x=x + width / 2, y=BOTTOM + 20, text_anchor="middle",
                         font_weight="bold" if row.is_now else None, **FONT))  # fmt: skip
    return drawn


def _legend() -> list[str]:
    drawn, x = [], LEFT
    for value in ("red", "amber", "green", "blue"):
        drawn.append(
            element("rect", x=x, y=HEIGHT - 36, width=16, height=16, fill=COLOURS[value][0])
        )
        drawn.append(element("text", WORDS[value], x=x + 22, y=HEIGHT - 23, **FONT))
        x += 150
    return drawn


def description(rows: list[RagAtBoard]) -> str:
    """The chart in words, board by board."""
    return " ".join(
        f"{row.occasion}: {row.red} Red, {row.amber} Amber, {row.green} Green, {row.blue} Blue."
        for row in rows
    )


def rag_chart(
    rows: list[RagAtBoard], *, chart_id: str = "rag-at-boards", fit: bool = False
) -> SafeString:
    """The SVG (module docstring); empty when there is nothing to draw. Drawn at its own
    size for a page (a small screen scrolls it, so its words stay readable), or to `fit`
    the width it is given (a printed pack)."""
    top = max((row.total for row in rows), default=0)
    if top == 0:
        return mark_safe("")
    top = _step(top) * -(-top // _step(top))
    band = (RIGHT - LEFT) / len(rows)
    width = min(64.0, band * 0.6)
    body = [
        element("title", "The plan's actions by RAG at each board", id=f"{chart_id}-title"),
        element("desc", description(rows), id=f"{chart_id}-desc"),
        element("rect", x=0, y=0, width=WIDTH, height=HEIGHT, fill="#ffffff"),
        *_axis(top),
        *(
            part
            for place, row in enumerate(rows)
            for part in _column(
                row, x=LEFT + band * place + (band - width) / 2, width=width, top=top
            )
        ),
        element("line", x1=LEFT, x2=RIGHT, y1=BOTTOM, y2=BOTTOM, stroke="#0b0c0c"),
        *_legend(),
    ]
    size = 'width="100%"' if fit else f'width="{WIDTH}" height="{HEIGHT}"'
    return mark_safe(  # noqa: S308 - every text and value above is escaped by element()
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" {size} '
        f'preserveAspectRatio="xMidYMid meet" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">' + "".join(body) + "</svg>"
    )
