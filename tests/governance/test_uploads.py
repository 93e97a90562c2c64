"""Uploads are checked by content and size, never by name."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from governance.domain.file_types import sniff_kind
from governance.uploads import check_upload

ALLOWED = {"pdf", "docx", "xlsx", "png", "jpeg", "gif"}


def office_package(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(part, "<x/>")
    return buffer.getvalue()


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\x89PNG\r\n\x1a\n....", "png"),
        (b"\xff\xd8\xff\xe0....", "jpeg"),
        (b"GIF89a....", "gif"),
        (office_package("word/document.xml"), "docx"),
        (office_package("xl/workbook.xml"), "xlsx"),
        (office_package("ppt/presentation.xml"), None),
        (b"PK\x03\x04 not really a zip", None),
        (b"MZ\x90\x00 an executable", None),
        (b"<html><script>alert(1)</script>", None),
    ],
)
def test_sniff_kind(data, kind):
    assert sniff_kind(data) == kind


def test_a_renamed_executable_is_refused():
    upload = SimpleUploadedFile("minutes.pdf", b"MZ\x90\x00" * 10, "application/pdf")
    with pytest.raises(ValidationError, match="must be a"):
        check_upload(upload, allowed=ALLOWED, max_bytes=1000)


def test_too_large_is_refused_with_the_limit_in_words():
    upload = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2000)
    with pytest.raises(ValidationError, match="smaller than 1000"):
        check_upload(upload, allowed=ALLOWED, max_bytes=1000)


def test_empty_is_refused():
    with pytest.raises(ValidationError, match="empty"):
        check_upload(SimpleUploadedFile("a.pdf", b""), allowed=ALLOWED, max_bytes=1000)


def test_a_real_image_passes_and_a_fake_one_does_not():
    assert check_upload(SimpleUploadedFile("x.png", png_bytes()), allowed=ALLOWED,
                        max_bytes=10_000) == "png"  # fmt: skip
    fake = SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\n" + b"junk" * 10)
    with pytest.raises(ValidationError, match="damaged"):
        check_upload(fake, allowed=ALLOWED, max_bytes=10_000)


def test_only_the_allowed_kinds_pass():
    upload = SimpleUploadedFile("paper.docx", office_package("word/document.xml"))
    with pytest.raises(ValidationError, match="must be a PDF"):
        check_upload(upload, allowed={"pdf"}, max_bytes=10_000)
