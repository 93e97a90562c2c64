"""What kind of file some bytes are, judged by their content, never by their name."""

import io
import zipfile

SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
)
OFFICE_PARTS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"))
ZIP_SIGNATURE = b"PK\x03\x04"


def sniff_kind(data: bytes) -> str | None:
    """ "pdf", "png", "jpeg", "gif", "docx", "xlsx", or None when none of those.

    Office files are ZIP packages: a DOCX holds word/document.xml, an XLSX holds
    xl/workbook.xml. Any other ZIP (or a damaged one) is not accepted.
    """
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    if data.startswith(ZIP_SIGNATURE):
        return _office_kind(data)
    return None


def _office_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for part, kind in OFFICE_PARTS:
        if part in names:
            return kind
    return None
