"""Turning a Django template into PDF pages with WeasyPrint.

Rules:
- Papers are rendered from templates under templates/governance/packs/pdf/, whose
  text is escaped by the template engine; the SVG charts come from scorecard.charts,
  which escapes every text it draws.
- WeasyPrint may fetch nothing but data: URLs, so no text in a paper can make the
  build read a local file or the network.
- Long words wrap: in the text of a paper (never inside a tag, a style or a script) a
  run of more than LONG_WORD characters without a space gets a zero-width space every
  WORD_PIECE characters, so a pasted link or a 1 MB comment without spaces wraps inside
  its column (the papers' tables are laid out fixed) instead of pushing the columns
  after it off the page, and WeasyPrint breaks it as fast as ordinary words.
- WeasyPrint is imported when a PDF is first made, not when Django starts: importing
  it parses its stylesheets (most of a second), which every page and command would pay.
"""

import io
import re

from django.conf import settings
from django.template.loader import render_to_string
from pypdf import PdfReader


def _fetcher():
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=("data",), fail_on_errors=False)


LONG_WORD = 40
WORD_PIECE = 20
ZERO_WIDTH_SPACE = "\u200b"
_TEXT_OR_TAG = re.compile(r"(<style.*?</style>|<script.*?</script>|<[^>]*>)", re.S | re.I)
_LONG_RUN = re.compile(r"[^\s\u200b]{" + str(LONG_WORD + 1) + ",}")
_PIECE = re.compile(r"((?:&#?\w+;|.){" + str(WORD_PIECE) + r"})(?=.)", re.S)  # an entity: one


def breakable(html: str) -> str:
    """The HTML with long words in its text made breakable (module docstring)."""

    def split(run: re.Match) -> str:
        return _PIECE.sub(lambda piece: piece[1] + ZERO_WIDTH_SPACE, run[0])

    parts = _TEXT_OR_TAG.split(html)
    return "".join(
        part if index % 2 else _LONG_RUN.sub(split, part) for index, part in enumerate(parts)
    )


def html_for(template_name: str, context: dict) -> str:
    """The template rendered to HTML, as WeasyPrint will read it."""
    return breakable(render_to_string(template_name, context))


def pdf_from_html(html: str) -> bytes:
    """The HTML as PDF bytes (rule: only data: URLs are fetched)."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=_fetcher())
    return document.write_pdf()


def render_pdf(template_name: str, context: dict) -> PdfReader:
    """The template rendered by WeasyPrint, opened for assembly."""
    return PdfReader(io.BytesIO(pdf_from_html(html_for(template_name, context))))
