"""Uploads are checked by content and size, never by name."""

import io
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from governance import uploads
from governance.domain.file_types import download_name, sniff_kind
from governance.uploads import check_upload, stored_name
from tests.governance.meetings.factories import pdf_bytes

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


# Finding 8: a file is accepted only when it opens as the kind its first bytes claim.


def docx_bytes() -> bytes:
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Audit of case files")
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    import openpyxl

    buffer = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active.append(["Reference", "Action"])
    workbook.save(buffer)
    return buffer.getvalue()


def image_bytes(kind: str) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, kind.upper())
    return buffer.getvalue()


def with_part(data: bytes, part: str, content: bytes) -> bytes:
    """The Office package `data` with one part's content replaced."""
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            package.writestr(info, content if info.filename == part else source.read(info))
    return buffer.getvalue()


def check(name: str, data: bytes) -> str:
    return check_upload(SimpleUploadedFile(name, data), allowed=ALLOWED, max_bytes=10_000_000)


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda: pdf_bytes(2), "pdf"),
        (docx_bytes, "docx"),
        (xlsx_bytes, "xlsx"),
        (lambda: image_bytes("png"), "png"),
        (lambda: image_bytes("jpeg"), "jpeg"),
        (lambda: image_bytes("gif"), "gif"),
    ],
)
def test_a_real_file_of_each_kind_is_accepted(make, kind):
    assert check("anything.bin", make()) == kind


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n" + b"<html><script>alert(1)</script></html>" * 20, "PDF cannot be opened"),
        (b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "PDF cannot be opened"),
        (b"\x89PNG\r\n\x1a\n" + b"junk" * 50, "image is damaged"),
        (b"\xff\xd8\xff\xe0" + b"junk" * 50, "image is damaged"),
        (b"GIF89a" + b"junk" * 50, "image is damaged"),
        (office_package("word/document.xml"), "Word document (DOCX) cannot be opened"),
        (office_package("xl/workbook.xml"), "Excel workbook (XLSX) cannot be opened"),
    ],
    ids=["pdf-html", "pdf-stub", "png", "jpeg", "gif", "docx", "xlsx"],
)
def test_magic_bytes_followed_by_junk_are_refused(data, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        check("evidence.pdf", data)


def test_a_password_protected_pdf_is_refused():
    with pytest.raises(ValidationError, match="protected with a password"):
        check("locked.pdf", pdf_bytes(1, password="secret"))


def test_damaged_sheet_xml_inside_a_real_workbook_is_refused():
    damaged = with_part(xlsx_bytes(), "xl/workbook.xml", b"<workbook><sheets><sheet")
    with pytest.raises(ValidationError, match=re.escape("(XLSX) cannot be opened")):
        check("plan.xlsx", damaged)


def test_a_workbook_with_macros_is_refused():
    data = xlsx_bytes()
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    macro = with_part(
        data,
        "[Content_Types].xml",
        types.replace(b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml"),
    )
    with pytest.raises(ValidationError, match="contains macros"):
        check("plan.xlsx", macro)


def test_a_package_that_unpacks_to_too_much_is_refused_unopened(monkeypatch):
    monkeypatch.setattr(uploads, "OFFICE_MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(ValidationError, match="too big once unpacked"):
        check("report.docx", docx_bytes())


@pytest.mark.parametrize(
    ("original", "kind", "expected"),
    [
        ("photo.pdf", "png", "photo.png"),
        ("Report.PDF", "pdf", "Report.pdf"),
        ("scan.jpeg", "jpeg", "scan.jpg"),
        ("C:\\Users\\ana\\audit.docx", "docx", "audit.docx"),
        ("../../etc/passwd", "pdf", "passwd.pdf"),
        ('a "quoted"\r\nname;.xlsx', "xlsx", "a -quoted-name.xlsx"),
        (".hidden", "gif", "hidden.gif"),
        ("", "pdf", "file.pdf"),
        ("x" * 300 + ".pdf", "pdf", "x" * 120 + ".pdf"),
        ("résumé.docx", "docx", "résumé.docx"),
    ],
)
def test_download_name_is_the_uploaders_name_made_safe_with_the_kinds_extension(
    original, kind, expected
):
    assert download_name(original, kind) == expected


def test_stored_names_are_generated_with_the_kinds_extension():
    first, second = stored_name("jpeg"), stored_name("jpeg")
    assert first != second
    assert re.fullmatch(r"[0-9a-f]{32}\.jpg", first)


def test_a_workbook_typed_by_extension_rather_than_by_part_is_accepted():
    data = xlsx_bytes()
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml").decode()
    main = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    by_extension = re.sub(r'<Override PartName="/xl/workbook.xml"[^>]*/>', "", types)
    by_extension = re.sub(
        r'<Default Extension="xml" ContentType="[^"]*"/>',
        f'<Default Extension="xml" ContentType="{main}"/>',
        by_extension,
    )
    assert "/xl/workbook.xml" not in by_extension
    assert main in by_extension
    assert check("plan.xlsx", with_part(data, "[Content_Types].xml", by_extension.encode())) == (
        "xlsx"
    )
