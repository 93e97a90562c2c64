"""Checking uploaded files: by content and size, with messages that say what to do."""

import io

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from governance.domain.file_types import sniff_kind

KIND_NAMES = {
    "pdf": "PDF",
    "docx": "Word document (DOCX)",
    "xlsx": "Excel workbook (XLSX)",
    "png": "PNG image",
    "jpeg": "JPEG image",
    "gif": "GIF image",
}
IMAGE_KINDS = {"png", "jpeg", "gif"}


def _named(kinds) -> str:
    names = [KIND_NAMES[kind] for kind in sorted(kinds)]
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]


def check_upload(uploaded_file, *, allowed: set[str], max_bytes: int) -> str:
    """Returns the file's kind, or raises ValidationError saying what is wrong.

    The type is read from the content; the name and the browser's content type are
    ignored. Images must also open as images, so a renamed file cannot pass.
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
    if kind in IMAGE_KINDS:
        _verify_image(data)
    return kind


def _verify_image(data: bytes) -> None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ValidationError("The selected image is damaged: save it again and upload it") from exc
