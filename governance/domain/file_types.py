"""What kind of file some bytes are, judged by their content, never by their name."""

import io
import re
import unicodedata
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


# The extension a stored or downloaded file gets for its kind, whatever it was called.
EXTENSIONS = {
    "pdf": "pdf",
    "docx": "docx",
    "xlsx": "xlsx",
    "png": "png",
    "jpeg": "jpg",
    "gif": "gif",
}
UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|;%\x00-\x1f\x7f]+')
NAME_STEM_LIMIT = 120


def download_name(original: str, kind: str) -> str:
    """The uploader's file name made safe to send back in a Content-Disposition header.

    Only the last path part is kept; control characters, quotes, slashes and the other
    characters that Windows or a header would trip on become "-"; the extension is the
    one for the kind the content showed ("photo.pdf" holding a PNG is "photo.png").
    """
    name = unicodedata.normalize("NFC", original or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C" or ch == " ")
    stem = name.rsplit(".", 1)[0] if "." in name.strip(".") else name
    stem = UNSAFE_IN_NAMES.sub("-", stem)
    stem = " ".join(stem.split()).strip(" .-")[:NAME_STEM_LIMIT].strip(" .-")
    return f"{stem or 'file'}.{EXTENSIONS.get(kind, 'bin')}"
