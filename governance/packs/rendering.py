"""Turning a Django template into PDF pages with WeasyPrint.

Rules:
- Papers are rendered from templates under templates/governance/packs/pdf/, whose
  text is escaped by the template engine; the SVG charts come from scorecard.charts,
  which escapes every text it draws.
- WeasyPrint may fetch nothing but data: URLs, so no text in a paper can make the
  build read a local file or the network.
- WeasyPrint is imported when a PDF is first made, not when Django starts: importing
  it parses its stylesheets (most of a second), which every page and command would pay.
"""

import io

from django.conf import settings
from django.template.loader import render_to_string
from pypdf import PdfReader


def _fetcher():
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=("data",), fail_on_errors=False)


def html_for(template_name: str, context: dict) -> str:
    """The template rendered to HTML, as WeasyPrint will read it."""
    return render_to_string(template_name, context)


def pdf_from_html(html: str) -> bytes:
    """The HTML as PDF bytes (rule: only data: URLs are fetched)."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=_fetcher())
    return document.write_pdf()


def render_pdf(template_name: str, context: dict) -> PdfReader:
    """The template rendered by WeasyPrint, opened for assembly."""
    return PdfReader(io.BytesIO(pdf_from_html(html_for(template_name, context))))
