"""Test data for the meetings pages: real PDFs made with pypdf, and a meeting arranged
through the services so it has the standard items."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from governance.meetings import services


def pdf_bytes(pages: int = 1, *, password: str | None = None) -> bytes:
    """A real PDF of blank A4 pages, encrypted when a password is given."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_upload(name: str = "report.pdf", pages: int = 1, **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(pages, **kwargs), content_type="application/pdf")


def arranged_meeting(board, user, *, starts_at: datetime.datetime, place: str = "Town Hall"):
    """A meeting arranged as democratic services arrange one: with the standard items."""
    return services.meeting_create(board=board, starts_at=starts_at, place=place, user=user)
