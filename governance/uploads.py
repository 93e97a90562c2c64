"""Checking uploaded files: by content and size, with messages that say what to do.

A file is accepted only when it opens as the kind its first bytes claim: a PDF must
open with pypdf and have a page, a Word or Excel file must be an Office package whose
main part parses, an image must open with Pillow. It is then stored under a generated
name with the extension of that kind (stored_name), never under the uploader's name;
the uploader's name, made safe (governance.domain.file_types.download_name), is what a
download is called.
"""

import io
import uuid
import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from governance.domain.file_types import EXTENSIONS, sniff_kind

KIND_NAMES = {
    "pdf": "PDF",
    "docx": "Word document (DOCX)",
    "xlsx": "Excel workbook (XLSX)",
    "png": "PNG image",
    "jpeg": "JPEG image",
    "gif": "GIF image",
}
IMAGE_KINDS = {"png", "jpeg", "gif"}
PDF_UNREADABLE = "The selected PDF cannot be opened: it may be damaged. Save it again and upload it"
PDF_ENCRYPTED = (
    "The selected PDF is protected with a password: save a copy without a password and upload that"
)
PDF_NO_PAGES = "The selected PDF has no pages"
# An Office package is a ZIP: bounded by parts and unpacked size before anything is read,
# so a small file that unpacks to gigabytes (a "zip bomb") is refused, not opened.
OFFICE_MAX_PARTS = 5_000
OFFICE_MAX_UNPACKED_BYTES = 100 * 1024 * 1024
OFFICE_MAIN_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
OFFICE_MAIN_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def _named(kinds) -> str:
    names = [KIND_NAMES[kind] for kind in sorted(kinds)]
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]


def stored_name(kind: str) -> str:
    """A new file name for storage: random, with the extension of the kind the content
    showed, so no uploader chooses a stored file's name or extension."""
    return f"{uuid.uuid4().hex}.{EXTENSIONS.get(kind, 'bin')}"


def check_upload(uploaded_file, *, allowed: set[str], max_bytes: int) -> str:
    """Returns the file's kind, or raises ValidationError saying what is wrong.

    The type is read from the content; the name and the browser's content type are
    ignored. The file must then open as that kind, so "%PDF-" followed by anything
    else, or a renamed file, cannot pass.
    """
    if uploaded_file.size == 0:
        raise ValidationError("The selected file is empty")
    if uploaded_file.size > max_bytes:
        raise ValidationError(f"The selected file must be smaller than {filesizeformat(max_bytes)}")
    uploaded_file.seek(0)
    data = uploaded_file.read()
    uploaded_file.seek(0)
    kind = sniff_kind(data)
    if kind not in allowed:
        raise ValidationError(f"The selected file must be a {_named(allowed)}")
    if kind == "pdf":
        _verify_pdf(data)
    elif kind in IMAGE_KINDS:
        _verify_image(data)
    else:
        _verify_office(data, kind)
    return kind


def _verify_pdf(data: bytes) -> None:
    """Opens with pypdf: refused when damaged, protected by a password or without pages."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
        pages = 0 if encrypted else len(reader.pages)
    except Exception as exc:  # pypdf raises many kinds of error on a damaged file
        raise ValidationError(PDF_UNREADABLE) from exc
    if encrypted:
        raise ValidationError(PDF_ENCRYPTED)
    if pages == 0:
        raise ValidationError(PDF_NO_PAGES)


def _verify_image(data: bytes) -> None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError("The selected image is damaged: save it again and upload it") from exc


def _verify_office(data: bytes, kind: str) -> None:
    """A bounded ZIP whose content types name the main part of a DOCX or XLSX without
    macros, and whose package then opens with python-docx or openpyxl."""
    damaged = f"The selected {KIND_NAMES[kind]} cannot be opened: it may be damaged. "
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            _check_package(package, kind)
        _open_office(data, kind)
    except ValidationError:
        raise
    except Exception as exc:  # zipfile, lxml, python-docx and openpyxl each raise their own
        raise ValidationError(damaged + "Save it again and upload it") from exc


def _check_package(package: zipfile.ZipFile, kind: str) -> None:
    from lxml import etree

    parts = package.infolist()
    if len(parts) > OFFICE_MAX_PARTS or sum(p.file_size for p in parts) > (
        OFFICE_MAX_UNPACKED_BYTES
    ):
        raise ValidationError(f"The selected {KIND_NAMES[kind]} is too big once unpacked")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    types = etree.fromstring(package.read("[Content_Types].xml"), parser)  # noqa: S320
    main = "/" + OFFICE_MAIN_PARTS[kind]
    declared = {
        override.get("PartName"): override.get("ContentType", "")
        for override in types.iter(f"{CONTENT_TYPES_NS}Override")
    }
    for default in types.iter(f"{CONTENT_TYPES_NS}Default"):  # a writer may type by extension
        if default.get("Extension", "").lower() == "xml" and main not in declared:
            declared[main] = default.get("ContentType", "")
    if "macroEnabled" in declared.get(main, "") or "vbaProject" in " ".join(package.namelist()):
        raise ValidationError(
            f"The selected file contains macros: save it as a {KIND_NAMES[kind]} and upload that"
        )
    if declared.get(main) != OFFICE_MAIN_TYPES[kind]:
        raise ValueError(f"{main} is not declared as the main part")
    etree.fromstring(package.read(OFFICE_MAIN_PARTS[kind]), parser)  # noqa: S320


def _open_office(data: bytes, kind: str) -> None:
    if kind == "docx":
        import docx

        docx.Document(io.BytesIO(data))
        return
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    try:
        workbook.sheetnames  # noqa: B018 (reading the workbook part is the check)
    finally:
        workbook.close()
