"""Reading an uploaded paper's stored PDF for the pack.

Rules:
- The stored file must open as a PDF with at least one page, and must not need a
  password; otherwise the build fails and says which paper, of which item, and what
  to do ("upload it again").
"""

import io

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from governance.models import Paper
from governance.packs.errors import PackBuildError


def _named(paper: Paper) -> str:
    return f"The uploaded paper “{paper.title}” for item {paper.agenda_item.order}"


def stored_bytes(paper: Paper) -> bytes:
    """The paper's stored file, or PackBuildError when there is none to read."""
    if not paper.file:
        raise PackBuildError(f"{_named(paper)} has no file. Upload its PDF, then build again.")
    try:
        with paper.file.open("rb") as stored:
            return stored.read()
    except OSError as exc:
        raise PackBuildError(
            f"{_named(paper)} could not be read from storage ({exc.__class__.__name__}). "
            "Upload it again, then build again."
        ) from exc


def read_uploaded(paper: Paper) -> PdfReader:
    """The paper's pages (module docstring)."""
    data = stored_bytes(paper)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise PackBuildError(
                f"{_named(paper)} is protected by a password. Upload a copy without "
                "a password, then build again."
            )
        count = len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise PackBuildError(
            f"{_named(paper)} could not be read as a PDF ({exc}). "
            "Upload it again, then build again."
        ) from exc
    if count == 0:
        raise PackBuildError(f"{_named(paper)} has no pages. Upload it again, then build again.")
    return reader
